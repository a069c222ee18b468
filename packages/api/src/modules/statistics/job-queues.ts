/**
 * The BullMQ queues of packages/jobs, named once here because two processes use them:
 * the workers consume them and the API produces to one (recomputeMonthlyStatistics) and
 * shows all of them on the /admin/queues dashboard. Renaming a queue orphans the jobs
 * and schedulers stored under the old name.
 */
export const QUEUE_NAMES = {
  /** One job per Notification row: sends it through the gateway. */
  notifications: "notifications",
  /** Scanner: APPOINTMENT visits whose reminder is due → outbox rows. */
  appointmentReminders: "appointment-reminders",
  /** Scanner: QUEUED outbox rows due now without a live job → send jobs. */
  outboxSweep: "outbox-sweep",
  /** Sweeper: overdue orders → EXPIRED, overdue claims → flagged. */
  expirations: "expirations",
  /** One job per month: recompute MonthlyStatistic rows. */
  monthlyStatistics: "monthly-statistics",
  /** One job per webhook delivery (packages/jobs/src/webhooks). */
  webhooks: "webhooks",
  /** Sweeper: uploaded files never attached after the grace period → deleted (packages/jobs/src/files). */
  orphanFiles: "orphan-files",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Redis key prefix of every queue; the workers may override it (tests use one per file). */
export const DEFAULT_QUEUE_PREFIX = "clinigraph";

/** Payload of a monthly-statistics job: ids and keys only, never patient data. */
export interface MonthlyStatisticsJobData {
  /** YYYY-MM; absent on scheduled runs, which compute the month before the run. */
  readonly month?: string;
}

/**
 * Retry policy of a monthly-statistics job, here because the API enqueues it too and
 * BullMQ's default job options belong to the producing Queue instance.
 * 5 attempts, exponential from 1 min: 1 + 2 + 4 + 8 = 15 minutes of retrying.
 */
export const STATISTICS_MAX_ATTEMPTS = 5;
export const STATISTICS_BACKOFF_BASE_MS = 60_000;
