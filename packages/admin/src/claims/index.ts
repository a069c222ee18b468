import { lazy } from "react";

export const claims = { show: lazy(() => import("./ClaimShow")) };
