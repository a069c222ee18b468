import { z } from "zod";
import { DEFAULT_QUEUE_PREFIX, loadConfig, type Config } from "@clinigraph/api/domain";

/**
 * The workers' own settings, validated at start. The variables shared with the API
 * (DATABASE_URL, REDIS_URL, TIME_ZONE, LOG_LEVEL…) come from the API's loadConfig so
 * both processes read them the same way.
 */
const jobsSchema = z
  .object({
    SMS_GATEWAY: z.enum(["console", "http", "twilio"]).default("console"),
    SMS_HTTP_URL: z.url().optional(),
    SMS_HTTP_TOKEN: z.string().optional(),
    SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    TWILIO_ACCOUNT_SID: z.string().optional(),
    TWILIO_AUTH_TOKEN: z.string().optional(),
    TWILIO_FROM: z.string().optional(),
    TWILIO_API_URL: z.url().default("https://api.twilio.com"),
    EMAIL_TRANSPORT: z
      .string()
      .refine((v) => v === "console" || /^smtps?:\/\//.test(v), "must be console or an smtp:// / smtps:// URL")
      .default("console"),
    EMAIL_FROM: z.string().default("Clinigraph <no-reply@clinigraph.local>"),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[\w-]+$/)
      .default(DEFAULT_QUEUE_PREFIX),
    WORKER_CONCURRENCY: z.coerce.number().int().positive().default(5),
    /** The workers' own port: GET /metrics and GET /healthz (0 picks a free port; tests). */
    JOBS_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    JOBS_METRICS_HOST: z.string().default("127.0.0.1"),
    /** Sends in flight per worker: they wait on the gateway, and their claims share statements. */
    SEND_CONCURRENCY: z.coerce.number().int().positive().default(32),
    /**
     * First retry delay of a failed send; tests shorten it, the doubling stays. Unset, the
     * notifications queue's own policy applies (notifications/notification.queue.ts).
     */
    SEND_BACKOFF_BASE_MS: z.coerce.number().int().positive().optional(),
    /** How long a worker's lock on a job lasts; a dead worker's job is retried after it. */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().positive().default(30_000),
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
    SCAN_CHUNK_SIZE: z.coerce.number().int().positive().max(10_000).default(1_000),
    /**
     * The workers' statement limit, ms: longer than the API's (DB_STATEMENT_TIMEOUT_MS),
     * since a month's statistics aggregate in one statement; still bounded, so a runaway
     * scan is cancelled instead of holding a connection for ever.
     */
    JOBS_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(300_000),
    /** An uploaded file no report references is deleted this long after its upload. */
    ORPHAN_FILE_GRACE_HOURS: z.coerce.number().positive().default(24),
    /** Where the console is served: the report digest links to its inbox of reports awaiting the operator. */
    CONSOLE_URL: z.url().default("http://127.0.0.1:5173"),
    /** Register the schedulers (off in tests that drive the scanners by hand). */
    REGISTER_SCHEDULERS: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
  })
  .superRefine((c, ctx) => {
    if (c.SMS_GATEWAY === "http" && !c.SMS_HTTP_URL)
      ctx.addIssue({ code: "custom", path: ["SMS_HTTP_URL"], message: "required when SMS_GATEWAY=http" });
    if (c.SMS_GATEWAY === "twilio")
      for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"] as const)
        if (!c[k]) ctx.addIssue({ code: "custom", path: [k], message: "required when SMS_GATEWAY=twilio" });
  });

export type JobsConfig = Config & z.infer<typeof jobsSchema>;

/** Parses the environment for the workers; throws naming every bad variable. */
export function loadJobsConfig(env: Record<string, string | undefined> = process.env): JobsConfig {
  const shared = loadConfig(env);
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = jobsSchema.safeParse(cleaned);
  if (!parsed.success)
    throw new Error(
      `Invalid configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  return { ...shared, ...parsed.data };
}
