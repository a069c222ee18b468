import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for registering cases and for work that needs an open case. */
export enum CaseErrorCode {
  CASE_NOT_OPEN = "CASE_NOT_OPEN",
  CASE_PATIENT_MISMATCH = "CASE_PATIENT_MISMATCH",
  CASE_HAS_OPEN_WORK = "CASE_HAS_OPEN_WORK",
  FORBIDDEN_REGISTRANT = "FORBIDDEN_REGISTRANT",
  HOSPITAL_MISMATCH = "HOSPITAL_MISMATCH",
  HOSPITAL_REQUIRED = "HOSPITAL_REQUIRED",
  INCIDENT_DATE_IN_FUTURE = "INCIDENT_DATE_IN_FUTURE",
  INVALID_CUSTOMER_NUMBER = "INVALID_CUSTOMER_NUMBER",
  INVALID_SCAN_KEY = "INVALID_SCAN_KEY",
  REGISTRANT_REQUIRED = "REGISTRANT_REQUIRED",
  SCAN_KEY_MISMATCH = "SCAN_KEY_MISMATCH",
}

export const caseErrorCodes = errorCodeSet("Cases", CaseErrorCode, {
  CASE_NOT_OPEN: "The case is closed or cancelled: no new orders or visits on it.",
  CASE_PATIENT_MISMATCH: "The case (or the order's case) belongs to another patient.",
  CASE_HAS_OPEN_WORK: "The case still has orders, visits or claims that are not finished.",
  FORBIDDEN_REGISTRANT: "A partner registers cases as itself: `registeredById` must be your organisation.",
  HOSPITAL_MISMATCH: "A hospital registers cases at itself: `hospitalId` must be your organisation.",
  HOSPITAL_REQUIRED: "The case (an inpatient case, or a field visit's case) needs its hospital.",
  INCIDENT_DATE_IN_FUTURE: "The incident date cannot be in the future.",
  INVALID_CUSTOMER_NUMBER: "The patient's customer number is not 8 digits, so no scan key can be made.",
  INVALID_SCAN_KEY: "A scan key is 16 digits: the customer number and the incident date (YYYYMMDD).",
  REGISTRANT_REQUIRED: "Name the registering organisation (`registeredById`).",
  SCAN_KEY_MISMATCH: "The scan key does not match the patient's customer number and the incident date.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    case: CaseErrorCode;
  }
}
