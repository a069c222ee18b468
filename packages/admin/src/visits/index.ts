import { lazy } from "react";

export const visits = {
  list: lazy(() => import("./VisitList")),
  show: lazy(() => import("./VisitShow")),
  create: lazy(() => import("./VisitCreate")),
};
export const VisitAssignment = lazy(() => import("./VisitAssignment"));
export const VisitorHome = lazy(() => import("./VisitorHome"));
