import type { Job } from "bullmq";
import { computeMonthlyStatistics, forkFor, previousMonth, SYSTEM } from "@clinigraph/api/domain";
import { expireOverdueOrders } from "./expirations/expire-orders.js";
import { orphanFilesQueue, type OrphanFilesJobData } from "./files/orphan-files.js";
import { flagOverdueClaims } from "./expirations/flag-overdue-claims.js";
import { notificationJobOptions, notificationProcessor } from "./notifications/notification.queue.js";
import { sweepOutbox } from "./notifications/outbox-sweep.js";
import type { MonthlyStatisticsJobData, NotificationJobData, ScanJobData } from "./queues.js";
import { scanAppointmentReminders } from "./reminders/scan-reminders.js";
import {
  SCAN_BACKOFF_BASE_MS,
  SCAN_MAX_ATTEMPTS,
  STATISTICS_BACKOFF_BASE_MS,
  STATISTICS_MAX_ATTEMPTS,
} from "./retry-policy.js";
import type { QueueDefinition } from "./runtime.js";

const scanJobOptions = () => ({
  attempts: SCAN_MAX_ATTEMPTS,
  backoff: { type: "exponential" as const, delay: SCAN_BACKOFF_BASE_MS },
  removeOnComplete: { count: 100 },
  removeOnFail: { age: 7 * 24 * 3600 },
});

/** What each queue runs, with its retry policy and concurrency. */
export function registerProcessors(): QueueDefinition<unknown>[] {
  const definitions: [
    QueueDefinition<NotificationJobData>,
    QueueDefinition<ScanJobData>,
    QueueDefinition<ScanJobData>,
    QueueDefinition<ScanJobData>,
    QueueDefinition<MonthlyStatisticsJobData>,
    QueueDefinition<OrphanFilesJobData>,
  ] = [
    {
      key: "notifications",
      processor: notificationProcessor,
      jobOptions: (c) => notificationJobOptions(c.SEND_BACKOFF_BASE_MS),
      concurrency: (c) => c.SEND_CONCURRENCY,
    },
    {
      key: "appointmentReminders",
      processor: (rt) => async () => `${(await scanAppointmentReminders(rt)).length} reminders written`,
      jobOptions: scanJobOptions,
      concurrency: () => 1,
    },
    {
      key: "outboxSweep",
      processor: (rt) => async () => `${await sweepOutbox(rt)} notifications queued`,
      jobOptions: scanJobOptions,
      concurrency: () => 1,
    },
    {
      key: "expirations",
      processor: (rt) => async () => {
        const now = new Date();
        const orders = await expireOverdueOrders(rt, now);
        const claims = await flagOverdueClaims(rt, now);
        // The overdue-claim notices were written to the outbox; send them now rather
        // than at the next minute's sweep.
        await sweepOutbox(rt, now);
        return `${orders} orders expired, ${claims} claims flagged`;
      },
      jobOptions: scanJobOptions,
      concurrency: () => 1,
    },
    {
      key: "monthlyStatistics",
      processor: (rt) => async (job: Job<MonthlyStatisticsJobData>) => {
        // A scheduled run carries no month: it computes the month before its own fire time.
        const month = job.data.month ?? previousMonth(new Date(job.timestamp), rt.config.TIME_ZONE);
        const rows = await computeMonthlyStatistics(forkFor(rt.orm, SYSTEM), month, rt.config.TIME_ZONE);
        return `${month}: ${rows} organisations`;
      },
      jobOptions: () => ({
        attempts: STATISTICS_MAX_ATTEMPTS,
        backoff: { type: "exponential" as const, delay: STATISTICS_BACKOFF_BASE_MS },
        removeOnComplete: { count: 24 },
        removeOnFail: { age: 30 * 24 * 3600 },
      }),
      concurrency: () => 1,
    },
    orphanFilesQueue,
  ];
  return definitions as QueueDefinition<unknown>[];
}
