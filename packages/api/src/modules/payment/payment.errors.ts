import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for recording payments on claims. */
export enum PaymentErrorCode {
  CLAIM_CLOSED = "CLAIM_CLOSED",
  CLAIM_NOT_APPROVED = "CLAIM_NOT_APPROVED",
  CURRENCY_MISMATCH = "CURRENCY_MISMATCH",
  PAYMENT_EXCEEDS_OUTSTANDING = "PAYMENT_EXCEEDS_OUTSTANDING",
  RECEIVED_IN_FUTURE = "RECEIVED_IN_FUTURE",
}

export const paymentErrorCodes = errorCodeSet("Payments", PaymentErrorCode, {
  CLAIM_CLOSED: "No payments on a claim in this status.",
  CLAIM_NOT_APPROVED: "Insurer payments are recorded once the claim is APPROVED.",
  CURRENCY_MISMATCH: "The payment is in another currency than the claim.",
  PAYMENT_EXCEEDS_OUTSTANDING: "The payment is more than what is outstanding for this payer.",
  RECEIVED_IN_FUTURE: "`receivedAt` is in the future.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    payment: PaymentErrorCode;
  }
}
