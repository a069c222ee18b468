import { lazy } from "react";

export const visits = { list: lazy(() => import("./VisitList")) };
export const VisitAssignment = lazy(() => import("./VisitAssignment"));
