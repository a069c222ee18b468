import { z } from "zod";

/**
 * One typed configuration, read from the environment once and validated at start.
 * Defaults point at the local Postgres and Redis. The built-in secrets are for
 * NODE_ENV=development or test only, said explicitly: an unset NODE_ENV means
 * production, so a forgotten variable on a server can never fall back to a key that is
 * printed in this file.
 */
const DEV_JWT_SECRET = "dev-only-jwt-secret-change-me-0123456789abcdef";
const DEV_ENCRYPTION_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM="; // 32 bytes, base64
const DEV_ENVIRONMENTS = new Set(["development", "test"]);

/** Key ids are stored in front of every ciphertext ("k2:…"); "v1" marks the older, unversioned format. */
export const KEY_ID = /^k\d{1,6}$/;

const base64Key32 = (v: string) => Buffer.from(v, "base64").length === 32;

/** `k1:<base64>,k0:<base64>`: retired keys that still decrypt while `pnpm rotate-keys` runs. */
const oldKeys = z.string().transform((v, ctx) => {
  const keys: { id: string; key: string }[] = [];
  const entries = v.split(",").map((e) => e.trim());
  for (const entry of entries.filter(Boolean)) {
    const at = entry.indexOf(":");
    const id = entry.slice(0, at);
    const key = entry.slice(at + 1);
    if (at < 0 || !KEY_ID.test(id) || !base64Key32(key)) {
      ctx.addIssue({ code: "custom", message: "each entry must be <key id>:<32 bytes, base64>, e.g. k1:AAAA…=" });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  return keys;
});

const fields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("production"),
  DATABASE_URL: z.url().default("postgres://postgres@127.0.0.1:5432/clinigraph"),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379/0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("127.0.0.1"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").default(DEV_JWT_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 24 * 3600),
  ENCRYPTION_KEY: z.string().refine(base64Key32, "must be 32 bytes, base64-encoded").default(DEV_ENCRYPTION_KEY),
  /** The id stored beside every value ENCRYPTION_KEY encrypts; a new key gets a new id. */
  ENCRYPTION_KEY_ID: z.string().regex(KEY_ID, "must look like k1, k2, …").default("k1"),
  ENCRYPTION_OLD_KEYS: oldKeys.default([]),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Europe/Madrid")
    .default("America/Santiago"),
  FILE_STORAGE_DIR: z.string().default("./var/files"),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  RATE_LIMIT_POINTS: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  // Login throttles (platform/auth/login-guard.ts): attempts per client address and window;
  // free attempts per account before each further one waits first·2^k seconds, up to the cap;
  // password hashes computed at once, and how many may wait for one.
  LOGIN_ADDRESS_ATTEMPTS: z.coerce.number().int().positive().default(30),
  LOGIN_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  LOGIN_FREE_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_FIRST_DELAY_SECONDS: z.coerce.number().int().positive().default(1),
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(300),
  LOGIN_HASH_CONCURRENCY: z.coerce.number().int().positive().default(4),
  LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).default(32),
  /** Bytes a principal may upload per window (POST /files), besides the request budget. */
  UPLOAD_RATE_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  UPLOAD_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Stored bytes per organisation (staff uploads count against the operator's). */
  STORAGE_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  // Browser origins allowed to call the API cross-origin (comma-separated, exact
  // `scheme://host[:port]`). Empty: none; the console is same-origin (served by the API,
  // or through the Vite dev proxy), partners call server-to-server.
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, "must be scheme://host[:port] without a path"))),
  // Which proxy hops' X-Forwarded-For to believe (express "trust proxy": loopback, a
  // hop count, or addresses/CIDRs). The client address (rate limits, audit) is the
  // first untrusted hop; the default believes no forwarded header from anywhere else.
  TRUST_PROXY: z
    .string()
    .default("loopback")
    .refine(
      (v) => !["true", "*"].includes(v.trim().toLowerCase()),
      "true would believe any client's X-Forwarded-For; name the proxy hops (loopback, 10.0.0.0/8, 1)",
    ),
  /** Longest a single SQL statement of a request may run, ms (0: no limit). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** Longest a connection may sit idle inside an open transaction, ms (0: no limit). */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  ADMIN_STATIC_DIR: z.string().optional(),
  /** When set, GET /metrics (API and workers) asks for `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * Base of the FHIR identifier and code systems the operator names (order numbers, claim
   * numbers, local codes): `<base>/sid/order-number`, `<base>/CodeSystem/order-status`.
   */
  FHIR_SYSTEM_BASE: z
    .url()
    .default("https://clinigraph.example/fhir")
    .transform((v) => v.replace(/\/+$/, "")),
  ORDER_CONFIRM_HOURS_EXAM: z.coerce.number().int().positive().default(48),
  ORDER_DUE_DAYS_EXAM: z.coerce.number().int().positive().default(10),
  ORDER_CONFIRM_HOURS_EXPERT_OPINION: z.coerce.number().int().positive().default(72),
  ORDER_DUE_DAYS_EXPERT_OPINION: z.coerce.number().int().positive().default(20),
  ORDER_CONFIRM_HOURS_INTERCONSULTATION: z.coerce.number().int().positive().default(48),
  ORDER_DUE_DAYS_INTERCONSULTATION: z.coerce.number().int().positive().default(15),
});

const schema = fields.superRefine((c, ctx) => {
  if (c.ENCRYPTION_OLD_KEYS.some((k) => k.id === c.ENCRYPTION_KEY_ID))
    ctx.addIssue({
      code: "custom",
      path: ["ENCRYPTION_OLD_KEYS"],
      message: `must not repeat the current ENCRYPTION_KEY_ID (${c.ENCRYPTION_KEY_ID})`,
    });
  if (new Set(c.ENCRYPTION_OLD_KEYS.map((k) => k.id)).size !== c.ENCRYPTION_OLD_KEYS.length)
    ctx.addIssue({ code: "custom", path: ["ENCRYPTION_OLD_KEYS"], message: "names a key id twice" });
  if (c.UPLOAD_RATE_LIMIT_BYTES < c.MAX_UPLOAD_BYTES)
    ctx.addIssue({
      code: "custom",
      path: ["UPLOAD_RATE_LIMIT_BYTES"],
      message: "must be at least MAX_UPLOAD_BYTES, or no upload of the largest size could ever pass",
    });
  if (DEV_ENVIRONMENTS.has(c.NODE_ENV)) return;
  for (const [name, dev] of [
    ["JWT_SECRET", DEV_JWT_SECRET],
    ["ENCRYPTION_KEY", DEV_ENCRYPTION_KEY],
  ] as const)
    if (c[name] === dev)
      ctx.addIssue({
        code: "custom",
        path: [name],
        message:
          `not set: the built-in development key is used only with NODE_ENV=development or test ` +
          `(NODE_ENV is ${c.NODE_ENV === "production" ? "production or unset" : c.NODE_ENV}). ` +
          `Set JWT_SECRET (≥ 32 characters) and ENCRYPTION_KEY (openssl rand -base64 32).`,
      });
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

// Empty strings count as unset so `FOO=` in a .env file falls back to the default.
function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
}

/** Parses the given environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(cleanEnv(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  return parsed.data;
}

/** Only the database address, for scripts that need nothing else (migrate, create-migration). */
export function loadDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  const parsed = fields.pick({ DATABASE_URL: true }).safeParse(cleanEnv(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return parsed.data.DATABASE_URL;
}

/** For entry points: print the problem and exit instead of a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  return orExit(() => loadConfig(env));
}

export function loadDatabaseUrlOrExit(env: Record<string, string | undefined> = process.env): string {
  return orExit(() => loadDatabaseUrl(env));
}

function orExit<T>(load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
