import type { GraphQLFormattedError } from "graphql";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

/** SQLSTATE query_canceled: the pool's statement_timeout (platform/db/orm.ts) fired. */
const STATEMENT_CANCELLED = "57014";

export function isStatementCancelled(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === STATEMENT_CANCELLED;
}

/** What a caller meets when the statement_timeout stopped its query, on either read path. */
export function queryTimeoutError(path: GraphQLFormattedError["path"]): GraphQLFormattedError {
  return {
    message: "The request took too long and was cancelled; narrow the filter or ask for a smaller page.",
    ...(path ? { path } : {}),
    extensions: { code: TopLevelErrorCode.QUERY_TIMEOUT },
  };
}
