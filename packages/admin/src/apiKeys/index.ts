import { lazy } from "react";

export const apiKeys = {
  list: lazy(() => import("./ApiKeyList")),
  create: lazy(() => import("./ApiKeyCreate")),
};
