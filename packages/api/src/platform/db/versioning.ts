import { DomainError } from "../errors/domain-error.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";

/**
 * The optimistic-lock check every update does before touching a row. The flush checks
 * the version column again in SQL, so a change that slips in between still fails.
 */
export function checkVersion(current: number, expected: number): void {
  if (current !== expected)
    throw new DomainError(
      PlatformErrorCode.STALE_VERSION,
      `This record was changed by someone else (version ${current}, you sent ${expected}). Reload and try again.`,
      ["expectedVersion"],
    );
}
