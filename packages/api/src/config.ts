import { z } from "zod";

/**
 * One typed configuration, read from the environment once and validated at start.
 * Defaults point at the local Postgres and Redis so `pnpm dev` works with nothing set;
 * production refuses the development secrets.
 */
const DEV_JWT_SECRET = "dev-only-jwt-secret-change-me-0123456789abcdef";
const DEV_ENCRYPTION_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM="; // 32 bytes, base64

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
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
    ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
      .default(DEV_ENCRYPTION_KEY),
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
    // free attempts per account before each further one waits 2^k seconds, up to the cap;
    // password hashes computed at once, and how many may wait for one.
    LOGIN_ADDRESS_ATTEMPTS: z.coerce.number().int().positive().default(30),
    LOGIN_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
    LOGIN_FREE_ATTEMPTS: z.coerce.number().int().positive().default(5),
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(300),
    LOGIN_HASH_CONCURRENCY: z.coerce.number().int().positive().default(4),
    LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).default(32),
    CORS_ORIGINS: z.string().default("http://localhost:5173,http://127.0.0.1:5173"),
    ADMIN_STATIC_DIR: z.string().optional(),
    ORDER_CONFIRM_HOURS_EXAM: z.coerce.number().int().positive().default(48),
    ORDER_DUE_DAYS_EXAM: z.coerce.number().int().positive().default(10),
    ORDER_CONFIRM_HOURS_EXPERT_OPINION: z.coerce.number().int().positive().default(72),
    ORDER_DUE_DAYS_EXPERT_OPINION: z.coerce.number().int().positive().default(20),
    ORDER_CONFIRM_HOURS_INTERCONSULTATION: z.coerce.number().int().positive().default(48),
    ORDER_DUE_DAYS_INTERCONSULTATION: z.coerce.number().int().positive().default(15),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== "production") return;
    if (c.JWT_SECRET === DEV_JWT_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["JWT_SECRET"],
        message: "the development default may not be used in production",
      });
    if (c.ENCRYPTION_KEY === DEV_ENCRYPTION_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["ENCRYPTION_KEY"],
        message: "the development default may not be used in production",
      });
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the given environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset so `FOO=` in a .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  return parsed.data;
}

/** For entry points: print the problem and exit instead of a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
