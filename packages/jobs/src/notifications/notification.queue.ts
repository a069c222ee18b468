import { DelayedError, UnrecoverableError, type Job, type JobsOptions, type Queue } from "bullmq";
import { notificationJobId, type NotificationJobData } from "../queues.js";
import { SEND_MAX_ATTEMPTS } from "../retry-policy.js";
import type { JobsRuntime } from "../runtime.js";
import { createSendBatcher, sendNotification } from "./send-notification.js";

export function notificationJobOptions(backoffBaseMs: number): JobsOptions {
  return {
    attempts: SEND_MAX_ATTEMPTS,
    backoff: { type: "exponential", delay: backoffBaseMs },
    // Postgres keeps the outcome; Redis keeps only what is still to do (and a day of
    // failures for the dashboard).
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600 },
  };
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
export function notificationProcessor(rt: JobsRuntime) {
  const base = { orm: rt.orm, gateways: rt.gateways, defaultTimeZone: rt.config.TIME_ZONE };
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
