import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import type { Logger } from "pino";
import type { Principal } from "../auth/principal.js";
import { assertScope, scopeForOperation } from "../auth/scopes.js";
import { RATE_LIMITED_CODE, RateLimitedError, type RateLimits } from "../rate-limit/rate-limits.js";
import type { AppContext } from "./context.js";
import { armorProtection, isArmorLimitError, LIMITS, QUERY_TOO_COMPLEX, requestLimitsPlugin } from "./limits.js";
import { selectsIntrospection } from "./introspection.js";
import { readAuditPlugin } from "../audit/read-audit.js";
import { compiledReadPlugin } from "../read-compiler/plugin.js";
import { unwrapResolverError } from "@apollo/server/errors";
import { DomainError, ForbiddenError } from "../errors/domain-error.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";
import { UserErrorCode } from "../errors/error-codes.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";
import { isInvalidValueError } from "./payload.js";
import { withTraceId } from "../telemetry/trace-context.js";
import { isStatementCancelled, queryTimeoutError } from "./query-timeout.js";
import {
  DB_RETRY_AFTER_SECONDS,
  DB_UNAVAILABLE_CODE,
  DB_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from "../db/unavailable.js";

/**
 * Top-level codes whose message is shown as is; anything else is masked as an internal
 * error. Not INTERNAL_SERVER_ERROR (Apollo's code for any unexpected throw, whose message
 * may say too much) nor QUERY_TIMEOUT (only maskError itself sets it).
 */
const SAFE_CODES = new Set<string>(
  Object.values(TopLevelErrorCode).filter(
    (c) => c !== TopLevelErrorCode.INTERNAL_SERVER_ERROR && c !== TopLevelErrorCode.QUERY_TIMEOUT,
  ),
);

/**
 * Codes that mean "the request itself is wrong" (an over-limit query, a cursor this API
 * never issued, a page size out of range): the response is a 400, like a malformed query,
 * and the request's log line says warn, not error. Besides these, any userError code that
 * a query answers as a top-level error (INVALID_MONTH, INVALID_SCAN_KEY, …: a query has
 * no payload to carry it) is a 400 too (isCallerFault).
 */
export const CALLER_FAULT_CODES: ReadonlySet<string> = new Set([
  QUERY_TOO_COMPLEX,
  TopLevelErrorCode.BAD_USER_INPUT,
  PlatformErrorCode.INVALID_CURSOR,
  PlatformErrorCode.PAGE_SIZE_OUT_OF_RANGE,
  PlatformErrorCode.INVALID_OFFSET,
  PlatformErrorCode.TOO_MANY_IDS,
]);

/** A top-level error the caller caused: a listed code, or any userError code. */
export function isCallerFault(code: unknown): boolean {
  const c = String(code);
  return CALLER_FAULT_CODES.has(c) || Object.prototype.hasOwnProperty.call(UserErrorCode, c);
}

const unavailableExtensions = () => ({
  code: DB_UNAVAILABLE_CODE,
  retryable: true,
  retryAfterSeconds: DB_RETRY_AFTER_SECONDS,
});

/**
 * What a request gets when the database cannot be reached before any resolver runs
 * (authentication reads it): thrown from the context function, whose GraphQLErrors keep
 * their HTTP status and headers.
 */
export function databaseUnavailableError(): GraphQLError {
  return new GraphQLError(DB_UNAVAILABLE_MESSAGE, {
    extensions: {
      ...unavailableExtensions(),
      http: { status: 503, headers: new Map([["retry-after", String(DB_RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/**
 * Internal faults reach clients as "Internal server error" with the request id to quote
 * to support; the details go to the log only.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
  isUnavailable: (err: unknown) => boolean = isDatabaseUnavailable,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isUnavailable(original)) {
    // An outage, not a bug: one warn line without a stack; the client retries.
    logger.warn(
      { err: (original as Error).message, code: (original as { code?: unknown }).code },
      "database unavailable",
    );
    return { message: DB_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: unavailableExtensions() };
  }
  if (isStatementCancelled(original)) {
    // The pool's statement_timeout (platform/db/orm.ts) stopped a query: the caller's to
    // narrow, not a fault of ours.
    logger.warn({ err: (original as Error).message }, "statement timeout");
    return queryTimeoutError(formatted.path);
  }
  if (original instanceof DomainError) {
    // A caller-fixable problem in a query (bad cursor, page size): its code travels as is.
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  if (isInvalidValueError(original)) {
    // A malformed id or value in a query's arguments: the caller's to fix, not a fault.
    return {
      message: "A value in the request is not valid for its field.",
      path: formatted.path,
      extensions: { code: TopLevelErrorCode.BAD_USER_INPUT },
    };
  }
  if (original instanceof ForbiddenError) {
    return { message: original.message, path: formatted.path, extensions: { code: TopLevelErrorCode.FORBIDDEN } };
  }
  if (isArmorLimitError(formatted.message)) {
    const message = formatted.message
      .replace(/^Syntax Error: /, "")
      .replace(/Document contains more th(at|an) (\d+) tokens\. Parsing aborted\./, "Token limit of $2 exceeded.");
    return { message, extensions: { code: QUERY_TOO_COMPLEX } };
  }
  const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
  // type-graphql's AuthorizationError (an @Authorized role check failing) says UNAUTHORIZED.
  if (code === "UNAUTHORIZED") {
    return {
      message: "You are not allowed to do this.",
      path: formatted.path,
      extensions: { code: TopLevelErrorCode.FORBIDDEN },
    };
  }
  if (SAFE_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: error }, "internal error in GraphQL request");
  return {
    message: "Internal server error.",
    path: formatted.path,
    extensions: { code: TopLevelErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * The per-principal rate limit in Redis (one budget with the REST routes:
 * platform/rate-limit), before the document is even parsed (so before any resolver or
 * SQL). Called from the context function, whose GraphQLErrors keep their code and HTTP
 * status.
 */
export async function enforcePrincipalPolicy(
  principal: Principal,
  ip: string | undefined,
  limits: RateLimits,
): Promise<void> {
  try {
    await limits.consumeRequest(principal, ip);
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    throw new GraphQLError(err.message, {
      extensions: {
        code: RATE_LIMITED_CODE,
        retryAfterSeconds: err.retryAfterSeconds,
        http: { status: 429, headers: new Map([["retry-after", String(err.retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * A resolver that failed because the database is unreachable makes the whole response a
 * 503 with Retry-After (formatError can change the body only, not the status).
 */
function databaseUnavailablePlugin(isUnavailable: (err: unknown) => boolean): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (!errors.some((e) => isUnavailable(unwrapResolverError(e)))) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(DB_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** The operation's name and type, for the request's log line (platform/http/request-log.ts). */
function requestLogPlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          if (!contextValue.requestLog) return;
          contextValue.requestLog.operationName = operationName ?? null;
          contextValue.requestLog.operationType = operation?.operation ?? null;
        },
      };
    },
  };
}

/**
 * Introspection only for signed-in principals, judged on the parsed operation (fragments
 * included) so neither the transport (GET or POST) nor the spelling of the text matters.
 * Signed-in partners keep it: their clients generate types from it, and the schema is
 * published to them anyway (docs/partners.md).
 */
function introspectionPolicyPlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.principal.kind !== "ANONYMOUS") return;
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation || !selectsIntrospection(document, operation)) return;
          throw new GraphQLError("Introspection needs a signed-in principal.", {
            extensions: { code: TopLevelErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        },
      };
    },
  };
}

/** Caller faults answer 400 (see CALLER_FAULT_CODES), whichever stage raised them. */
function callerFaultStatusPlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors ?? [];
          // A 500 here means an over-limit parse (graphql-armor's token limit) that Apollo
          // took for a fault; 401, 429 and 503 keep their own meaning.
          const status = response.http.status ?? 200;
          if (status !== 200 && status !== 500) return;
          const faults = errors.filter((e) => isCallerFault(e.extensions?.code));
          if (faults.length > 0 && (status === 200 || faults.length === errors.length)) response.http.status = 400;
        },
      };
    },
  };
}

/**
 * API key scopes, checked once per operation before any resolver runs, so no mutation can
 * forget them: a mutation needs `write`, a query `read` (FORBIDDEN, 403, otherwise).
 */
function scopePolicyPlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          // Always known here; were it not, the stricter scope applies.
          assertScope(contextValue.principal, scopeForOperation(operation?.operation ?? "mutation"));
        },
      };
    },
  };
}

/** No "Did you mean …?" to anonymous callers: it would map the schema for them. */
function suggestionPolicyPlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.principal.kind !== "ANONYMOUS") return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          for (const err of response.body.singleResult.errors ?? []) {
            (err as { message: string }).message = err.message.replace(/\s*Did you mean .*$/s, "");
          }
        },
      };
    },
  };
}

/** `isUnavailable` tells a database outage from a fault (platform/db/unavailable.ts). */
export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  logger: Logger,
  isUnavailable: (err: unknown) => boolean = isDatabaseUnavailable,
  extraPlugins: readonly ApolloServerPlugin[] = [],
): ApolloServer<AppContext> {
  const armor = armorProtection();
  return new ApolloServer<AppContext>({
    schema,
    ...armor,
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<AppContext>[]),
      introspectionPolicyPlugin(),
      requestLimitsPlugin(),
      callerFaultStatusPlugin(),
      suggestionPolicyPlugin(),
      scopePolicyPlugin(),
      databaseUnavailablePlugin(isUnavailable),
      requestLogPlugin(),
      readAuditPlugin<AppContext>(logger) as ApolloServerPlugin<AppContext>,
      ...(extraPlugins as unknown as ApolloServerPlugin<AppContext>[]),
      compiledReadPlugin(logger),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // The process's own handler (platform/process/shutdown.ts) drains and exits; Apollo's
    // competing SIGTERM handler left the drain hanging until the grace timeout.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // Introspection is allowed by the server and restricted per principal by the plugin.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => withTraceId(maskError(formatted, error, logger, isUnavailable)),
  });
}
