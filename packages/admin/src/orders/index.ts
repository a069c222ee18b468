import { lazy } from "react";

/** The orders resource: tray tabs and the order page with reports and history. */
export const orders = {
  list: lazy(() => import("./OrderList")),
  show: lazy(() => import("./OrderShow")),
  create: lazy(() => import("./OrderCreate")),
};
