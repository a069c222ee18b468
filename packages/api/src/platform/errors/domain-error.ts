import type { ErrorCode } from "./error-codes.js";
import { PlatformErrorCode } from "./platform.errors.js";

/**
 * A failure the caller can fix. Services throw it; mutation resolvers turn it into a
 * `userErrors` entry with the same code, so the code travels to the client unchanged.
 * The code is one of the declared enums (platform/errors/error-codes.ts), never a free string.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string[],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * Several problems with one input, answered as one userError each, so the caller fixes
 * them in one round (a form reports every violation of its template).
 */
export class DomainErrors extends DomainError {
  constructor(readonly errors: readonly [DomainError, ...DomainError[]]) {
    super(errors[0].code, errors.map((e) => e.message).join(" "), errors[0].field);
    this.name = "DomainErrors";
  }
}

/** Raised when the principal may not do this at all (top-level FORBIDDEN). */
export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, field: string[] = ["id"]) {
    // A foreign row answers exactly like a missing one, so the message never says which.
    super(PlatformErrorCode.NOT_FOUND, `${entity} not found.`, field);
  }
}
