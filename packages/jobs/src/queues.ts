/**
 * Every queue of the workers in one place: its name (shared with the API, which produces
 * to monthly-statistics and shows all of them on /admin/queues), its job payload (ids
 * only, never patient data) and its schedule.
 */
import { QUEUE_NAMES, type MonthlyStatisticsJobData, type QueueName } from "@clinigraph/api/domain";
import { ORPHAN_FILES_SCHEDULE } from "./files/orphan-files.js";

export { QUEUE_NAMES, type QueueName };

export interface NotificationJobData {
  readonly notificationId: string;
}

/** Scanners and sweepers read everything they need from Postgres. */
export type ScanJobData = Readonly<Record<string, never>>;

export type { MonthlyStatisticsJobData };

/** BullMQ job ids may not contain ':' (its key separator) nor be all digits. */
export function notificationJobId(notificationId: string): string {
  return `notification-${notificationId}`;
}

export interface ScheduleDefinition {
  /**
   * Stable scheduler id. Changing it orphans the schedule stored under the old id (it
   * keeps firing until removed with removeJobScheduler), so rename only with a cleanup.
   */
  readonly id: string;
  readonly queue: QueueName;
  readonly jobName: string;
  /** Cron pattern, evaluated in the configured TIME_ZONE. */
  readonly pattern: string;
}

export const SCHEDULES: readonly ScheduleDefinition[] = [
  {
    id: "appointment-reminders-scan",
    queue: QUEUE_NAMES.appointmentReminders,
    jobName: "scan",
    pattern: "*/5 * * * *",
  },
  { id: "outbox-sweep", queue: QUEUE_NAMES.outboxSweep, jobName: "sweep", pattern: "* * * * *" },
  { id: "expirations-sweep", queue: QUEUE_NAMES.expirations, jobName: "sweep", pattern: "*/15 * * * *" },
  // 02:00 on the 1st: the previous month is complete and the rule asks for it by the 5th.
  { id: "monthly-statistics", queue: QUEUE_NAMES.monthlyStatistics, jobName: "previous-month", pattern: "0 2 1 * *" },
  ORPHAN_FILES_SCHEDULE,
];
