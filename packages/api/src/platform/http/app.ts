import express, { type Express, type NextFunction, type Request, type Response } from "express";
import http from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expressMiddleware } from "@as-integrations/express5";
import { GraphQLError } from "graphql";
import { Redis } from "ioredis";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { forkFor } from "../db/orm.js";
import { SYSTEM, type Principal } from "../auth/principal.js";
import { authenticate, AuthenticationError } from "../auth/authenticate.js";
import { ApiKeyCache } from "../auth/api-key-cache.js";
import { StaffSessions } from "../auth/staff-sessions.js";
import { LoginGuard } from "../auth/login-guard.js";
import { restScopeGuard, type ScopeDenialFormats } from "./rest-scopes.js";
import { authKeyspace } from "../auth/keyspace.js";
import { Loaders } from "../graphql/loaders.js";
import type { AppContext } from "../graphql/context.js";
import { getSchema } from "../graphql/schema.js";
import type { ErrorCodeSet } from "../errors/error-codes.js";
import { createApollo, databaseUnavailableError, enforcePrincipalPolicy } from "../graphql/apollo.js";
import { LIMITS } from "../graphql/limits.js";
import { FieldCipher, setFieldCipher } from "../crypto/field-encryption.js";
import type { DomainModule, HttpRoute } from "../composition/module.js";
import { sqlCounter, sqlCountingEnabled } from "../db/sql-counter.js";
import { DB_RETRY_AFTER_SECONDS, trackDatabaseFailures } from "../db/unavailable.js";
import { watchRedis } from "../redis/redis-errors.js";
import { requestLogger, type GraphQLLogFields } from "./request-log.js";
import { answerDatabaseUnavailable } from "./database-unavailable.js";
import { corsFor, trustProxySetting } from "./cors.js";
import { ReadAudit } from "../audit/read-audit.js";
import { RateLimits } from "../rate-limit/rate-limits.js";
import { restRateLimit } from "./rest-rate-limit.js";
import { mountQueueDashboard } from "../queues/queue-dashboard.route.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";
import { createMetricsRegistry, registerDbPoolMetrics } from "../metrics/metrics.js";
import { httpMetrics } from "../metrics/http-metrics.js";
import { serveMetrics } from "../metrics/metrics-route.js";

export interface Runtime {
  app: Express;
  server: http.Server;
  orm: MikroORM;
  redis: Redis;
  config: Config;
  logger: Logger;
  /** Resolves the principal of a raw request (used by the REST routes too). */
  principalOf: (req: Request) => Promise<Principal>;
  /** The per-principal budgets in Redis, one for /graphql and the REST routes. */
  rateLimits: RateLimits;
  /** Staff roles and ended sessions, read per request (platform/auth/staff-sessions.ts). */
  staffSessions: StaffSessions;
  /** Login throttles and password-hashing slots (platform/auth/login-guard.ts). */
  loginGuard: LoginGuard;
  /** Route families that answer a missing API key scope in their own format (rest-scopes.ts). */
  scopeDenialFormats: ScopeDenialFormats;
  /** Tells a database outage from a fault; REST routes answer it with answerDatabaseUnavailable. */
  isDatabaseUnavailable: (err: unknown) => boolean;
  listen: () => Promise<number>;
  close: () => Promise<void>;
}

/** What the HTTP app serves: the root's resolvers (/graphql) and REST routes. */
export interface HttpDomain {
  resolvers: DomainModule["resolvers"];
  routes: readonly HttpRoute[];
  errorCodes: readonly ErrorCodeSet[];
}

/** Builds the HTTP server: /graphql, /healthz, /readyz and the REST routes of the modules. */
export async function createHttpRuntime(
  config: Config,
  orm: MikroORM,
  logger: Logger,
  domain: HttpDomain,
): Promise<Runtime> {
  setFieldCipher(FieldCipher.fromConfig(config));
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  watchRedis(redis, logger, "api");
  const rateLimits = new RateLimits(redis, config);
  const keyspace = authKeyspace(config.DATABASE_URL);
  const staffSessions = new StaffSessions(redis, keyspace, config.ACCESS_TOKEN_TTL_SECONDS);
  const apiKeys = new ApiKeyCache(redis, keyspace);
  const loginGuard = new LoginGuard(redis, keyspace, config);
  const app = express();
  app.disable("x-powered-by");
  // req.ip (rate limits, audit, logs) is the first hop not named here: X-Forwarded-For
  // written by a client directly is ignored.
  app.set("trust proxy", trustProxySetting(config.TRUST_PROXY));
  const server = http.createServer(app);
  const schema = await getSchema(domain.resolvers, domain.errorCodes);
  const { isUnavailable } = trackDatabaseFailures(orm.em.getConnection().getKnex().client);
  const metrics = createMetricsRegistry("api");
  registerDbPoolMetrics(metrics, orm);
  const requestMetrics = httpMetrics(metrics);
  const apollo = createApollo(schema, server, logger, isUnavailable, [requestMetrics.apolloPlugin]);
  await apollo.start();

  const authenticateRequest = async (req: Request): Promise<Principal> => {
    const principal = await authenticate(
      forkFor(orm, SYSTEM),
      config.JWT_SECRET,
      req.headers.authorization,
      staffSessions,
      apiKeys,
    );
    // For the request's log line (request-log.ts): kind and organisation, never the credential.
    if (req.res) req.res.locals.principal = principal;
    return principal;
  };
  // Once per request: the REST rate limit and the route itself both ask.
  const principalOf = (req: Request): Promise<Principal> => {
    const locals = req.res?.locals as { principalOf?: Promise<Principal> } | undefined;
    if (!locals) return authenticateRequest(req);
    locals.principalOf ??= authenticateRequest(req);
    return locals.principalOf;
  };

  // Sets res.locals.requestId and the x-request-id response header, then logs one line per request.
  app.use(requestLogger(logger));
  app.use(requestMetrics.middleware);
  app.use(corsFor(config.CORS_ORIGINS));

  if (sqlCountingEnabled()) app.use(sqlCounter(orm));

  // Prometheus (docs/OPERATIONS.md); behind METRICS_TOKEN when it is set.
  app.get("/metrics", serveMetrics(metrics, config.METRICS_TOKEN));

  // Liveness only: a database restart must not get the process killed; /readyz says "not now".
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const [postgres, redisCheck] = await Promise.all([
      check(async () => {
        await orm.em.getConnection().execute("select 1");
        return "ok";
      }),
      check(async () => {
        if (redis.status !== "ready") return `not connected (${redis.status})`;
        return (await redis.ping()) === "PONG" ? "ok" : "unexpected reply";
      }),
    ]);
    const checks = { postgres, redis: redisCheck };
    const ready = postgres === "ok" && redisCheck === "ok";
    if (!ready) {
      logger.warn({ checks }, "not ready");
      res.setHeader("retry-after", String(DB_RETRY_AFTER_SECONDS));
    }
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });

  if (config.ADMIN_STATIC_DIR) {
    // The console's production build, served by the API so one process serves both.
    const dir = path.resolve(config.ADMIN_STATIC_DIR);
    app.use("/admin", express.static(dir, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/admin(\/(?!queues).*)?$/, (_req, res) => res.sendFile(path.join(dir, "index.html")));
  }

  const runtime = {
    app,
    server,
    orm,
    redis,
    config,
    logger,
    principalOf,
    rateLimits,
    staffSessions,
    loginGuard,
    isDatabaseUnavailable: isUnavailable,
    scopeDenialFormats: new Map(),
  } as Runtime;
  // API key scopes by method on every REST route (reads need `read`, writes `write`).
  app.use(restScopeGuard(principalOf, runtime.scopeDenialFormats));
  // Uploads, downloads (report files and documents) and exports spend the same budgets as
  // /graphql (uploads by bytes too).
  app.use(
    ["/files", "/documents", "/exports"],
    restRateLimit({ limits: rateLimits, principalOf, maxUploadBytes: config.MAX_UPLOAD_BYTES }),
  );
  for (const route of domain.routes) route(runtime);
  // The platform's own page: every queue of the workers, ADMIN only (platform/queues).
  mountQueueDashboard(runtime);

  app.use(
    "/graphql",
    express.json({ limit: LIMITS.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<AppContext> => {
        let principal: Principal;
        try {
          principal = await principalOf(req);
        } catch (err) {
          if (err instanceof AuthenticationError)
            throw new GraphQLError(err.message, {
              extensions: { code: TopLevelErrorCode.UNAUTHENTICATED, reason: err.reason, http: { status: 401 } },
            });
          if (isUnavailable(err)) {
            logger.warn({ err: (err as Error).message }, "database unavailable");
            throw databaseUnavailableError();
          }
          throw err;
        }
        await enforcePrincipalPolicy(principal, req.ip, rateLimits);
        const em = forkFor(orm, principal);
        const requestLog: GraphQLLogFields = { operationName: null, operationType: null };
        if (req.res) req.res.locals.graphql = requestLog;
        const requestId = String(req.res?.locals.requestId ?? randomUUID());
        return {
          orm,
          em,
          principal,
          loaders: new Loaders(em),
          requestId,
          readAudit: new ReadAudit(orm, principal, requestId),
          config,
          logger,
          redis,
          requestIp: req.ip,
          guard: loginGuard,
          sessions: staffSessions,
          requestLog,
        };
      },
    }),
  );

  // Body too large and malformed JSON come here from express.json; a route's database outage too.
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (answerDatabaseUnavailable(runtime, req, res, err)) return;
    const status = err.status ?? 500;
    if (status >= 500) logger.error({ err }, "unhandled HTTP error");
    const code =
      err.type === "entity.too.large"
        ? TopLevelErrorCode.PAYLOAD_TOO_LARGE
        : status >= 500
          ? TopLevelErrorCode.INTERNAL_SERVER_ERROR
          : TopLevelErrorCode.BAD_REQUEST;
    res.status(status).json({
      errors: [{ message: status >= 500 ? "Internal server error." : err.message, extensions: { code } }],
    });
  });

  runtime.listen = () =>
    new Promise<number>((resolve) => {
      server.listen(config.PORT, config.HOST, () => {
        const addr = server.address();
        resolve(typeof addr === "object" && addr ? addr.port : config.PORT);
      });
    });
  runtime.close = async () => {
    await apollo.stop();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    redis.disconnect();
  };
  return runtime;
}

/** A readiness check answers within `timeoutMs`: an unreachable host must not hang the probe. */
async function check(probe: () => Promise<string>, timeoutMs = 3_000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([probe(), timeout]);
  } catch (err) {
    return (err as Error).message;
  } finally {
    clearTimeout(timer);
  }
}
