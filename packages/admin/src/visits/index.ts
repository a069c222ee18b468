import { lazy } from "react";

export const visits = {
  list: lazy(() => import("./VisitList")),
  create: lazy(() => import("./VisitCreate")),
};
export const VisitAssignment = lazy(() => import("./VisitAssignment"));
