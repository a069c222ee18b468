import { lazy } from "react";

export const claims = {
  show: lazy(() => import("./ClaimShow")),
  create: lazy(() => import("./ClaimCreate")),
};
