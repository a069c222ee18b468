import { lazy } from "react";

/** The patients resource: the generic list, a patient page with everything that is theirs. */
export const patients = {
  show: lazy(() => import("./PatientShow")),
};
