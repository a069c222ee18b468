import { DomainError } from "../../../platform/errors/domain-error.js";
import { errorCodeSet } from "../../../platform/errors/error-codes.js";

/** Why the claim engine refused its input; the code travels to the client unchanged. */
export enum ClaimEngineErrorCode {
  INVALID_AMOUNT = "INVALID_AMOUNT",
  TOO_MANY_DECIMALS = "TOO_MANY_DECIMALS",
  AMOUNT_TOO_LARGE = "AMOUNT_TOO_LARGE",
  NEGATIVE_AMOUNT = "NEGATIVE_AMOUNT",
  INVALID_QUANTITY = "INVALID_QUANTITY",
  INVALID_FACTOR = "INVALID_FACTOR",
  UNKNOWN_MODIFIER = "UNKNOWN_MODIFIER",
  INVALID_COVERAGE_RATE = "INVALID_COVERAGE_RATE",
  NEGATIVE_LINE = "NEGATIVE_LINE",
  DISCOUNT_OUT_OF_RANGE = "DISCOUNT_OUT_OF_RANGE",
  APPROVED_ABOVE_COMPUTED = "APPROVED_ABOVE_COMPUTED",
  UNSUPPORTED_CURRENCY = "UNSUPPORTED_CURRENCY",
}

export const claimEngineErrorCodes = errorCodeSet("Amounts (claims, estimates, payments)", ClaimEngineErrorCode, {
  INVALID_AMOUNT: "An amount is not a decimal number, or (for a payment) not greater than zero.",
  TOO_MANY_DECIMALS: "An amount has more decimals than its currency's minor unit (CLP and IRR none, EUR two).",
  AMOUNT_TOO_LARGE: "An amount has more than 15 integer digits.",
  NEGATIVE_AMOUNT: "An amount must not be negative.",
  INVALID_QUANTITY: "A quantity must be a positive whole number.",
  INVALID_FACTOR: "A modifier factor must be a decimal such as 1.5 within the configured range (0.1..5).",
  UNKNOWN_MODIFIER: "A modifier code is not one of `claimModifiers`.",
  INVALID_COVERAGE_RATE: "A coverage rate must be between 0 and 1.",
  NEGATIVE_LINE: "The discount is larger than the line's amount.",
  DISCOUNT_OUT_OF_RANGE:
    "The discount is above the range the service code allows (`ServiceCode.maxDiscountRate` of quantity × unit price); the message names the range.",
  APPROVED_ABOVE_COMPUTED: "An approved amount is above the line's computed amount.",
  UNSUPPORTED_CURRENCY: "The currency is not an ISO 4217 code the engine knows.",
});

declare module "../../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    claimEngine: ClaimEngineErrorCode;
  }
}

/**
 * Raised for input the caller can correct. It is a DomainError, so a mutation resolver
 * can return it as a `userErrors` entry; `field` is the path inside the engine input,
 * e.g. ["lines", "2", "discount"].
 */
export class ClaimEngineError extends DomainError {
  declare readonly code: ClaimEngineErrorCode;

  constructor(code: ClaimEngineErrorCode, message: string, field?: string[]) {
    super(code, message, field);
    this.name = "ClaimEngineError";
  }
}
