import type { Express, NextFunction, Request, Response } from "express";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { MikroORM } from "@mikro-orm/postgresql";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Config } from "../../config.js";
import { isStaff, SYSTEM } from "../auth/principal.js";
import { authenticate } from "../auth/authenticate.js";
import type { StaffSessions } from "../auth/staff-sessions.js";
import { forkFor } from "../db/orm.js";
import { answerDatabaseUnavailable, type OutageSource } from "../http/database-unavailable.js";
import { watchRedisUser } from "../redis/redis-errors.js";
import { DEFAULT_QUEUE_PREFIX, QUEUE_NAMES } from "./queue-names.js";

/**
 * What the dashboard uses of the HTTP runtime (platform/http/app.ts, which mounts it and
 * passes its Runtime): named here so this file does not import app.ts back.
 */
export interface DashboardHost extends OutageSource {
  app: Express;
  orm: MikroORM;
  redis: Redis;
  config: Pick<Config, "JWT_SECRET" | "NODE_ENV" | "ACCESS_TOKEN_TTL_SECONDS">;
  staffSessions: StaffSessions;
}

export const DASHBOARD_PATH = "/admin/queues";
const COOKIE = "cg_queues_token";

function cookieToken(req: Request): string | undefined {
  const header = req.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === COOKIE) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * bull-board at /admin/queues, for ADMIN staff only. A browser cannot put a bearer
 * header on the dashboard's own asset and API requests, so besides `Authorization:
 * Bearer <jwt>` the console may open `/admin/queues?token=<jwt>`: the token is moved
 * into an HttpOnly, SameSite=Strict cookie scoped to this path and the browser is
 * redirected to the clean URL (the token does not stay in history). The cookie lives
 * no longer than the access token itself.
 */
export function mountQueueDashboard(runtime: DashboardHost): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  const queues = Object.values(QUEUE_NAMES).map((name) => {
    const queue = new Queue(name, { connection: runtime.redis, prefix: DEFAULT_QUEUE_PREFIX });
    // Without a listener BullMQ console.errors every Redis outage with a stack.
    watchRedisUser(runtime.redis, queue, runtime.logger, { queue: name }, "queue dashboard error");
    return new BullMQAdapter(queue);
  });
  createBullBoard({ queues, serverAdapter });

  const requireAdmin = async (req: Request, res: Response, next: NextFunction) => {
    const queryToken = typeof req.query.token === "string" ? req.query.token : undefined;
    const token = queryToken ?? cookieToken(req);
    const header = req.headers.authorization ?? (token ? `Bearer ${token}` : undefined);
    try {
      const principal = await authenticate(
        forkFor(runtime.orm, SYSTEM),
        runtime.config.JWT_SECRET,
        header,
        runtime.staffSessions,
      );
      if (principal.kind === "ANONYMOUS") {
        res.status(401).type("text/plain").send("Sign in as an administrator first.");
        return;
      }
      if (!isStaff(principal, "ADMIN")) {
        res.status(403).type("text/plain").send("The queue dashboard is for administrators.");
        return;
      }
      if (queryToken) {
        res.cookie(COOKIE, queryToken, {
          httpOnly: true,
          sameSite: "strict",
          secure: runtime.config.NODE_ENV === "production",
          path: DASHBOARD_PATH,
          maxAge: runtime.config.ACCESS_TOKEN_TTL_SECONDS * 1000,
        });
        res.redirect(303, req.baseUrl + req.path);
        return;
      }
      next();
    } catch (err) {
      // Down is not "your token is wrong": the console would send the admin to sign in again.
      if (answerDatabaseUnavailable(runtime, req, res, err, "text")) return;
      res.status(401).type("text/plain").send("Invalid or expired token.");
    }
  };
  runtime.app.use(DASHBOARD_PATH, requireAdmin, serverAdapter.getRouter());
}
