import { pino, type Logger } from "pino";

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
  "secret",
  "*.secret",
  "token",
  "*.token",
  "accessToken",
  "refreshToken",
];

export function createLogger(level: string, name = "clinigraph"): Logger {
  return pino({ name, level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } });
}

export type { Logger };
