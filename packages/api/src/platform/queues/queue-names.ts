/**
 * The BullMQ queues of packages/jobs, named once here because two processes use them:
 * the workers consume them (one file per queue in packages/jobs/src, listed in its
 * queue-registry.ts) and the API produces to one (recomputeMonthlyStatistics) and shows
 * all of them on the /admin/queues dashboard (queue-dashboard.route.ts). Only the names
 * live in the platform; each queue's payload, retry policy and processor live with the
 * queue. Renaming a queue orphans the jobs and schedulers stored under the old name.
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
  /** Scanner: reports that arrived in the last period → one digest e-mail per operator staff member (outbox). */
  reportDigest: "report-digest",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Redis key prefix of every queue; the workers may override it (tests use one per file). */
export const DEFAULT_QUEUE_PREFIX = "clinigraph";
