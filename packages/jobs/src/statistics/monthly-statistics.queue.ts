import type { Job } from "bullmq";
import {
  computeMonthlyStatistics,
  forkFor,
  previousMonth,
  STATISTICS_BACKOFF_BASE_MS,
  STATISTICS_MAX_ATTEMPTS,
  SYSTEM,
  type MonthlyStatisticsJobData,
} from "@clinigraph/api/domain";
import type { QueueDefinition } from "../queue-definition.js";

/**
 * The monthly-statistics queue: recomputes a month's MonthlyStatistic rows in one
 * transaction (the month keeps its previous rows if it fails). The API enqueues a month
 * on request (recomputeMonthlyStatistics, job id `recompute-YYYY-MM`), so the payload
 * and the retry policy are the API's (modules/statistics/monthly-statistics.job.ts):
 * 5 attempts, exponential from 1 min (≈ 15 minutes of retrying).
 */
export type { MonthlyStatisticsJobData };

export const monthlyStatisticsQueue: QueueDefinition<MonthlyStatisticsJobData> = {
  key: "monthlyStatistics",
  // 02:00 on the 1st: the previous month is complete and the rule asks for it by the 5th.
  schedule: { id: "monthly-statistics", jobName: "previous-month", pattern: "0 2 1 * *" },
  jobOptions: () => ({
    attempts: STATISTICS_MAX_ATTEMPTS,
    backoff: { type: "exponential", delay: STATISTICS_BACKOFF_BASE_MS },
    // Failed runs stay 30 days on the dashboard.
    removeOnComplete: { count: 24 },
    removeOnFail: { age: 30 * 24 * 3600 },
  }),
  concurrency: () => 1,
  processor:
    ({ orm, config }) =>
    async (job: Job<MonthlyStatisticsJobData>) => {
      // A scheduled run carries no month: it computes the month before its own fire time.
      const month = job.data.month ?? previousMonth(new Date(job.timestamp), config.TIME_ZONE);
      const rows = await computeMonthlyStatistics(forkFor(orm, SYSTEM), month, config.TIME_ZONE);
      return `${month}: ${rows} organisations`;
    },
};
