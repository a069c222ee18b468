import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import type { Logger } from "pino";
import type { RateLimiterRedis } from "rate-limiter-flexible";
import { principalKey } from "../auth/principal.js";
import type { AppContext } from "./context.js";
import { armorProtection } from "./limits.js";

const SAFE_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "RATE_LIMITED",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * Internal faults reach clients as "Internal server error" with the request id to quote
 * to support; the details go to the log only.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
  if (SAFE_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: error }, "internal error in GraphQL request");
  return { message: "Internal server error.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

function isIntrospection(query: string | undefined): boolean {
  return !!query && /\b__(schema|type)\b/.test(query);
}

/** Principal-aware rules that a validation rule cannot see: introspection, suggestions, rate limit. */
function principalPolicyPlugin(rateLimiter: RateLimiterRedis | null): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const anonymous = contextValue.principal.kind === "ANONYMOUS";
      if (anonymous && isIntrospection(request.query)) {
        throw new GraphQLError("Introspection needs a signed-in principal.", {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
        });
      }
      if (rateLimiter) {
        const key = anonymous ? `anon:${contextValue.requestIp ?? "unknown"}` : principalKey(contextValue.principal);
        try {
          await rateLimiter.consume(key);
        } catch (res) {
          if (res instanceof Error) throw res;
          const retryAfter = Math.ceil(((res as { msBeforeNext: number }).msBeforeNext ?? 1000) / 1000);
          throw new GraphQLError(`Rate limit exceeded; retry after ${retryAfter} s.`, {
            extensions: {
              code: "RATE_LIMITED",
              retryAfterSeconds: retryAfter,
              http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) },
            },
          });
        }
      }
      return {
        async willSendResponse({ response }) {
          if (!anonymous || response.body.kind !== "single") return;
          // No "Did you mean …?" to anonymous callers: it would map the schema for them.
          for (const err of response.body.singleResult.errors ?? []) {
            (err as { message: string }).message = err.message.replace(/\s*Did you mean .*$/s, "");
          }
        },
      };
    },
  };
}

export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  logger: Logger,
  rateLimiter: RateLimiterRedis | null,
  production: boolean,
): ApolloServer<AppContext> {
  const armor = armorProtection();
  return new ApolloServer<AppContext>({
    schema,
    ...armor,
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin<AppContext>[]), principalPolicyPlugin(rateLimiter), ApolloServerPluginDrainHttpServer({ httpServer })],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Introspection is allowed by the server and restricted per principal by the plugin.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, error, logger),
  });
}
