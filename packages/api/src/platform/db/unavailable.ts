/**
 * Tells a database that cannot be reached (restarting, refusing, out of connections) from
 * a fault in the request itself. The first is worth retrying as is; clients get
 * SERVICE_UNAVAILABLE with HTTP 503 and Retry-After instead of an internal error.
 */
import { SOCKET_UNAVAILABLE_CODES } from "../net/socket-errors.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

export const DB_UNAVAILABLE_CODE = TopLevelErrorCode.SERVICE_UNAVAILABLE;
export const DB_UNAVAILABLE_MESSAGE = "The database is unavailable; retry shortly.";
/** A Postgres restart is back in about 3 s (docs/RELIABILITY.md); 5 s leaves it room. */
export const DB_RETRY_AFTER_SECONDS = 5;

/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

/**
 * Connection failures that reach us as plain messages: pg's dead-socket errors (knex
 * prefixes the SQL), knex's pool acquire timeout, and a pool destroyed while in use.
 */
const MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Timeout acquiring a connection/i,
  /Unable to acquire a connection/i,
  /timeout exceeded when trying to connect/i,
];

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  if (SOCKET_UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
  // Class 08 is "connection exception", except 08P01 (protocol violation): Postgres
  // answers that to a NUL byte in a parameter, which is the caller's value, not an outage.
  return /^08[0-9A-Z]{3}$/.test(code) && code !== "08P01";
}

function isUnavailableOne(err: object): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  if (isUnavailableCode(e.code)) return true;
  if (e.name === "KnexTimeoutError") return true;
  return typeof e.message === "string" && MESSAGES.some((re) => re.test(e.message as string));
}

/**
 * True when `err`, or an error it wraps (`cause`, `originalError`, an AggregateError's
 * `errors`), says the database could not be reached. Pure: looks only at the error.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== "object" || depth > 5) return false;
  if (isUnavailableOne(err)) return true;
  const e = err as { cause?: unknown; originalError?: unknown; errors?: unknown };
  if (isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.originalError, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/**
 * knex quirk: when BEGIN fails on a connection that died (Postgres restarted under it),
 * knex hands out the transaction anyway, and its first query fails with this message;
 * the connection error itself never reaches the caller. The tracker below remembers the
 * connection failures knex reported, so such an error is known for what it is.
 */
const ABORTED_TRANSACTION = /Transaction query already complete/;
const RECENT_MS = 10_000;

export interface DatabaseFailureTracker {
  /** isDatabaseUnavailable, plus a transaction knex aborted right after a connection failure. */
  isUnavailable: (err: unknown) => boolean;
}

interface QueryErrorSource {
  on(event: "query-error", listener: (err: unknown) => void): unknown;
}

export function trackDatabaseFailures(knexClient: QueryErrorSource, now = () => Date.now()): DatabaseFailureTracker {
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  knexClient.on("query-error", (err) => {
    if (isDatabaseUnavailable(err)) lastFailureAt = now();
  });
  const aborted = (err: unknown, depth = 0): boolean => {
    if (err === null || typeof err !== "object" || depth > 5) return false;
    const e = err as { message?: unknown; originalError?: unknown; cause?: unknown };
    if (typeof e.message === "string" && ABORTED_TRANSACTION.test(e.message)) return true;
    return aborted(e.originalError, depth + 1) || aborted(e.cause, depth + 1);
  };
  return {
    isUnavailable: (err) => isDatabaseUnavailable(err) || (now() - lastFailureAt < RECENT_MS && aborted(err)),
  };
}
