import type { EntityManager } from "@mikro-orm/postgresql";
import { v7 as uuidv7 } from "uuid";

export interface OutboxMessage {
  channel: "SMS" | "EMAIL";
  recipient: string;
  template: string;
  language: string;
  subject?: string | null;
  body: string;
  dedupeKey: string;
  organizationId?: string | null;
  patientId?: string | null;
  relatedType?: string | null;
  relatedId?: string | null;
  sendAfter?: Date;
}

/**
 * Queues a message in the outbox inside the caller's transaction. A second call with
 * the same dedupe key is a no-op, so retried mutations and re-run scanners never queue a
 * message twice. Returns the id of the new row, or null when it already existed.
 */
export async function enqueueNotification(em: EntityManager, msg: OutboxMessage): Promise<string | null> {
  const rows = await em.execute<{ id: string }[]>(
    `insert into notification (id, channel, recipient, template, language, subject, body, dedupe_key, status, attempts,
       organization_id, patient_id, related_type, related_id, send_after, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?, ?, 1, now(), now())
     on conflict (dedupe_key) do nothing returning id`,
    [
      uuidv7(),
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
    ],
  );
  return rows[0]?.id ?? null;
}
