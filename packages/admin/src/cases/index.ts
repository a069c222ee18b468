import { lazy } from "react";

/** The cases resource: the generic list, a case page with its orders, visits and claims. */
export const cases = {
  show: lazy(() => import("./CaseShow")),
};
