import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for field visits and appointments, the visit machine's checks included. */
export enum VisitErrorCode {
  FIELD_VISIT_EXISTS = "FIELD_VISIT_EXISTS",
  PROVIDER_REQUIRED = "PROVIDER_REQUIRED",
  SCHEDULED_AT_IN_PAST = "SCHEDULED_AT_IN_PAST",
  ORDER_CASE_MISMATCH = "ORDER_CASE_MISMATCH",
  VISITOR_HAS_NO_PHONE = "VISITOR_HAS_NO_PHONE",
  TOO_MANY_LINKS = "TOO_MANY_LINKS",
  INVALID_BANK_ACCOUNT = "INVALID_BANK_ACCOUNT",
  INVALID_DIAGNOSIS_CODE = "INVALID_DIAGNOSIS_CODE",
  USE_DOMAIN_MUTATION = "USE_DOMAIN_MUTATION",
  FIELD_VISIT_ONLY = "FIELD_VISIT_ONLY",
  APPOINTMENT_ONLY = "APPOINTMENT_ONLY",
  VISITOR_NOT_LINKED_TO_HOSPITAL = "VISITOR_NOT_LINKED_TO_HOSPITAL",
  SAME_VISITOR = "SAME_VISITOR",
  CONCLUSION_REQUIRED = "CONCLUSION_REQUIRED",
  LIABILITY_LINK_REQUIRED = "LIABILITY_LINK_REQUIRED",
  BANK_ACCOUNT_REQUIRED = "BANK_ACCOUNT_REQUIRED",
  SELF_REVIEW_NOT_ALLOWED = "SELF_REVIEW_NOT_ALLOWED",
  APPOINTMENT_NOT_DUE = "APPOINTMENT_NOT_DUE",
}

export const visitErrorCodes = errorCodeSet("Visits and appointments", VisitErrorCode, {
  FIELD_VISIT_EXISTS: "The case already has an open field visit.",
  PROVIDER_REQUIRED: "An appointment needs its provider (`providerId`).",
  SCHEDULED_AT_IN_PAST: "The appointment time must be in the future.",
  ORDER_CASE_MISMATCH: "The order belongs to another case.",
  VISITOR_HAS_NO_PHONE: "The visitor has no mobile phone for the SMS.",
  TOO_MANY_LINKS: "A visit takes at most 50 liability links.",
  INVALID_BANK_ACCOUNT: "The payout bank account number is not valid for its scheme.",
  INVALID_DIAGNOSIS_CODE: "A diagnosis code is not an ICD-10 code such as S72.0.",
  USE_DOMAIN_MUTATION: "This event carries data: fire it through its own mutation (the message names it).",
  FIELD_VISIT_ONLY: "Only field visits go through assignment, entry and review.",
  APPOINTMENT_ONLY: "Only appointments are attended, missed or rescheduled.",
  VISITOR_NOT_LINKED_TO_HOSPITAL: "The visitor does not cover this visit's hospital.",
  SAME_VISITOR: "The visit is already assigned to this visitor.",
  CONCLUSION_REQUIRED: "Choose a conclusion: COMPLETED or NO_LIABILITY.",
  LIABILITY_LINK_REQUIRED: "A COMPLETED visit needs at least one liability link.",
  BANK_ACCOUNT_REQUIRED: "A COMPLETED visit needs the patient's payout bank account.",
  SELF_REVIEW_NOT_ALLOWED: "The visitor of a visit cannot review it.",
  APPOINTMENT_NOT_DUE: "A no-show can be recorded only once the appointment time has passed.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    visit: VisitErrorCode;
  }
}
