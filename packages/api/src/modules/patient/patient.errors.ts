import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for registering and changing patients. */
export enum PatientErrorCode {
  CUSTOMER_NUMBER_NOT_ALLOWED = "CUSTOMER_NUMBER_NOT_ALLOWED",
  CUSTOMER_NUMBER_TAKEN = "CUSTOMER_NUMBER_TAKEN",
  PATIENT_NOT_EDITABLE = "PATIENT_NOT_EDITABLE",
}

export const patientErrorCodes = errorCodeSet("Patients", PatientErrorCode, {
  CUSTOMER_NUMBER_NOT_ALLOWED:
    "Customer numbers are issued by the platform: omit `customerNumber` and read the one assigned.",
  CUSTOMER_NUMBER_TAKEN: "Another patient has this customer number.",
  PATIENT_NOT_EDITABLE: "Only the organisation that registered this patient may change it.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    patient: PatientErrorCode;
  }
}
