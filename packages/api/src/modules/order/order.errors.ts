import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for issuing orders, attaching reports and the order machine's checks. */
export enum OrderErrorCode {
  INVALID_PROVIDER = "INVALID_PROVIDER",
  INVALID_DEADLINES = "INVALID_DEADLINES",
  MIXED_CURRENCIES = "MIXED_CURRENCIES",
  REPORT_CONTENT_REQUIRED = "REPORT_CONTENT_REQUIRED",
  REPORT_NOT_PERMITTED = "REPORT_NOT_PERMITTED",
  REPORT_NOT_ALLOWED_IN_STATE = "REPORT_NOT_ALLOWED_IN_STATE",
  SERVICE_NOT_REQUESTED = "SERVICE_NOT_REQUESTED",
  FORM_TEMPLATE_MISSING = "FORM_TEMPLATE_MISSING",
  FORM_INVALID = "FORM_INVALID",
  FORM_TEMPLATE_EXISTS = "FORM_TEMPLATE_EXISTS",
  FORM_SCHEMA_INVALID = "FORM_SCHEMA_INVALID",
  CONFIRMATION_DEADLINE_PASSED = "CONFIRMATION_DEADLINE_PASSED",
  FINAL_REPORT_REQUIRED = "FINAL_REPORT_REQUIRED",
  CORRECTED_REPORT_REQUIRED = "CORRECTED_REPORT_REQUIRED",
  INVALID_REASON_CODE = "INVALID_REASON_CODE",
  NOT_DUE = "NOT_DUE",
}

export const orderErrorCodes = errorCodeSet("Orders and reports", OrderErrorCode, {
  INVALID_PROVIDER: "The provider must be an active lab, clinic or interconsultant.",
  INVALID_DEADLINES: "`confirmBy` must be in the future and `dueAt` not before it.",
  MIXED_CURRENCIES: "The requested service codes have fees in different currencies.",
  REPORT_CONTENT_REQUIRED: "Send exactly one of `fileId` (a document) or `form`.",
  REPORT_NOT_PERMITTED: "Only the order's provider or operator staff attach reports.",
  SERVICE_NOT_REQUESTED: "The report's `serviceCode` is not one of the order's requested codes.",
  REPORT_NOT_ALLOWED_IN_STATE:
    "The order's status takes no report of this kind (a rejected order takes only a FINAL one).",
  FORM_TEMPLATE_MISSING: "There is no form template for the order's specialty: upload a document instead.",
  FORM_INVALID:
    "The form breaks its template: one userError per violation, `field` the path inside `form` (e.g. form, findings).",
  FORM_TEMPLATE_EXISTS:
    "The specialty already has a form template: write a new version of it (`createFormTemplateVersion`).",
  FORM_SCHEMA_INVALID:
    "The form template's schema is not a usable JSON Schema (draft-07, an object with properties, strict keywords only).",
  CONFIRMATION_DEADLINE_PASSED: "The confirmation deadline (`confirmBy`) has passed.",
  FINAL_REPORT_REQUIRED: "Attach a FINAL report before submitting the order for review.",
  CORRECTED_REPORT_REQUIRED: "Attach a FINAL report newer than the last rejection before resubmitting.",
  INVALID_REASON_CODE: "`reasonCode` must be one of the configured rejection reasons (`rejectionReasons`).",
  NOT_DUE: "The order's deadline has not passed yet.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    order: OrderErrorCode;
  }
}
