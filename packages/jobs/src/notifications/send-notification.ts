import DataLoader from "dataloader";
import { forkFor, inStoredTrace, SYSTEM, type MikroORM } from "@clinigraph/api/domain";
import type { Gateways } from "../gateways/index.js";
import { PermanentDeliveryError } from "../gateways/sms-gateway.js";
import {
  claimNotifications,
  recordFinal,
  type Claim,
  type FinalRecord,
  type NotificationRow,
  type SendOutcome,
} from "./notification-claims.js";

export type { SendOutcome, NotificationRow } from "./notification-claims.js";
export { skipReason } from "./notification-claims.js";

export interface SendContext {
  orm: MikroORM;
  gateways: Gateways;
  /** Time zone for quiet hours when the message names no organisation. */
  defaultTimeZone: string;
  now?: () => Date;
  /** Coalesces the claims and final records of concurrent sends (see createSendBatcher). */
  batcher?: SendBatcher;
}

/** Thrown for a failure worth retrying; the row stays QUEUED with the error recorded. */
export class SendRetryableError extends Error {
  override name = "SendRetryableError";
}

export interface SendBatcher {
  claim(id: string): Promise<Claim>;
  record(final: FinalRecord): Promise<void>;
}

/**
 * Groups the claims (and the final records) of the sends running concurrently in this
 * process into one transaction (one statement) per few milliseconds. A job still
 * resolves only after its own row is recorded, so the exactly-once reasoning below holds
 * per row; a failed batch fails each of its jobs, which BullMQ retries.
 */
export function createSendBatcher(ctx: Omit<SendContext, "batcher">, windowMs = 2, maxBatch = 200): SendBatcher {
  const schedule = (cb: () => void) => setTimeout(cb, windowMs);
  const claims = new DataLoader<string, Claim>(
    async (ids) => {
      const byId = await claimBatch(ctx, ids);
      return ids.map((id) => byId.get(id)!);
    },
    { cache: false, batchScheduleFn: schedule, maxBatchSize: maxBatch },
  );
  const finals = new DataLoader<FinalRecord, void>(
    async (records) => {
      await recordFinal(forkFor(ctx.orm, SYSTEM), records);
      return records.map(() => undefined);
    },
    { cache: false, batchScheduleFn: schedule, maxBatchSize: maxBatch },
  );
  return { claim: (id) => claims.load(id), record: (final) => finals.load(final) };
}

function claimBatch(ctx: Omit<SendContext, "batcher">, ids: readonly string[]): Promise<Map<string, Claim>> {
  return forkFor(ctx.orm, SYSTEM).transactional((tx) =>
    claimNotifications(tx, ids, {
      now: ctx.now?.() ?? new Date(),
      defaultTimeZone: ctx.defaultTimeZone,
      smsGatewayIdempotent: ctx.gateways.sms.idempotent,
      smsGatewayName: ctx.gateways.sms.name,
    }),
  );
}

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
  const claim = ctx.batcher
    ? await ctx.batcher.claim(notificationId)
    : (await claimBatch(ctx, [notificationId])).get(notificationId)!;
  if ("done" in claim) return claim.done;
  const row = claim.row;
  // The request (or job) that queued the message wrote its trace on the row; the send goes on in it.
  return inStoredTrace(
    row.traceparent,
    `notification send ${row.channel} ${row.template}`,
    { "clinigraph.notification.id": row.id, "clinigraph.notification.attempt": row.attempts },
    () => sendClaimed(ctx, row, finalAttempt),
  );
}

/** Steps 2 and 3 for a row this process claimed (SENDING). */
async function sendClaimed(ctx: SendContext, row: NotificationRow, finalAttempt: boolean): Promise<SendOutcome> {
  const em = forkFor(ctx.orm, SYSTEM);
  const record = (final: FinalRecord) => (ctx.batcher ? ctx.batcher.record(final) : recordFinal(em, [final]));

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
      await record({ id: row.id, status: "FAILED", lastError: reason });
      return { kind: "FAILED", reason };
    }
    const message = (err as Error).message;
    if (finalAttempt) {
      const reason = `RETRIES_EXHAUSTED: ${message}`;
      await record({ id: row.id, status: "FAILED", lastError: reason });
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
  await record({ id: row.id, status: "SENT", providerMessageId, sentAt: new Date() });
  return { kind: "SENT", providerMessageId };
}
