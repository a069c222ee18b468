import type { Request, Response } from "express";
import type { Logger } from "pino";
import { DB_RETRY_AFTER_SECONDS, DB_UNAVAILABLE_CODE, DB_UNAVAILABLE_MESSAGE } from "../db/unavailable.js";

/**
 * The REST routes (files, exports, the queue dashboard) catch their own errors; without
 * this an outage reached clients as a 500 they would not retry, or as a 401 that told them
 * their credential was wrong. Same answer as /graphql: 503, Retry-After, SERVICE_UNAVAILABLE.
 */

/** The REST routes' error shape (`errors[].extensions.code`), as GraphQL answers an outage. */
export function databaseUnavailableBody() {
  return {
    errors: [
      {
        message: DB_UNAVAILABLE_MESSAGE,
        extensions: { code: DB_UNAVAILABLE_CODE, retryable: true, retryAfterSeconds: DB_RETRY_AFTER_SECONDS },
      },
    ],
  };
}

export interface OutageSource {
  /** The runtime's classifier: isDatabaseUnavailable plus knex's aborted-transaction quirk. */
  isDatabaseUnavailable: (err: unknown) => boolean;
  logger: Logger;
}

/**
 * For a route's catch block: answers the outage and returns true when `err` is one, else
 * returns false and the route keeps its own handling. `text` is for the routes that answer
 * browsers in plain text (the queue dashboard).
 */
export function answerDatabaseUnavailable(
  source: OutageSource,
  req: Request,
  res: Response,
  err: unknown,
  format: "json" | "text" = "json",
): boolean {
  if (res.headersSent || !source.isDatabaseUnavailable(err)) return false;
  // An outage, not a bug: one warn line without a stack, as /graphql logs it.
  source.logger.warn(
    { err: (err as Error).message, code: (err as { code?: unknown }).code, path: req.path },
    "database unavailable",
  );
  // An upload refused before its body was read: close instead of draining it.
  if (!req.complete) res.setHeader("connection", "close");
  res.setHeader("retry-after", String(DB_RETRY_AFTER_SECONDS));
  res.setHeader("cache-control", "no-store");
  if (format === "text") res.status(503).type("text/plain").send(DB_UNAVAILABLE_MESSAGE);
  else res.status(503).json(databaseUnavailableBody());
  return true;
}
