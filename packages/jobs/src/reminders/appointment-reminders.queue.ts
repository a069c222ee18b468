import { scanJobOptions, type QueueDefinition } from "../queue-definition.js";
import { scanAppointmentReminders } from "./scan-reminders.js";

/**
 * The appointment-reminders queue: every 5 minutes, the due reminders of APPOINTMENT
 * visits are written to the outbox and their sends queued (scan-reminders.ts). A failed
 * scan loses nothing: the visits stay un-reminded until the next run.
 */
export type AppointmentRemindersJobData = Readonly<Record<string, never>>;

export const appointmentRemindersQueue: QueueDefinition<AppointmentRemindersJobData> = {
  key: "appointmentReminders",
  schedule: { id: "appointment-reminders-scan", jobName: "scan", pattern: "*/5 * * * *" },
  jobOptions: scanJobOptions,
  concurrency: () => 1,
  processor: (deps) => async () => `${(await scanAppointmentReminders(deps)).length} reminders written`,
};
