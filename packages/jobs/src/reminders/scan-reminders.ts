import { DateTime } from "luxon";
import { enqueueNotifications, forkFor, SYSTEM } from "@clinigraph/api/domain";
import { addNotificationJobs, type NotificationProducer } from "../notifications/notification.queue.js";
import {
  APPOINTMENT_REMINDER_TEMPLATE,
  appointmentReminderKey,
  languageOf,
  renderAppointmentReminder,
} from "../notifications/templates.js";
import type { ScanDeps } from "../queue-definition.js";

interface DueReminder {
  id: string;
  scheduled_at: Date;
  patient_id: string;
  phone: string | null;
  first_name: string;
  language: string;
  site_id: string;
  site_name: string;
  time_zone: string;
}

const LOCALES: Record<string, string> = { es: "es", en: "en-GB", zh: "zh-CN", fa: "fa-IR", bg: "bg" };

/**
 * Finds APPOINTMENT visits still SCHEDULED whose reminder is due and not yet written,
 * writes one outbox row each (dedupe key carries the appointment time) and marks the
 * visit reminded, a chunk per transaction; then queues the sends. Rows are locked with
 * SKIP LOCKED, so two scanners split the work instead of doubling it, and the unique
 * dedupe key is the backstop. Returns the ids of the new outbox rows.
 */
export async function scanAppointmentReminders(
  rt: ScanDeps & NotificationProducer,
  now = new Date(),
): Promise<string[]> {
  const em = forkFor(rt.orm, SYSTEM);
  const created: string[] = [];
  for (;;) {
    const chunk = await em.transactional(async (tx) => {
      const due = await tx.execute<DueReminder[]>(
        `select v.id, v.scheduled_at, v.patient_id, p.phone, p.first_name, p.language,
                v.site_id, o.name as site_name, o.time_zone
           from visit v
           join patient p on p.id = v.patient_id
           join organization o on o.id = v.site_id
          where v.kind = 'APPOINTMENT' and v.status = 'SCHEDULED'
            and v.reminder_due_at <= ? and v.reminded_at is null and v.scheduled_at is not null
          order by v.reminder_due_at
          limit ?
          for update of v skip locked`,
        [now, rt.config.SCAN_CHUNK_SIZE],
      );
      const messages = due.map((v) => {
        const scheduledAt = new Date(v.scheduled_at);
        const language = languageOf(v.language);
        const when = DateTime.fromJSDate(scheduledAt, { zone: v.time_zone })
          .setLocale(LOCALES[language]!)
          .toLocaleString(DateTime.DATETIME_MED);
        return {
          channel: "SMS" as const,
          // An empty recipient is written anyway and skipped with a reason, so the
          // operator can see why a patient got no reminder.
          recipient: v.phone ?? "",
          template: APPOINTMENT_REMINDER_TEMPLATE,
          language,
          body: renderAppointmentReminder(language, { firstName: v.first_name, when, place: v.site_name }),
          dedupeKey: appointmentReminderKey(v.id, scheduledAt),
          organizationId: v.site_id,
          patientId: v.patient_id,
          relatedType: "Visit" as const,
          relatedId: v.id,
        };
      });
      // One insert per chunk: a row per reminder was most of the scan's time.
      const ids = (await enqueueNotifications(tx, messages)).filter((id): id is string => id !== null);
      if (due.length > 0)
        await tx.execute(
          `update visit set reminded_at = ?, updated_at = now(), version = version + 1 where id in (?)`,
          [now, due.map((v) => v.id)],
        );
      return { ids, size: due.length };
    });
    created.push(...chunk.ids);
    await addNotificationJobs(rt.queues.notifications, chunk.ids);
    if (chunk.size < rt.config.SCAN_CHUNK_SIZE) return created;
  }
}
