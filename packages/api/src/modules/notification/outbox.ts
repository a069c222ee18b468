import type { EntityManager } from "@mikro-orm/postgresql";
import { v7 as uuidv7 } from "uuid";
import type { EntityType } from "../../platform/audit/entity-type.js";
import { currentTraceparent } from "../../platform/telemetry/trace-context.js";

export interface OutboxMessage {
  channel: "SMS" | "EMAIL";
  recipient: string;
  template: string;
  language: string;
  subject?: string | null;
  body: string;
  dedupeKey: string;
  organizationId?: string | null;
  /**
   * The recipient's IANA time zone, for quiet hours; without it the organisation's zone
   * applies (the patient's provider, the partner itself).
   */
  recipientTimeZone?: string | null;
  patientId?: string | null;
  relatedType?: EntityType | null;
  relatedId?: string | null;
  sendAfter?: Date;
}

const COLUMNS = `id, channel, recipient, template, language, subject, body, dedupe_key, status, attempts,
  organization_id, patient_id, related_type, related_id, send_after, recipient_time_zone, traceparent, version,
  created_at, updated_at`;
const ROW = `(?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?, ?, ?, ?, 1, now(), now())`;
// 15 bind parameters per row; Postgres allows 65,535 per statement.
const ROWS_PER_STATEMENT = 2_000;

/**
 * Queues a message in the outbox inside the caller's transaction. A second call with
 * the same dedupe key is a no-op, so retried mutations and re-run scanners never queue a
 * message twice. Returns the id of the new row, or null when it already existed. The row
 * keeps the active trace (the request's, or the scanning job's), which the send continues.
 */
export async function enqueueNotification(em: EntityManager, msg: OutboxMessage): Promise<string | null> {
  const [id] = await enqueueNotifications(em, [msg]);
  return id ?? null;
}

/**
 * The same for many messages in one statement per 2,000 (the reminder scan writes a
 * chunk at a time). Returns, in input order, the new row's id or null where the dedupe
 * key already existed.
 */
export async function enqueueNotifications(
  em: EntityManager,
  messages: readonly OutboxMessage[],
): Promise<(string | null)[]> {
  const result: (string | null)[] = [];
  const traceparent = currentTraceparent();
  for (let start = 0; start < messages.length; start += ROWS_PER_STATEMENT) {
    const slice = messages.slice(start, start + ROWS_PER_STATEMENT);
    const ids = slice.map(() => uuidv7());
    const rows = await em.execute<{ id: string }[]>(
      `insert into notification (${COLUMNS}) values ${slice.map(() => ROW).join(", ")}
       on conflict (dedupe_key) do nothing returning id`,
      slice.flatMap((msg, i) => [
        ids[i],
        msg.channel,
        msg.recipient,
        msg.template,
        msg.language,
        msg.subject ?? null,
        msg.body,
        msg.dedupeKey,
        msg.organizationId ?? null,
        msg.patientId ?? null,
        msg.relatedType ?? null,
        msg.relatedId ?? null,
        msg.sendAfter ?? new Date(),
        msg.recipientTimeZone ?? null,
        traceparent,
      ]),
    );
    const inserted = new Set(rows.map((r) => r.id));
    result.push(...ids.map((id) => (inserted.has(id) ? id : null)));
  }
  return result;
}
