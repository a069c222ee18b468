import { registerEnumType } from "type-graphql";
import { WORK_CALENDAR_ERROR_DESCRIPTIONS, WorkCalendarErrorCode } from "./calendar.errors.js";
import { PLATFORM_ERROR_DESCRIPTIONS, PlatformErrorCode } from "./platform.errors.js";

/**
 * Error codes are closed sets: each module declares its codes once, as a string enum with a
 * description per value, in its `<module>.errors.ts` (the platform's in platform/errors/ and
 * platform/calendar/), and adds the enum to this catalog by declaration merging:
 *
 *   declare module "../../platform/errors/error-codes.js" {
 *     interface ErrorCodeCatalog { order: OrderErrorCode }
 *   }
 *
 * DomainError, state-machine guards and userErrors take an `ErrorCode`, the union of every
 * catalogued enum, so a free string (even one spelled like a code) does not compile. The
 * merging is type-only: the platform imports no module at run time.
 */
export interface ErrorCodeCatalog {
  platform: PlatformErrorCode;
  calendar: WorkCalendarErrorCode;
}

export type ErrorCode = ErrorCodeCatalog[keyof ErrorCodeCatalog];

/** One module's codes with their descriptions, as the schema and docs/partners.md show them. */
export interface ErrorCodeSet<C extends string = string> {
  /** The heading partners read in docs/partners.md, e.g. "Orders". */
  readonly title: string;
  readonly codes: Readonly<Record<string, C>>;
  readonly descriptions: Readonly<Record<string, string>>;
}

/**
 * Pairs a module's enum with its descriptions; the `Record` over the enum's keys makes a code
 * without a description a compile error.
 */
export function errorCodeSet<E extends Record<string, string>>(
  title: string,
  codes: E,
  descriptions: Record<keyof E, string>,
): ErrorCodeSet<E[keyof E]> {
  for (const [key, value] of Object.entries(codes))
    if (key !== value) throw new Error(`${title}: error code ${key} must equal its value (${value})`);
  return { title, codes: codes as unknown as Record<string, E[keyof E]>, descriptions };
}

/**
 * The GraphQL enum `UserErrorCode` that types `UserError.code`: the codes of every set the
 * composition root hands to `useErrorCodes` before the schema is built. type-graphql reads
 * the object when it builds the schema, not when the enum is registered.
 */
export const UserErrorCode: Record<string, string> = {};
const userErrorCodeValues: Record<string, { description: string }> = {};

registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description:
    "Why a mutation (or an eligibility check) refused: stable, switch on it. New values may be added; keep a default branch.",
  valuesConfig: userErrorCodeValues,
});

/** Fills `UserErrorCode` from every module's set; a code declared in two sets is a programming error. */
export function useErrorCodes(sets: readonly ErrorCodeSet[]): void {
  const owner = new Map<string, ErrorCodeSet>();
  for (const set of sets) {
    for (const code of Object.values(set.codes)) {
      const earlier = owner.get(code);
      if (earlier) throw new Error(`Error code ${code} is declared by both "${earlier.title}" and "${set.title}"`);
      owner.set(code, set);
    }
  }
  for (const key of Object.keys(UserErrorCode)) delete UserErrorCode[key];
  for (const key of Object.keys(userErrorCodeValues)) delete userErrorCodeValues[key];
  // Alphabetical, so schema.graphql lists them in a stable order whatever the module order.
  for (const code of [...owner.keys()].sort()) {
    UserErrorCode[code] = code;
    userErrorCodeValues[code] = { description: owner.get(code)!.descriptions[code]! };
  }
}

export { PlatformErrorCode, WorkCalendarErrorCode };

export const platformErrorCodes = errorCodeSet("Every operation", PlatformErrorCode, PLATFORM_ERROR_DESCRIPTIONS);
export const workCalendarErrorCodes = errorCodeSet(
  "Work calendars",
  WorkCalendarErrorCode,
  WORK_CALENDAR_ERROR_DESCRIPTIONS,
);
