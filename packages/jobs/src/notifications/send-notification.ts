import { forkFor, SYSTEM, type EntityManager, type MikroORM } from "@clinigraph/api/domain";
import type { Gateways } from "../gateways/index.js";
import { PermanentDeliveryError } from "../gateways/sms-gateway.js";
import { quietHoursDeferral } from "./quiet-hours.js";
import { APPOINTMENT_REMINDER_TEMPLATE, scheduledAtOfReminderKey } from "./templates.js";

export type SendOutcome =
  | { kind: "SENT"; providerMessageId: string }
  | { kind: "SKIPPED"; reason: string }
  | { kind: "FAILED"; reason: string }
  | { kind: "DEFERRED"; until: Date }
  | { kind: "ALREADY_DONE"; status: string };

interface NotificationRow {
  id: string;
  channel: "SMS" | "EMAIL";
  recipient: string;
  subject: string | null;
  body: string;
  dedupe_key: string;
  template: string;
  status: string;
  attempts: number;
  organization_id: string | null;
  patient_id: string | null;
  related_type: string | null;
  related_id: string | null;
  send_after: Date;
}

export interface SendContext {
  orm: MikroORM;
  gateways: Gateways;
  /** Time zone for quiet hours when the message names no organisation. */
  defaultTimeZone: string;
  now?: () => Date;
}

/** Thrown for a failure worth retrying; the row stays QUEUED with the error recorded. */
export class SendRetryableError extends Error {
  override name = "SendRetryableError";
}

const TERMINAL = new Set(["SENT", "SKIPPED", "FAILED"]);

/**
 * Sends one outbox row, at most once in effect.
 *
 * 1. In a transaction holding the row lock: stop if the row is already final; skip it
 *    (SKIPPED + reason) if there is no consent, no recipient, or its appointment was
 *    cancelled or moved; defer it to 08:00 if it is an SMS in quiet hours; else mark it
 *    SENDING, attempts+1, and commit.
 * 2. Call the gateway with the notification id as idempotency key, outside any lock.
 * 3. Record SENT (or FAILED / the retryable error).
 *
 * A worker killed between 2 and 3 leaves the row SENDING; the retried job calls the
 * gateway again with the same key, which the gateway dedupes, and then records SENT.
 * With a gateway that cannot dedupe, a row found SENDING is failed instead of resent.
 */
export async function sendNotification(
  ctx: SendContext,
  notificationId: string,
  finalAttempt: boolean,
): Promise<SendOutcome> {
  const now = ctx.now?.() ?? new Date();
  const em = forkFor(ctx.orm, SYSTEM);
  const claim = await em.transactional(async (tx): Promise<{ done: SendOutcome } | { row: NotificationRow }> => {
    const [row] = await tx.execute<NotificationRow[]>(`select * from notification where id = ? for update`, [
      notificationId,
    ]);
    if (!row) return { done: { kind: "ALREADY_DONE", status: "MISSING" } };
    if (TERMINAL.has(row.status)) return { done: { kind: "ALREADY_DONE", status: row.status } };
    const skip = await skipReason(tx, row);
    if (skip) {
      await finish(tx, row.id, "SKIPPED", { lastError: skip });
      return { done: { kind: "SKIPPED", reason: skip } };
    }
    if (row.channel === "SMS") {
      const until = quietHoursDeferral(now, await timeZoneOf(tx, row.organization_id, ctx.defaultTimeZone));
      if (until) {
        await tx.execute(
          `update notification set send_after = ?, updated_at = now(), version = version + 1 where id = ?`,
          [until, row.id],
        );
        return { done: { kind: "DEFERRED", until } };
      }
    }
    const gateway = row.channel === "SMS" ? ctx.gateways.sms : null;
    if (row.status === "SENDING" && gateway && !gateway.idempotent) {
      const reason = `DELIVERY_UNCERTAIN: a previous attempt died after calling ${gateway.name}, which cannot dedupe; not resent`;
      await finish(tx, row.id, "FAILED", { lastError: reason });
      return { done: { kind: "FAILED", reason } };
    }
    await tx.execute(
      `update notification set status = 'SENDING', attempts = attempts + 1, updated_at = now(), version = version + 1 where id = ?`,
      [row.id],
    );
    return { row };
  });
  if ("done" in claim) return claim.done;
  const row = claim.row;

  let providerMessageId: string;
  try {
    const result =
      row.channel === "SMS"
        ? await ctx.gateways.sms.send({ idempotencyKey: row.id, to: row.recipient, body: row.body })
        : await ctx.gateways.email.send({
            idempotencyKey: row.id,
            to: row.recipient,
            subject: row.subject ?? "",
            body: row.body,
          });
    providerMessageId = result.providerMessageId;
  } catch (err) {
    if (err instanceof PermanentDeliveryError) {
      const reason = `${err.code}: ${err.message}`;
      await finish(em, row.id, "FAILED", { lastError: reason });
      return { kind: "FAILED", reason };
    }
    const message = (err as Error).message;
    if (finalAttempt) {
      const reason = `RETRIES_EXHAUSTED: ${message}`;
      await finish(em, row.id, "FAILED", { lastError: reason });
      return { kind: "FAILED", reason };
    }
    // Back to QUEUED: the retry resends with the same idempotency key.
    await em.execute(
      `update notification set status = 'QUEUED', last_error = ?, updated_at = now(), version = version + 1 where id = ? and status = 'SENDING'`,
      [message, row.id],
    );
    throw new SendRetryableError(message);
  }
  // If this process dies before the next line, the row stays SENDING and the retry is
  // deduped by the gateway (same key), so the recipient still gets one message.
  await finish(em, row.id, "SENT", { providerMessageId, sentAt: new Date() });
  return { kind: "SENT", providerMessageId };
}

async function finish(
  em: EntityManager,
  id: string,
  status: "SENT" | "SKIPPED" | "FAILED",
  fields: { lastError?: string; providerMessageId?: string; sentAt?: Date },
): Promise<void> {
  await em.execute(
    `update notification set status = ?, last_error = ?, provider_message_id = coalesce(?, provider_message_id),
       sent_at = coalesce(?, sent_at), updated_at = now(), version = version + 1 where id = ?`,
    [status, fields.lastError ?? null, fields.providerMessageId ?? null, fields.sentAt ?? null, id],
  );
}

/** Why the row must not be sent at all, or null. */
async function skipReason(em: EntityManager, row: NotificationRow): Promise<string | null> {
  if (!row.recipient) return "NO_RECIPIENT: the recipient has no phone or e-mail on file";
  if (row.patient_id) {
    const [p] = await em.execute<{ sms_consent: boolean; email_consent: boolean }[]>(
      `select sms_consent, email_consent from patient where id = ?`,
      [row.patient_id],
    );
    if (!p) return "PATIENT_NOT_FOUND";
    if (row.channel === "SMS" && !p.sms_consent) return "NO_SMS_CONSENT: the patient has not agreed to SMS";
    if (row.channel === "EMAIL" && !p.email_consent) return "NO_EMAIL_CONSENT: the patient has not agreed to e-mail";
  }
  if (row.template === APPOINTMENT_REMINDER_TEMPLATE && row.related_type === "Visit" && row.related_id) {
    const [v] = await em.execute<{ status: string; scheduled_at: Date | null }[]>(
      `select status, scheduled_at from visit where id = ?`,
      [row.related_id],
    );
    if (!v || v.status !== "SCHEDULED") return `APPOINTMENT_NOT_SCHEDULED: the visit is ${v?.status ?? "gone"}`;
    const writtenFor = scheduledAtOfReminderKey(row.dedupe_key);
    if (!writtenFor || !v.scheduled_at || new Date(v.scheduled_at).getTime() !== writtenFor.getTime())
      return "APPOINTMENT_MOVED: the reminder was written for another time";
  }
  return null;
}

async function timeZoneOf(em: EntityManager, organizationId: string | null, fallback: string): Promise<string> {
  if (!organizationId) return fallback;
  const [o] = await em.execute<{ time_zone: string }[]>(`select time_zone from organization where id = ?`, [
    organizationId,
  ]);
  return o?.time_zone ?? fallback;
}
