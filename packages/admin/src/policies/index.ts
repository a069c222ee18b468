import { lazy } from "react";

/** The policies resource: the generic list, a policy page with its liabilities, members and claims. */
export const policies = {
  show: lazy(() => import("./PolicyShow")),
};
