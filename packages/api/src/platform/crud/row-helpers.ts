import type { Principal } from "../auth/principal.js";
import { DomainError } from "../errors/domain-error.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";

/** `%text%` for ILIKE, with the caller's own wildcards escaped so they match literally. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The organisation a new row is registered by: the partner's own, or the operator for staff. */
export function actingOrganizationId(principal: Principal): string {
  if (principal.kind === "PARTNER" || principal.kind === "STAFF") return principal.organizationId;
  throw new DomainError(PlatformErrorCode.NO_ORGANIZATION, "This principal acts for no organisation.");
}

/** A partial update: assigns the given (non-null) values and returns the names changed. */
export function assignDefined<T extends object>(
  target: T,
  values: Record<string, unknown>,
  skip: string[] = [],
): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || skip.includes(key)) continue;
    (target as Record<string, unknown>)[key] = value;
    changed.push(key);
  }
  return changed;
}
