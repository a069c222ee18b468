import { lazy } from "react";

export { ClaimPayments } from "./ClaimPayments";
export const CollectionsPage = lazy(() => import("./CollectionsPage"));
