/**
 * The monthly-statistics job as both of its producers see it: the API enqueues a month
 * on request (monthly-statistics.producer.ts) and packages/jobs schedules the previous
 * month (its monthly-statistics.queue.ts, which also runs the job). BullMQ's retry
 * options belong to the producing Queue, so the policy is defined here, once.
 */

/** Payload of a monthly-statistics job: ids and keys only, never patient data. */
export interface MonthlyStatisticsJobData {
  /** YYYY-MM; absent on scheduled runs, which compute the month before the run. */
  readonly month?: string;
}

/**
 * Retry policy of a monthly-statistics job.
 * 5 attempts, exponential from 1 min: 1 + 2 + 4 + 8 = 15 minutes of retrying.
 */
export const STATISTICS_MAX_ATTEMPTS = 5;
export const STATISTICS_BACKOFF_BASE_MS = 60_000;
