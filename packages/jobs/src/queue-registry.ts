import { expirationsQueue } from "./expirations/expirations.queue.js";
import { orphanFilesQueue } from "./files/orphan-files.queue.js";
import { notificationsQueue } from "./notifications/notification.queue.js";
import { outboxSweepQueue } from "./notifications/outbox-sweep.queue.js";
import { reportDigestQueue } from "./notifications/report-digest.queue.js";
import { schedulesOf, type QueueDefinition } from "./queue-definition.js";
import { appointmentRemindersQueue } from "./reminders/appointment-reminders.queue.js";
import { monthlyStatisticsQueue } from "./statistics/monthly-statistics.queue.js";
import { startWebhookDelivery } from "./webhooks/webhook.queue.js";

/**
 * Every queue of the workers. Each is one `*.queue.ts` file holding its payload type,
 * retry policy, schedule, processor and `add` helper; its name is in the API's
 * QUEUE_NAMES (platform/queues/queue-names.ts), which the dashboard lists. A new queue:
 * add its name there, write its file, list it here.
 */
export const QUEUES: readonly QueueDefinition<never>[] = [
  notificationsQueue,
  appointmentRemindersQueue,
  outboxSweepQueue,
  expirationsQueue,
  monthlyStatisticsQueue,
  orphanFilesQueue,
  reportDigestQueue,
];

/**
 * Queues that run their own worker on the runtime (their own connections and schedule),
 * started after the shared ones and stopped with them.
 */
export const OWN_WORKER_QUEUES = [startWebhookDelivery] as const;

/** The cron schedules upserted at start (the webhooks scan is upserted by its own file). */
export const SCHEDULES = schedulesOf(QUEUES);
