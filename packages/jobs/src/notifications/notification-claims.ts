import type { EntityManager } from "@clinigraph/api/domain";
import { quietHoursDeferral } from "./quiet-hours.js";
import { APPOINTMENT_REMINDER_TEMPLATE, scheduledAtOfReminderKey } from "./templates.js";

export type SendOutcome =
  | { kind: "SENT"; providerMessageId: string }
  | { kind: "SKIPPED"; reason: string }
  | { kind: "FAILED"; reason: string }
  | { kind: "DEFERRED"; until: Date }
  | { kind: "ALREADY_DONE"; status: string };

export interface NotificationRow {
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
  /** The W3C traceparent of whatever queued the row; null when untraced. */
  traceparent: string | null;
  /** Joined by the claim statement, so a send reads everything it decides on at once. */
  patient_found: boolean;
  sms_consent: boolean | null;
  email_consent: boolean | null;
  visit_found: boolean;
  visit_status: string | null;
  visit_scheduled_at: Date | null;
  time_zone: string | null;
}

/** What the claim decided for one row: it is done (or deferred), or it is SENDING now. */
export type Claim = { done: SendOutcome } | { row: NotificationRow };

export interface ClaimPolicy {
  now: Date;
  /** Time zone for quiet hours when the message names no organisation. */
  defaultTimeZone: string;
  /** False when the SMS gateway cannot dedupe: a row found SENDING is then failed, not resent. */
  smsGatewayIdempotent: boolean;
  smsGatewayName: string;
}

export interface FinalRecord {
  id: string;
  status: "SENT" | "SKIPPED" | "FAILED";
  lastError?: string | null;
  providerMessageId?: string | null;
  sentAt?: Date | null;
}

const TERMINAL = new Set(["SENT", "SKIPPED", "FAILED"]);

// The rows locked in id order (two batches never wait on each other in a cycle), with the
// consent, appointment and time zone they are judged on (the recipient's when the row names
// it, else its organisation's), in one round trip.
const CLAIM_SQL = `
  select n.*, p.id is not null as patient_found, p.sms_consent, p.email_consent,
         v.id is not null as visit_found, v.status as visit_status, v.scheduled_at as visit_scheduled_at,
         coalesce(n.recipient_time_zone, o.time_zone) as time_zone
    from notification n
    left join patient p on p.id = n.patient_id
    left join visit v on n.related_type = 'Visit' and v.id = n.related_id
    left join organization o on o.id = n.organization_id
   where n.id in (?)
   order by n.id
     for update of n`;

/**
 * Claims a batch of outbox rows in the caller's transaction: each row is final already,
 * skipped (with its reason), deferred past quiet hours, failed as uncertain, or marked
 * SENDING with attempts + 1. Whatever the batch size, this is one select and at most four
 * updates, which is what lets the SMS fan-out keep up (it was bound by round trips).
 */
export async function claimNotifications(
  tx: EntityManager,
  ids: readonly string[],
  policy: ClaimPolicy,
): Promise<Map<string, Claim>> {
  const claims = new Map<string, Claim>();
  if (ids.length === 0) return claims;
  const rows = await tx.execute<NotificationRow[]>(CLAIM_SQL, [[...new Set(ids)]]);
  const finals: FinalRecord[] = [];
  const deferred: { id: string; until: Date }[] = [];
  const sending: string[] = [];
  for (const row of rows) {
    const decided = decide(row, policy);
    claims.set(row.id, decided);
    if ("row" in decided) sending.push(row.id);
    else if (decided.done.kind === "DEFERRED") deferred.push({ id: row.id, until: decided.done.until });
    else if (decided.done.kind === "SKIPPED")
      finals.push({ id: row.id, status: "SKIPPED", lastError: decided.done.reason });
    else if (decided.done.kind === "FAILED")
      finals.push({ id: row.id, status: "FAILED", lastError: decided.done.reason });
  }
  for (const id of ids) if (!claims.has(id)) claims.set(id, { done: { kind: "ALREADY_DONE", status: "MISSING" } });
  await recordFinal(tx, finals);
  if (deferred.length > 0)
    await tx.execute(
      `update notification n set send_after = d.until, updated_at = now(), version = n.version + 1
         from (values ${deferred.map(() => "(?::uuid, ?::timestamptz)").join(", ")}) as d(id, until)
        where n.id = d.id`,
      deferred.flatMap((d) => [d.id, d.until]),
    );
  if (sending.length > 0)
    await tx.execute(
      `update notification set status = 'SENDING', attempts = attempts + 1, updated_at = now(), version = version + 1
        where id in (?)`,
      [sending],
    );
  return claims;
}

/** The decision for one locked row (pure). */
export function decide(row: NotificationRow, policy: ClaimPolicy): Claim {
  if (TERMINAL.has(row.status)) return { done: { kind: "ALREADY_DONE", status: row.status } };
  const skip = skipReason(row);
  if (skip) return { done: { kind: "SKIPPED", reason: skip } };
  if (row.channel === "SMS") {
    const until = quietHoursDeferral(policy.now, row.time_zone ?? policy.defaultTimeZone);
    if (until) return { done: { kind: "DEFERRED", until } };
    if (row.status === "SENDING" && !policy.smsGatewayIdempotent)
      return {
        done: {
          kind: "FAILED",
          reason: `DELIVERY_UNCERTAIN: a previous attempt died after calling ${policy.smsGatewayName}, which cannot dedupe; not resent`,
        },
      };
  }
  return { row };
}

/** Why the row must not be sent at all, or null. */
export function skipReason(row: NotificationRow): string | null {
  if (!row.recipient) return "NO_RECIPIENT: the recipient has no phone or e-mail on file";
  if (row.patient_id) {
    if (!row.patient_found) return "PATIENT_NOT_FOUND";
    if (row.channel === "SMS" && !row.sms_consent) return "NO_SMS_CONSENT: the patient has not agreed to SMS";
    if (row.channel === "EMAIL" && !row.email_consent) return "NO_EMAIL_CONSENT: the patient has not agreed to e-mail";
  }
  if (row.template === APPOINTMENT_REMINDER_TEMPLATE && row.related_type === "Visit" && row.related_id) {
    if (!row.visit_found || row.visit_status !== "SCHEDULED")
      return `APPOINTMENT_NOT_SCHEDULED: the visit is ${row.visit_found ? row.visit_status : "gone"}`;
    const writtenFor = scheduledAtOfReminderKey(row.dedupe_key);
    if (!writtenFor || !row.visit_scheduled_at || new Date(row.visit_scheduled_at).getTime() !== writtenFor.getTime())
      return "APPOINTMENT_MOVED: the reminder was written for another time";
  }
  return null;
}

/** Records final outcomes for many rows in one statement. */
export async function recordFinal(em: EntityManager, records: readonly FinalRecord[]): Promise<void> {
  if (records.length === 0) return;
  await em.execute(
    `update notification n set status = f.status::notification_status, last_error = f.last_error,
            provider_message_id = coalesce(f.provider_message_id, n.provider_message_id),
            sent_at = coalesce(f.sent_at, n.sent_at), updated_at = now(), version = n.version + 1
       from (values ${records.map(() => "(?::uuid, ?, ?, ?, ?::timestamptz)").join(", ")})
            as f(id, status, last_error, provider_message_id, sent_at)
      where n.id = f.id`,
    records.flatMap((r) => [r.id, r.status, r.lastError ?? null, r.providerMessageId ?? null, r.sentAt ?? null]),
  );
}
