import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for registering claims, their lines and review, the claim machine's checks included. */
export enum ClaimErrorCode {
  NOT_PERMITTED = "NOT_PERMITTED",
  CLAIM_NOT_EDITABLE = "CLAIM_NOT_EDITABLE",
  CLAIM_NOT_IN_REVIEW = "CLAIM_NOT_IN_REVIEW",
  TOO_MANY_LINES = "TOO_MANY_LINES",
  FEE_CURRENCY_MISMATCH = "FEE_CURRENCY_MISMATCH",
  PRICE_ABOVE_SCHEDULE = "PRICE_ABOVE_SCHEDULE",
  ADJUSTMENT_REASON_REQUIRED = "ADJUSTMENT_REASON_REQUIRED",
  APPROVED_AMOUNT_OUT_OF_RANGE = "APPROVED_AMOUNT_OUT_OF_RANGE",
  LINES_REQUIRED = "LINES_REQUIRED",
  NOT_ELIGIBLE = "NOT_ELIGIBLE",
  RETURN_REASON_REQUIRED = "RETURN_REASON_REQUIRED",
  INSURER_PAYMENT_INCOMPLETE = "INSURER_PAYMENT_INCOMPLETE",
}

export const claimErrorCodes = errorCodeSet("Claims", ClaimErrorCode, {
  NOT_PERMITTED: "Your kind of principal may not do this with claims or their payments (the message says who may).",
  CLAIM_NOT_EDITABLE: "Lines change only while the claim is DRAFT or RETURNED.",
  CLAIM_NOT_IN_REVIEW: "Approved amounts are set while the claim is IN_REVIEW.",
  TOO_MANY_LINES: "A claim has at most 200 lines.",
  FEE_CURRENCY_MISMATCH: "The scheduled fee is in another currency than the policy: give `unitPrice`.",
  PRICE_ABOVE_SCHEDULE: "The unit price is above the scheduled fee: give `priceOverrideReason`.",
  ADJUSTMENT_REASON_REQUIRED: "Say why an approved amount is lowered (`reason`).",
  APPROVED_AMOUNT_OUT_OF_RANGE: "An approved amount must be between 0 and the line's computed amount.",
  LINES_REQUIRED: "A claim needs at least one line before it is submitted.",
  NOT_ELIGIBLE:
    "SUBMIT refused on eligibility: followed by one userError per reason, its code the reason's (e.g. PATIENT_NOT_MEMBER).",
  RETURN_REASON_REQUIRED: "RETURN needs one or more reasons, each with a code and a text.",
  INSURER_PAYMENT_INCOMPLETE:
    "The insurer's payments do not cover the approved payable: record the remittance or give a reason.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    claim: ClaimErrorCode;
  }
}
