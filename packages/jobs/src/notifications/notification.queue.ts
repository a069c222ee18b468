import { DelayedError, UnrecoverableError, type Job, type JobsOptions, type Queue } from "bullmq";
import type { QueueDefinition } from "../queue-definition.js";
import { createSendBatcher, sendNotification, type SendContext } from "./send-notification.js";

/**
 * The notifications queue: one job per outbox row (a Notification), which sends it
 * through its gateway exactly once (see sendNotification). Fed by addNotificationJobs
 * (the reminder scan, the outbox sweep); no schedule of its own.
 */

/** Ids only, never patient data: the sender reads the row. */
export interface NotificationJobData {
  readonly notificationId: string;
}

/** BullMQ job ids may not contain ':' (its key separator) nor be all digits. */
export function notificationJobId(notificationId: string): string {
  return `notification-${notificationId}`;
}

/**
 * Retry policy. A retryable failure (gateway 5xx, timeout, connection refused) is retried
 * with exponential backoff: delay(n) = SEND_BACKOFF_BASE_MS × 2^(n−1) for retry n.
 * 8 attempts from 30 s: 30 s + 1 m + 2 m + 4 m + 8 m + 16 m + 32 m ≈ 63.5 minutes
 * before the row is marked FAILED. An outage shorter than an hour loses nothing; a
 * longer one leaves FAILED rows an operator can see and re-queue. The base can be
 * shortened with the SEND_BACKOFF_BASE_MS variable (tests); the doubling stays.
 */
export const SEND_MAX_ATTEMPTS = 8;
export const SEND_BACKOFF_BASE_MS = 30_000;

/**
 * A row left SENDING this long without a live job (its worker died and Redis lost the
 * job, e.g. after FLUSHALL) is re-enqueued by the outbox sweep; the idempotency key
 * makes the resend a no-op at the gateway.
 */
export const SENDING_STALE_AFTER_MS = 10 * 60_000;

export function notificationJobOptions(backoffBaseMs = SEND_BACKOFF_BASE_MS): JobsOptions {
  return {
    attempts: SEND_MAX_ATTEMPTS,
    backoff: { type: "exponential", delay: backoffBaseMs },
    // Postgres keeps the outcome; Redis keeps only what is still to do (and a day of
    // failures for the dashboard).
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600 },
  };
}

/** The producer a scanner needs to queue sends (a JobsRuntime or QueueDeps will do). */
export interface NotificationProducer {
  readonly queues: { readonly notifications: Queue };
}

/** Queues one send job per outbox row; a row that already has a live job is not queued twice. */
export async function addNotificationJobs(
  queue: Queue,
  notificationIds: readonly string[],
  delayUntil?: Date,
): Promise<void> {
  if (notificationIds.length === 0) return;
  await queue.addBulk(
    notificationIds.map((notificationId) => ({
      name: "send",
      data: { notificationId } satisfies NotificationJobData,
      opts: {
        jobId: notificationJobId(notificationId),
        ...(delayUntil ? { delay: Math.max(0, delayUntil.getTime() - Date.now()) } : {}),
      },
    })),
  );
}

/** The processor: one job sends one row (see sendNotification for the exactly-once design). */
export function notificationProcessor(base: Omit<SendContext, "batcher">) {
  // One batcher per worker: the jobs it runs concurrently share their claim and record statements.
  const ctx = { ...base, batcher: createSendBatcher(base) };
  return async (job: Job<NotificationJobData>, token?: string): Promise<string> => {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await sendNotification(ctx, job.data.notificationId, finalAttempt);
    switch (outcome.kind) {
      case "DEFERRED":
        // Quiet hours: park the same job until 08:00 local; sendAfter already says so.
        await job.moveToDelayed(outcome.until.getTime(), token);
        throw new DelayedError();
      case "FAILED":
        // Recorded on the row already; BullMQ must not retry it.
        throw new UnrecoverableError(outcome.reason);
      case "SENT":
        return `SENT ${outcome.providerMessageId}`;
      case "SKIPPED":
        return `SKIPPED ${outcome.reason}`;
      case "ALREADY_DONE":
        return `ALREADY_DONE ${outcome.status}`;
    }
  };
}

export const notificationsQueue: QueueDefinition<NotificationJobData> = {
  key: "notifications",
  jobOptions: (c) => notificationJobOptions(c.SEND_BACKOFF_BASE_MS),
  concurrency: (c) => c.SEND_CONCURRENCY,
  processor: ({ orm, gateways, config }) => notificationProcessor({ orm, gateways, defaultTimeZone: config.TIME_ZONE }),
};
