/**
 * The codes of top-level `errors` (GraphQL `extensions.code`, and the REST routes' `errors`
 * body): what the request as a whole met, with the HTTP status it answers. Partners branch
 * on them too; they are not in the schema (no field carries them), so docs/partners.md
 * lists them from here.
 */
export enum TopLevelErrorCode {
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  BAD_USER_INPUT = "BAD_USER_INPUT",
  GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED",
  GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED",
  BAD_REQUEST = "BAD_REQUEST",
  PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE",
  PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND",
  OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  QUERY_TIMEOUT = "QUERY_TIMEOUT",
  RATE_LIMITED = "RATE_LIMITED",
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

export const TOP_LEVEL_ERRORS: Record<keyof typeof TopLevelErrorCode, { http: string; action: string }> = {
  UNAUTHENTICATED: {
    http: "401",
    action: "fix the key or token (`extensions.reason`: `MALFORMED`, `EXPIRED`, `INVALID`, `REVOKED`)",
  },
  FORBIDDEN: { http: "403", action: "this principal (its kind, role or key scopes) may not call it; do not retry" },
  BAD_USER_INPUT: { http: "400", action: "a value or a text is malformed or over its limit; fix the request" },
  GRAPHQL_VALIDATION_FAILED: { http: "400", action: "the document does not match the schema; fix the request" },
  GRAPHQL_PARSE_FAILED: { http: "400", action: "the document is not GraphQL; fix the request" },
  BAD_REQUEST: { http: "400", action: "the HTTP request is malformed; fix the request" },
  PAYLOAD_TOO_LARGE: { http: "413", action: "the request body is over 1 MB; upload files through `POST /files`" },
  PERSISTED_QUERY_NOT_FOUND: { http: "200", action: "send the full document with the hash" },
  OPERATION_RESOLUTION_FAILURE: { http: "400", action: "name one operation of the document (`operationName`)" },
  QUERY_TOO_COMPLEX: {
    http: "400",
    action: "depth, cost, aliases or tokens over the limit; ask for less or smaller pages",
  },
  QUERY_TIMEOUT: { http: "200", action: "the query ran too long and was cancelled; narrow the filter or the page" },
  RATE_LIMITED: {
    http: "429",
    action: "wait `Retry-After` seconds (`extensions.retryAfterSeconds`), then retry",
  },
  SERVICE_UNAVAILABLE: {
    http: "503",
    action:
      "the database is unreachable for a moment (restart, failover); wait `Retry-After` seconds (`extensions.retryAfterSeconds`, 5) and retry the same request",
  },
  INTERNAL_SERVER_ERROR: { http: "200 or 500", action: "a fault on our side; report the `x-request-id`" },
};
