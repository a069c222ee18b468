import { Field, ObjectType } from "type-graphql";
import type { ClassType } from "type-graphql";
import { DriverException, OptimisticLockError, UniqueConstraintViolationException } from "@mikro-orm/core";
import { DomainError, DomainErrors } from "../errors/domain-error.js";
import { type ErrorCode, PlatformErrorCode, UserErrorCode } from "../errors/error-codes.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";

@ObjectType({ description: "A problem the caller can fix: validation, a guard that failed, a stale version." })
export class UserError {
  @Field(() => UserErrorCode, {
    description: "Stable machine-readable code, e.g. STALE_VERSION, FINAL_REPORT_REQUIRED: switch on it.",
  })
  code!: ErrorCode;
  @Field(() => [String], { nullable: true, description: "Path of the input field at fault, when there is one." })
  field?: string[] | null;
  @Field({ description: "Human-readable explanation." })
  message!: string;
}

export interface PayloadShape {
  userErrors: UserError[];
}

/** Builds a mutation payload type `{ <field>: T, userErrors }`. */
export function PayloadType<T extends object>(name: string, field: string, type: ClassType<T>) {
  @ObjectType(name, { description: `Result of a mutation returning a ${type.name}.` })
  class Payload {
    @Field(() => [UserError], { description: "Empty when the mutation succeeded." })
    userErrors!: UserError[];
  }
  Field(() => type, { nullable: true, description: `The ${type.name}, when the mutation succeeded.` })(
    Payload.prototype,
    field,
  );
  return Payload as ClassType<Payload & Record<string, T | null>>;
}

/**
 * Runs a mutation body and maps failures the caller can fix to `userErrors`.
 * Anything else propagates as an internal error (masked for clients).
 */
export async function asPayload<K extends string, T>(
  field: K,
  body: () => Promise<T>,
): Promise<{ userErrors: UserError[] } & Record<K, T | null>> {
  try {
    const value = await body();
    return { [field]: value, userErrors: [] } as { userErrors: UserError[] } & Record<K, T | null>;
  } catch (err) {
    const userErrors = toUserErrors(err);
    if (!userErrors) throw err;
    return { [field]: null, userErrors } as { userErrors: UserError[] } & Record<K, T | null>;
  }
}

/**
 * Postgres "data exception" codes a caller's value can cause (a malformed uuid, an
 * impossible date, a number out of range, text too long): the caller's to fix, so a
 * validation error rather than an internal fault. 08P01 is what Postgres answers to a NUL
 * byte inside a text parameter.
 */
const INVALID_VALUE_SQLSTATES = new Set(["22P02", "22007", "22008", "22003", "22001", "22021", "22P05", "08P01"]);

export function isInvalidValueError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof DriverException && typeof code === "string" && INVALID_VALUE_SQLSTATES.has(code);
}

/**
 * Maps a failure the caller can fix to its userError; null for anything else, which the
 * caller rethrows. A database outage is never the caller's to fix: it propagates and
 * answers SERVICE_UNAVAILABLE (503, retryable) rather than a userError.
 */
/** Like toUserError, but DomainErrors answer one userError per problem. */
export function toUserErrors(err: unknown): UserError[] | null {
  if (err instanceof DomainErrors) return err.errors.map((e) => toUserError(e)!);
  const userError = toUserError(err);
  return userError ? [userError] : null;
}

export function toUserError(err: unknown): UserError | null {
  if (isDatabaseUnavailable(err)) return null;
  if (isInvalidValueError(err))
    return {
      code: PlatformErrorCode.VALIDATION_FAILED,
      field: null,
      message: "A value in the input is not valid for its field.",
    };
  if (err instanceof DomainError) return { code: err.code, field: err.field ?? null, message: err.message };
  if (err instanceof OptimisticLockError)
    return {
      code: PlatformErrorCode.STALE_VERSION,
      field: ["expectedVersion"],
      message: "This record was changed by someone else. Reload and try again.",
    };
  if (err instanceof UniqueConstraintViolationException)
    return {
      code: PlatformErrorCode.ALREADY_EXISTS,
      field: null,
      message: "A record with the same unique values already exists.",
    };
  return null;
}
