import {
  enqueueNotification,
  forkFor,
  SYSTEM,
  type EntityManager,
  type FieldCipher,
  type MikroORM,
} from "@clinigraph/api/domain";
import { inStoredTrace, resolveDeliveryTarget, signWebhook } from "@clinigraph/api/domain";
import { pinnedPost } from "./pinned-post.js";
import { languageOf } from "../notifications/templates.js";
import { ENDPOINT_DISABLED, ENDPOINT_DISABLED_TEMPLATE } from "./endpoint-disabled-notice.js";
import {
  retryDelayMs,
  WEBHOOK_ATTEMPT_LEASE_MS,
  WEBHOOK_DISABLE_AFTER_FAILING_MS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TIMEOUT_MS,
} from "./retry-schedule.js";

export interface DeliveryDeps {
  orm: MikroORM;
  cipher: FieldCipher;
  /** WEBHOOK_ALLOW_PRIVATE=true: loopback and private targets are allowed (tests, local development). */
  allowPrivate: boolean;
  /** Resolves a webhook host to its addresses, once per attempt (tests inject one). */
  resolve?: (host: string) => Promise<string[]>;
}

export type DeliveryOutcome =
  | { kind: "DELIVERED"; statusCode: number }
  | { kind: "RETRY"; at: Date; version: number; error: string }
  | { kind: "FAILED"; error: string; endpointDisabled: boolean }
  | { kind: "SKIPPED" };

interface AttemptRow {
  id: string;
  attempts: number;
  event_id: string;
  type: string;
  occurred_at: Date;
  object_type: string;
  object_id: string;
  object_status: string;
  object_version: number;
  traceparent: string | null;
  endpoint_id: string;
  url: string;
  secret_enc: string;
  active: boolean;
}

const exec = <T>(em: EntityManager, sql: string, params: unknown[]) => em.execute<T[]>(sql, params);

/**
 * One attempt of one delivery. The row is claimed first (due, PENDING, lease set) so a
 * duplicate job or a second worker finds nothing to do; the POST happens outside any
 * transaction; the outcome is written afterwards. `now` is injectable so tests can play
 * a day of failures without waiting.
 */
export async function deliverOnce(
  deps: DeliveryDeps,
  deliveryId: string,
  now: Date = new Date(),
): Promise<DeliveryOutcome> {
  const em = forkFor(deps.orm, SYSTEM);
  const claimed = await exec<AttemptRow>(
    em,
    `with c as (
       update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?, version = version + 1, updated_at = now()
       where id = ? and status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= ?)
       returning id, attempts, event_id, endpoint_id)
     select c.id, c.attempts, c.event_id, c.endpoint_id, ev.type, ev.occurred_at, ev.object_type, ev.object_id,
            ev.object_status, ev.object_version, ev.traceparent, e.url, e.secret_enc, e.active
     from c join webhook_event ev on ev.id = c.event_id join webhook_endpoint e on e.id = c.endpoint_id`,
    [new Date(now.getTime() + WEBHOOK_ATTEMPT_LEASE_MS), deliveryId, now],
  );
  const row = claimed[0];
  if (!row) return { kind: "SKIPPED" };
  if (!row.active) {
    await finish(em, row.id, "FAILED", null, "endpoint is disabled", now);
    return { kind: "FAILED", error: "endpoint is disabled", endpointDisabled: true };
  }

  // The request that changed the object wrote the event; its trace goes on into the send.
  return inStoredTrace<DeliveryOutcome>(
    row.traceparent,
    `webhook deliver ${row.type}`,
    { "clinigraph.webhook.delivery_id": row.id, "clinigraph.webhook.attempt": row.attempts },
    async () => {
      const body = JSON.stringify({
        id: row.event_id,
        type: row.type,
        occurredAt: new Date(row.occurred_at).toISOString(),
        object: { type: row.object_type, id: row.object_id, status: row.object_status, version: row.object_version },
      });
      const timestamp = Math.floor(now.getTime() / 1000);
      const { statusCode, error } = await post(deps, row, body, timestamp);
      if (error === null) {
        await em.transactional(async (tem) => {
          await finish(tem as EntityManager, row.id, "DELIVERED", statusCode, null, now);
          await exec(
            tem as EntityManager,
            `update webhook_endpoint set consecutive_failure_since = null where id = ?`,
            [row.endpoint_id],
          );
        });
        return { kind: "DELIVERED", statusCode: statusCode! };
      }
      return em.transactional((tem) => recordFailure(tem as EntityManager, row, statusCode, error, now));
    },
  );
}

async function post(
  deps: DeliveryDeps,
  row: AttemptRow,
  body: string,
  timestamp: number,
): Promise<{ statusCode: number | null; error: string | null }> {
  try {
    const url = new URL(row.url);
    const target = await resolveDeliveryTarget(url, deps.allowPrivate, deps.resolve);
    if (!target.ok) return { statusCode: null, error: target.reason };
    const res = await pinnedPost(
      url,
      target.address,
      target.family,
      {
        "content-type": "application/json",
        "user-agent": "Clinigraph-Webhooks/1",
        // Standard Webhooks (the API's signer): webhook-id is the event id, the same on every retry.
        ...signWebhook(deps.cipher.decrypt(row.secret_enc), row.event_id, new Date(timestamp * 1000), body),
      },
      body,
      WEBHOOK_TIMEOUT_MS,
    );
    // A redirect could point anywhere (including our own network): it counts as a failure.
    if (res.statusCode >= 200 && res.statusCode < 300) return { statusCode: res.statusCode, error: null };
    return { statusCode: res.statusCode, error: `HTTP ${res.statusCode}` };
  } catch (err) {
    const e = err as Error & { code?: string; cause?: { code?: string; name?: string } };
    const timedOut = e.name === "TimeoutError" || e.cause?.name === "TimeoutError";
    const reason = timedOut ? `timed out after ${WEBHOOK_TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.code ?? e.message);
    return { statusCode: null, error: reason };
  }
}

async function finish(
  em: EntityManager,
  id: string,
  status: string,
  code: number | null,
  error: string | null,
  now: Date,
) {
  await exec(
    em,
    `update webhook_delivery set status = ?, last_status_code = ?, last_error = ?, next_attempt_at = null,
       delivered_at = case when ? = 'DELIVERED' then ?::timestamptz else delivered_at end, version = version + 1, updated_at = now()
     where id = ?`,
    [status, code, error, status, now, id],
  );
}

async function recordFailure(
  em: EntityManager,
  row: AttemptRow,
  statusCode: number | null,
  error: string,
  now: Date,
): Promise<DeliveryOutcome> {
  const [endpoint] = await exec<{ since: Date; organization_id: string; url: string }>(
    em,
    `update webhook_endpoint set consecutive_failure_since = coalesce(consecutive_failure_since, ?)
     where id = ? returning consecutive_failure_since as since, organization_id, url`,
    [now, row.endpoint_id],
  );
  const failingFor = now.getTime() - new Date(endpoint!.since).getTime();
  if (failingFor >= WEBHOOK_DISABLE_AFTER_FAILING_MS) {
    await disableEndpoint(em, row.endpoint_id, endpoint!.organization_id, endpoint!.url, now);
    await finish(em, row.id, "FAILED", statusCode, error, now);
    return { kind: "FAILED", error, endpointDisabled: true };
  }
  if (row.attempts >= WEBHOOK_MAX_ATTEMPTS) {
    await finish(em, row.id, "FAILED", statusCode, error, now);
    return { kind: "FAILED", error, endpointDisabled: false };
  }
  const at = new Date(now.getTime() + retryDelayMs(row.attempts));
  const [updated] = await exec<{ version: number }>(
    em,
    `update webhook_delivery set last_status_code = ?, last_error = ?, next_attempt_at = ?, version = version + 1, updated_at = now()
     where id = ? returning version`,
    [statusCode, error, at, row.id],
  );
  return { kind: "RETRY", at, version: updated!.version, error };
}

/**
 * After a day of failures: the endpoint stops receiving, its waiting deliveries are
 * marked FAILED (redeliverWebhook after re-enabling sends them), and the organisation
 * is told by e-mail through the notification outbox.
 */
async function disableEndpoint(em: EntityManager, endpointId: string, organizationId: string, url: string, now: Date) {
  const disabled = await exec<{ id: string }>(
    em,
    `update webhook_endpoint set active = false, disabled_at = ?, version = version + 1, updated_at = now()
     where id = ? and active returning id`,
    [now, endpointId],
  );
  if (disabled.length === 0) return;
  await exec(
    em,
    `update webhook_delivery set status = 'FAILED', last_error = 'endpoint disabled after a day of failures',
       next_attempt_at = null, version = version + 1, updated_at = now()
     where endpoint_id = ? and status = 'PENDING'`,
    [endpointId],
  );
  const [org] = await exec<{ email: string | null; language: string }>(
    em,
    `select email, language from organization where id = ?`,
    [organizationId],
  );
  if (!org?.email) return;
  const language = languageOf(org.language);
  const { subject, body } = ENDPOINT_DISABLED[language]({ url, endpointId });
  await enqueueNotification(em, {
    channel: "EMAIL",
    recipient: org.email,
    template: ENDPOINT_DISABLED_TEMPLATE,
    language,
    subject,
    body,
    dedupeKey: `webhook-endpoint-disabled:${endpointId}:${now.toISOString()}`,
    organizationId,
    relatedType: "WebhookEndpoint",
    relatedId: endpointId,
  });
}
