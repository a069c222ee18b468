import { REPORT_INBOX_RULE, SYSTEM, forkFor, queueReportDigests } from "@clinigraph/api/domain";
import { scanJobOptions, type QueueDefinition } from "../queue-definition.js";

/**
 * The report-digest queue: on REPORT_INBOX_RULE.digest's schedule, one e-mail per operator
 * staff member naming the reports that arrived in the period before and still await the
 * operator, queued in the outbox (which the notifications queue sends). A retried or
 * doubled run queues nothing twice: each digest's dedupe key names its recipient and window.
 */
export type ReportDigestJobData = Readonly<{ now?: string }>;

export const reportDigestQueue: QueueDefinition<ReportDigestJobData> = {
  key: "reportDigest",
  schedule: REPORT_INBOX_RULE.digest.schedule,
  jobOptions: scanJobOptions,
  concurrency: () => 1,
  processor:
    ({ orm, config, logger }) =>
    async (job) => {
      // `now` lets an operator (or a test) run a past window again from the dashboard
      const now = job.data.now ? new Date(job.data.now) : new Date(job.timestamp);
      const em = forkFor(orm, SYSTEM);
      const queued = await em.transactional((tx) =>
        queueReportDigests(tx, now, `${config.CONSOLE_URL.replace(/\/$/, "")}/#/orders`),
      );
      if (queued > 0) logger.info({ queued }, "report digest: messages queued");
      return `${queued} digests queued`;
    },
};
