import express, { type Express, type NextFunction, type Request, type Response } from "express";
import http from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expressMiddleware } from "@as-integrations/express5";
import { GraphQLError } from "graphql";
import { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { forkFor } from "../db/orm.js";
import { SYSTEM, type Principal } from "../auth/principal.js";
import { authenticate, AuthenticationError } from "../auth/authenticate.js";
import { Loaders } from "../graphql/loaders.js";
import type { AppContext } from "../graphql/context.js";
import { getSchema } from "../graphql/schema.js";
import { createApollo, enforcePrincipalPolicy } from "../graphql/apollo.js";
import { LIMITS } from "../graphql/limits.js";
import { FieldCipher, setFieldCipher } from "../crypto/field-encryption.js";
import { httpRoutes } from "../../modules/http-routes.js";
import { sqlCounter, sqlCountingEnabled } from "../db/sql-counter.js";

export interface Runtime {
  app: Express;
  server: http.Server;
  orm: MikroORM;
  redis: Redis;
  config: Config;
  logger: Logger;
  /** Resolves the principal of a raw request (used by the REST routes too). */
  principalOf: (req: Request) => Promise<Principal>;
  listen: () => Promise<number>;
  close: () => Promise<void>;
}

/** Builds the HTTP server: /graphql, /healthz, /readyz and the REST routes of the modules. */
export async function createRuntime(config: Config, orm: MikroORM, logger: Logger): Promise<Runtime> {
  setFieldCipher(new FieldCipher(config.ENCRYPTION_KEY));
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  const rateLimiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: "rl",
    points: config.RATE_LIMIT_POINTS,
    duration: config.RATE_LIMIT_WINDOW_SECONDS,
  });
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const server = http.createServer(app);
  const schema = await getSchema();
  const apollo = createApollo(schema, server, logger);
  await apollo.start();

  const principalOf = async (req: Request): Promise<Principal> =>
    authenticate(forkFor(orm, SYSTEM), config.JWT_SECRET, req.headers.authorization);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("x-request-id", id);
    next();
  });

  if (sqlCountingEnabled()) app.use(sqlCounter(orm));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const checks: Record<string, string> = {};
    try {
      await orm.em.getConnection().execute("select 1");
      checks.postgres = "ok";
    } catch (err) {
      checks.postgres = (err as Error).message;
    }
    try {
      checks.redis = (await redis.ping()) === "PONG" ? "ok" : "unexpected reply";
    } catch (err) {
      checks.redis = (err as Error).message;
    }
    const ready = Object.values(checks).every((v) => v === "ok");
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });

  if (config.ADMIN_STATIC_DIR) {
    // The console's production build, served by the API so one process serves both.
    const dir = path.resolve(config.ADMIN_STATIC_DIR);
    app.use("/admin", express.static(dir, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/admin(\/(?!queues).*)?$/, (_req, res) => res.sendFile(path.join(dir, "index.html")));
  }

  const runtime = { app, server, orm, redis, config, logger, principalOf } as Runtime;
  for (const route of httpRoutes) route(runtime);

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
              extensions: { code: "UNAUTHENTICATED", reason: err.reason, http: { status: 401 } },
            });
          throw err;
        }
        await enforcePrincipalPolicy(
          principal,
          (req.body as { query?: unknown } | undefined)?.query,
          req.ip,
          rateLimiter,
        );
        const em = forkFor(orm, principal);
        return {
          orm,
          em,
          principal,
          loaders: new Loaders(em),
          requestId: String(req.res?.locals.requestId ?? randomUUID()),
          config,
          logger,
          redis,
          requestIp: req.ip,
        };
      },
    }),
  );

  // Body too large and malformed JSON come here from express.json.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? 500;
    if (status >= 500) logger.error({ err }, "unhandled HTTP error");
    const code =
      err.type === "entity.too.large" ? "PAYLOAD_TOO_LARGE" : status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
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
