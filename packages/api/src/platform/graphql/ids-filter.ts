import { Field, ID } from "type-graphql";
import { DomainError } from "../errors/domain-error.js";
import { MAX_PAGE_SIZE } from "./connection.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";

/**
 * At most one page of ids: a client resolving the references of a page (the console's
 * getMany) asks for them in one request instead of one alias per row, which the
 * 15-alias limit would refuse.
 */
export const MAX_FILTER_IDS = MAX_PAGE_SIZE;

/** The `ids` field every connection filter shares. */
export function IdsFilterField(rows: string): ReturnType<typeof Field> {
  return Field(() => [ID], {
    nullable: true,
    description:
      `Only the ${rows} with these ids (at most ${MAX_FILTER_IDS}), to load the references of a page in one ` +
      "request; ids the caller may not see are left out, exactly like ids that do not exist.",
  });
}

/**
 * The `ids` condition, or null when the filter does not name ids. The row scope is not
 * here: it is the ORM filter on every read, so a foreign id simply matches no row.
 */
export function idsCondition(ids: readonly string[] | null | undefined): { id: { $in: string[] } } | null {
  if (ids == null) return null;
  if (ids.length > MAX_FILTER_IDS)
    throw new DomainError(PlatformErrorCode.TOO_MANY_IDS, `filter.ids takes at most ${MAX_FILTER_IDS} ids.`, [
      "filter",
      "ids",
    ]);
  return { id: { $in: [...new Set(ids)] } };
}
