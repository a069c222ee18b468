import { DomainError } from "../../../platform/errors/domain-error.js";

/** Why the claim engine refused its input; the code travels to the client unchanged. */
export const ClaimEngineErrorCode = {
  INVALID_AMOUNT: "INVALID_AMOUNT",
  TOO_MANY_DECIMALS: "TOO_MANY_DECIMALS",
  AMOUNT_TOO_LARGE: "AMOUNT_TOO_LARGE",
  NEGATIVE_AMOUNT: "NEGATIVE_AMOUNT",
  INVALID_QUANTITY: "INVALID_QUANTITY",
  INVALID_FACTOR: "INVALID_FACTOR",
  UNKNOWN_MODIFIER: "UNKNOWN_MODIFIER",
  INVALID_COVERAGE_RATE: "INVALID_COVERAGE_RATE",
  NEGATIVE_LINE: "NEGATIVE_LINE",
  APPROVED_ABOVE_COMPUTED: "APPROVED_ABOVE_COMPUTED",
  UNSUPPORTED_CURRENCY: "UNSUPPORTED_CURRENCY",
} as const;

export type ClaimEngineErrorCode = (typeof ClaimEngineErrorCode)[keyof typeof ClaimEngineErrorCode];

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
