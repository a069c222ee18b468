/**
 * The userErrors codes the platform raises for every module: validation, versions,
 * idempotency, pagination arguments and the state machines' own checks.
 */
export enum PlatformErrorCode {
  VALIDATION_FAILED = "VALIDATION_FAILED",
  NOT_FOUND = "NOT_FOUND",
  STALE_VERSION = "STALE_VERSION",
  ALREADY_EXISTS = "ALREADY_EXISTS",
  IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED",
  INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY",
  INVALID_CURSOR = "INVALID_CURSOR",
  INVALID_OFFSET = "INVALID_OFFSET",
  PAGE_SIZE_OUT_OF_RANGE = "PAGE_SIZE_OUT_OF_RANGE",
  TOO_MANY_IDS = "TOO_MANY_IDS",
  INVALID_TRANSITION = "INVALID_TRANSITION",
  TRANSITION_NOT_PERMITTED = "TRANSITION_NOT_PERMITTED",
  REASON_REQUIRED = "REASON_REQUIRED",
  REASON_CODE_REQUIRED = "REASON_CODE_REQUIRED",
  REFERENCE_REQUIRED = "REFERENCE_REQUIRED",
  NO_ORGANIZATION = "NO_ORGANIZATION",
}

export const PLATFORM_ERROR_DESCRIPTIONS: Record<keyof typeof PlatformErrorCode, string> = {
  VALIDATION_FAILED:
    "An input value breaks its field's rule (format, length, range); `field` is the path and the message says the rule.",
  NOT_FOUND: "The row does not exist or is outside your scope: the two answer alike, so neither is revealed.",
  STALE_VERSION: "The row changed since you read it: read it again and send the new `version` as `expectedVersion`.",
  ALREADY_EXISTS: "A record with the same unique values already exists.",
  IDEMPOTENCY_KEY_REUSED: "This `idempotencyKey` was already used with a different input; use a new key per action.",
  INVALID_IDEMPOTENCY_KEY: "The `idempotencyKey` is longer than 200 characters.",
  INVALID_CURSOR: "The cursor is not one this API issued for this list (a top-level error, HTTP 400).",
  INVALID_OFFSET: "`offset` is negative (a top-level error, HTTP 400).",
  PAGE_SIZE_OUT_OF_RANGE: "`first` or `last` is outside 0..100 (a top-level error, HTTP 400).",
  TOO_MANY_IDS: "`filter.ids` names more than 100 ids (a top-level error, HTTP 400).",
  INVALID_TRANSITION: "The event is not possible from the object's current status.",
  TRANSITION_NOT_PERMITTED: "Your organisation or role may not fire this event on this object.",
  REASON_REQUIRED: "This event needs a `reason`.",
  REASON_CODE_REQUIRED: "This event needs a `reasonCode`.",
  REFERENCE_REQUIRED: "This event needs a `reference`.",
  NO_ORGANIZATION: "The operation acts for your organisation, and this principal acts for none.",
};
