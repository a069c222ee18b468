import { pino, type DestinationStream, type Logger } from "pino";
import { traceFields } from "./platform/telemetry/trace-context.js";

/**
 * Sensitive values never reach the logs: the redaction list names every path where
 * a secret, a national id or a bank account could appear in a logged object.
 */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "nationalId",
  "*.nationalId",
  "bankAccount",
  "*.bankAccount",
  "authorization",
  "*.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "apiKey",
  "*.apiKey",
  "secret",
  "*.secret",
  "token",
  "*.token",
  "accessToken",
  "refreshToken",
];

/** `destination` defaults to stdout; tests pass a stream to read what would be logged. */
export function createLogger(level: string, name = "clinigraph", destination?: DestinationStream): Logger {
  // The active trace id on every line (nothing when telemetry is off), so a log line leads
  // to its trace and back.
  const options = { name, level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, mixin: traceFields };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
