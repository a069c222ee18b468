import type { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { SOCKET_UNAVAILABLE_CODES } from "../net/socket-errors.js";

/**
 * While Redis is down an ioredis client emits an error on every reconnect attempt, and
 * every BullMQ queue or worker built on it emits it again. Without a listener, ioredis
 * prints "[ioredis] Unhandled error event" with a stack and BullMQ console.errors it; with
 * a plain listener the log fills with one line per attempt. Here each connection gets one
 * warn line per window, and one info line when it is back.
 */

export const REDIS_ERROR_LOG_EVERY_MS = 10_000;

const CONNECTION_MESSAGES = [/Connection is closed/i, /Stream isn't writeable/i, /max retries per request/i];

/** True for the errors a lost or refused Redis connection produces. */
export function isRedisConnectionError(err: unknown): boolean {
  if (err === null || typeof err !== "object") return false;
  const e = err as { code?: unknown; name?: unknown; message?: unknown; errors?: unknown };
  if (typeof e.code === "string" && SOCKET_UNAVAILABLE_CODES.has(e.code)) return true;
  if (e.name === "MaxRetriesPerRequestError") return true;
  if (typeof e.message === "string" && CONNECTION_MESSAGES.some((re) => re.test(e.message as string))) return true;
  return Array.isArray(e.errors) && e.errors.some(isRedisConnectionError);
}

class ConnectionErrorLog {
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  private sinceLastLine = 0;
  private errorsThisOutage = 0;
  private downSince: number | null = null;
  /** The client and every queue on it emit the same error object: count it once. */
  private readonly seen = new WeakSet<object>();

  constructor(
    private readonly logger: Logger,
    private readonly connection: string,
    private readonly everyMs: number,
  ) {}

  report(err: unknown): void {
    if (err !== null && typeof err === "object") {
      if (this.seen.has(err)) return;
      this.seen.add(err);
    }
    const now = Date.now();
    this.errorsThisOutage += 1;
    this.downSince ??= now;
    if (now - this.lastWarnAt < this.everyMs) {
      this.sinceLastLine += 1;
      return;
    }
    const e = err as { message?: unknown; code?: unknown } | null;
    this.logger.warn(
      {
        connection: this.connection,
        err: String(e?.message ?? err),
        code: e?.code,
        repeatedSinceLastLine: this.sinceLastLine,
      },
      "redis unavailable; reconnecting in the background",
    );
    this.lastWarnAt = now;
    this.sinceLastLine = 0;
  }

  restored(): void {
    if (this.downSince === null) return;
    this.logger.info(
      { connection: this.connection, errors: this.errorsThisOutage, downMs: Date.now() - this.downSince },
      "redis connection restored",
    );
    this.downSince = null;
    this.errorsThisOutage = 0;
    this.sinceLastLine = 0;
    this.lastWarnAt = Number.NEGATIVE_INFINITY;
  }
}

const logs = new WeakMap<object, ConnectionErrorLog>();

/**
 * Attaches the error and ready listeners to an ioredis client, under a name for the log
 * (`api`, `producer`, `worker`…). Call once per client, right after creating it.
 */
export function watchRedis(
  client: EventEmitter,
  logger: Logger,
  connection: string,
  everyMs = REDIS_ERROR_LOG_EVERY_MS,
): void {
  const log = new ConnectionErrorLog(logger, connection, everyMs);
  logs.set(client, log);
  client.on("error", (err: unknown) => log.report(err));
  client.on("ready", () => log.restored());
}

/**
 * Attaches an error listener to a BullMQ Queue or Worker built on `client`: connection
 * errors fold into the client's line (watchRedis), anything else is logged as an error.
 */
export function watchRedisUser(
  client: EventEmitter,
  user: EventEmitter,
  logger: Logger,
  fields: Record<string, unknown>,
  message: string,
): void {
  user.on("error", (err: unknown) => {
    const log = logs.get(client);
    if (log && isRedisConnectionError(err)) log.report(err);
    else logger.error({ ...fields, err: (err as Error | null)?.message ?? String(err) }, message);
  });
}
