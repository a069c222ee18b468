import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger, OrganizationKind, type Organization } from "@clinigraph/api/domain";
import { Fixtures, startTestApi, type TestApi } from "@clinigraph/api/testing";
import { Redis } from "ioredis";
import { loadJobsConfig } from "../config.js";
import { deleteKeys, waitFor } from "../test-support/harness.fixtures.js";
import type { JobsRuntime } from "../runtime.js";
import { deliverOnce } from "./deliver.js";
import { fanOutEvents } from "./scan.js";
import { TestReceiver } from "./test-support/receiver.fixtures.js";
import { startWebhookDelivery, type WebhookDelivery } from "./webhook.queue.js";
import { FieldCipher } from "@clinigraph/api/domain";

const HOUR = 3600_000;
let api: TestApi;
let fx: Fixtures;
let labA: Organization;
let labB: Organization;
let keyA: string;
let keyB: string;
let rt: Pick<JobsRuntime, "orm" | "config" | "logger" | "stop" | "ownQueues" | "ownWorkers">;
let delivery: WebhookDelivery;
const redis = new Redis("redis://127.0.0.1:6379/7");
const prefix = `tw${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  labA = await fx.organization(OrganizationKind.LAB, { email: "it@lab-a.example" });
  labB = await fx.organization(OrganizationKind.LAB);
  keyA = (await fx.apiKey(labA)).secret;
  keyB = (await fx.apiKey(labB)).secret;
  const config = loadJobsConfig({
    NODE_ENV: "test",
    DATABASE_URL: api.config.DATABASE_URL,
    REDIS_URL: "redis://127.0.0.1:6379/7",
    QUEUE_PREFIX: prefix,
    REGISTER_SCHEDULERS: "false",
    LOG_LEVEL: "silent",
  });
  rt = {
    orm: api.orm,
    config,
    logger: createLogger("silent", "jobs-test"),
    ownQueues: [],
    ownWorkers: [],
    stop: async () => {},
  };
  delivery = await startWebhookDelivery(rt as JobsRuntime);
});

afterAll(async () => {
  await rt?.stop();
  await deleteKeys(redis, `${prefix}:*`);
  redis.disconnect();
  await api?.close();
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
});

const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) =>
  api.orm.em.getConnection().execute(q, params) as Promise<T[]>;

async function endpointFor(
  token: string,
  receiver: TestReceiver,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await api.gql<{
    createWebhookEndpoint: { signingSecret: string; webhookEndpoint: { id: string } | null; userErrors: unknown[] };
  }>(
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { signingSecret webhookEndpoint { id } userErrors { code message } } }`,
    { i: { url: receiver.url, events: ["ORDER_ISSUED", "ORDER_REJECTED"], ...extra } },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data.createWebhookEndpoint.userErrors).toEqual([]);
  receiver.secret = res.data.createWebhookEndpoint.signingSecret;
  return res.data.createWebhookEndpoint.webhookEndpoint!.id;
}

/** What the API writes in the transaction of an order change (see the API's webhook.events.ts). */
async function orderEvent(
  org: Organization,
  type = "order.issued",
  at = new Date(),
): Promise<{ eventId: string; orderId: string }> {
  const eventId = randomUUID();
  const orderId = randomUUID();
  await sql(
    `insert into webhook_event (id, type, occurred_at, organization_id, object_type, object_id, object_status, object_version, created_at, updated_at)
     values (?, ?, ?, ?, 'Order', ?, ?, 1, now(), now())`,
    [eventId, type, at, org.id, orderId, type === "order.rejected" ? "REJECTED" : "ISSUED"],
  );
  return { eventId, orderId };
}

const deliveryOf = async (eventId: string, endpointId: string) =>
  (
    await sql<{
      id: string;
      status: string;
      attempts: number;
      last_status_code: number | null;
      last_error: string | null;
    }>(
      `select id, status, attempts, last_status_code, last_error from webhook_delivery where event_id = ? and endpoint_id = ?`,
      [eventId, endpointId],
    )
  )[0];

/** Lets the retry's delay pass: the row is due now and its delayed job runs at once. */
async function skipRetryDelay(deliveryId: string): Promise<void> {
  await sql(`update webhook_delivery set next_attempt_at = now() where id = ?`, [deliveryId]);
  await delivery.queue.promoteJobs();
}

describe("webhook delivery", () => {
  let receiverA: TestReceiver;
  let receiverB: TestReceiver;
  beforeEach(async () => {
    receiverA = await TestReceiver.withDocumentedVerifier();
    receiverB = await TestReceiver.withDocumentedVerifier();
    return async () => {
      await receiverA.close();
      await receiverB.close();
    };
  });

  it("delivers a signed event to the concerned partner only, retries a 500, and the partner processes it once", async () => {
    const endpointA = await endpointFor(keyA, receiverA);
    await endpointFor(keyB, receiverB);
    receiverA.failNext(1);
    const { eventId, orderId } = await orderEvent(labA);

    await delivery.scan();
    const failed = await waitFor(
      async () => {
        const d = await deliveryOf(eventId, endpointA);
        return d?.last_status_code === 500 ? d : null;
      },
      20_000,
      "the first attempt to fail",
    );
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, last_error: "HTTP 500" });

    await skipRetryDelay(failed.id);
    await waitFor(async () => (await deliveryOf(eventId, endpointA))?.status === "DELIVERED", 60_000, "the retry");

    expect(receiverA.requests.every((r) => r.signatureValid)).toBe(true);
    expect(receiverA.requests.map((r) => r.eventId)).toEqual([eventId, eventId]);
    expect(receiverA.processed.get(eventId)).toBe(1);
    expect(JSON.parse(receiverA.requests[1]!.body)).toEqual({
      id: eventId,
      type: "order.issued",
      occurredAt: expect.any(String),
      object: { type: "Order", id: orderId, status: "ISSUED", version: 1 },
    });
    expect(receiverB.requests).toEqual([]);
    expect(
      await sql(
        `select 1 from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where e.organization_id = ?`,
        [labB.id],
      ),
    ).toEqual([]);
  });

  it("redelivers on request with the same event id, which the partner's dedupe absorbs", async () => {
    const endpointA = await endpointFor(keyA, receiverA);
    const { eventId } = await orderEvent(labA, "order.rejected");
    await delivery.scan();
    const first = await waitFor(
      async () => {
        const d = await deliveryOf(eventId, endpointA);
        return d?.status === "DELIVERED" ? d : null;
      },
      20_000,
      "the delivery",
    );

    const foreign = await api.gql<{ redeliverWebhook: { userErrors: { code: string }[] } }>(
      `mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { userErrors { code } } }`,
      { i: { deliveryId: first.id } },
      keyB,
    );
    expect(foreign.data.redeliverWebhook.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);

    const res = await api.gql<{ redeliverWebhook: { webhookDelivery: { status: string; eventId: string } } }>(
      `mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { webhookDelivery { status eventId } userErrors { code } } }`,
      { i: { deliveryId: first.id } },
      keyA,
    );
    expect(res.data.redeliverWebhook.webhookDelivery).toEqual({ status: "PENDING", eventId });
    await delivery.scan();
    await waitFor(
      async () => receiverA.requests.length === 2 && (await deliveryOf(eventId, endpointA))?.status === "DELIVERED",
      20_000,
      "the redelivery",
    );
    expect(receiverA.requests.map((r) => r.eventId)).toEqual([eventId, eventId]);
    expect(receiverA.processed.get(eventId)).toBe(1);

    const log = await api.gql<{
      webhookDeliveries: { nodes: { eventType: string; objectType: string; attempts: number }[] };
    }>(
      `query($f: WebhookDeliveryFilter) { webhookDeliveries(first: 10, filter: $f) { nodes { eventType objectType attempts status } } }`,
      { f: { eventType: ["ORDER_REJECTED"], endpointId: endpointA } },
      keyA,
    );
    expect(log.data.webhookDeliveries.nodes).toEqual([
      { eventType: "ORDER_REJECTED", objectType: "Order", attempts: 1, status: "DELIVERED" },
    ]);
    const seenByB = await api.gql<{ webhookDeliveries: { nodes: unknown[] } }>(
      `{ webhookDeliveries(first: 10) { nodes { id } } }`,
      {},
      keyB,
    );
    expect(seenByB.data.webhookDeliveries.nodes).toEqual([]);
  });

  it("disables an endpoint after a day of consecutive failures and tells the organisation", async () => {
    receiverA.failAlways();
    const endpointA = await endpointFor(keyA, receiverA);
    const t0 = new Date();
    const { eventId } = await orderEvent(labA, "order.issued", t0);
    await fanOutEvents(api.orm, t0);
    const { id } = (await deliveryOf(eventId, endpointA))!;
    const deps = { orm: api.orm, cipher: FieldCipher.fromConfig(api.config), allowPrivate: true };

    expect((await deliverOnce(deps, id, t0)).kind).toBe("RETRY");
    expect((await deliverOnce(deps, id, new Date(t0.getTime() + 23 * HOUR))).kind).toBe("RETRY");
    const last = await deliverOnce(deps, id, new Date(t0.getTime() + 24 * HOUR + 60_000));
    expect(last).toMatchObject({ kind: "FAILED", endpointDisabled: true });

    const [endpoint] = await sql<{ active: boolean; disabled_at: Date | null }>(
      `select active, disabled_at from webhook_endpoint where id = ?`,
      [endpointA],
    );
    expect(endpoint!.active).toBe(false);
    expect(new Date(endpoint!.disabled_at!).getTime()).toBe(t0.getTime() + 24 * HOUR + 60_000);
    const notices = await sql<{ recipient: string; template: string; channel: string }>(
      `select recipient, template, channel from notification where related_id = ?`,
      [endpointA],
    );
    expect(notices).toEqual([
      { recipient: "it@lab-a.example", template: "webhook.endpoint_disabled", channel: "EMAIL" },
    ]);

    // A disabled endpoint gets no new deliveries.
    const later = await orderEvent(labA, "order.issued", new Date(t0.getTime() + 25 * HOUR));
    await fanOutEvents(api.orm, new Date(t0.getTime() + 25 * HOUR));
    expect(await deliveryOf(later.eventId, endpointA)).toBeUndefined();
  });

  it("a success ends the failure run, so an endpoint failing on and off is never disabled", async () => {
    const endpointA = await endpointFor(keyA, receiverA);
    const deps = { orm: api.orm, cipher: FieldCipher.fromConfig(api.config), allowPrivate: true };
    const t0 = new Date();
    receiverA.failAlways();
    const e1 = await orderEvent(labA, "order.issued", t0);
    await fanOutEvents(api.orm, t0);
    expect((await deliverOnce(deps, (await deliveryOf(e1.eventId, endpointA))!.id, t0)).kind).toBe("RETRY");
    receiverA.failAlways(false);
    receiverA.nowSeconds = () => Math.floor((t0.getTime() + 12 * HOUR) / 1000);
    const e2 = await orderEvent(labA, "order.issued", new Date(t0.getTime() + 12 * HOUR));
    await fanOutEvents(api.orm, new Date(t0.getTime() + 12 * HOUR));
    expect(
      (await deliverOnce(deps, (await deliveryOf(e2.eventId, endpointA))!.id, new Date(t0.getTime() + 12 * HOUR))).kind,
    ).toBe("DELIVERED");
    receiverA.failAlways();
    const late = await deliverOnce(
      deps,
      (await deliveryOf(e1.eventId, endpointA))!.id,
      new Date(t0.getTime() + 25 * HOUR),
    );
    expect(late.kind).toBe("RETRY");
  });

  it("refuses to send to a loopback address unless private targets are allowed", async () => {
    const endpointA = await endpointFor(keyA, receiverA);
    const { eventId } = await orderEvent(labA);
    await fanOutEvents(api.orm);
    const { id } = (await deliveryOf(eventId, endpointA))!;
    const strict = { orm: api.orm, cipher: FieldCipher.fromConfig(api.config), allowPrivate: false };
    const outcome = await deliverOnce(strict, id);
    expect(outcome).toMatchObject({ kind: "RETRY", error: expect.stringContaining("non-public address") });
    expect(receiverA.requests).toEqual([]);
  });

  it("connects to the address the SSRF check resolved, asking DNS once, with the URL's host in the Host header", async () => {
    const endpointA = await endpointFor(keyA, receiverA);
    // A name no DNS server knows: only the resolver the check uses can answer it, so a
    // delivery that looked the name up again (as fetch did) would fail with ENOTFOUND.
    const pinned = new URL(receiverA.url);
    pinned.hostname = "partner-a.rebind.invalid";
    await sql(`update webhook_endpoint set url = ? where id = ?`, [pinned.toString(), endpointA]);
    const { eventId } = await orderEvent(labA);
    await fanOutEvents(api.orm);
    const { id } = (await deliveryOf(eventId, endpointA))!;
    const lookups: string[] = [];
    const deps = {
      orm: api.orm,
      cipher: FieldCipher.fromConfig(api.config),
      allowPrivate: true,
      resolve: async (host: string) => {
        lookups.push(host);
        return ["127.0.0.1"];
      },
    };
    const outcome = await deliverOnce(deps, id);
    expect(outcome).toMatchObject({ kind: "DELIVERED", statusCode: 204 });
    expect(lookups).toEqual(["partner-a.rebind.invalid"]);
    expect(receiverA.requests.map((r) => [r.eventId, r.host, r.signatureValid])).toEqual([
      [eventId, `partner-a.rebind.invalid:${pinned.port}`, true],
    ]);
  });

  it("refuses a name with any non-public address before connecting, whatever order DNS answers in", async () => {
    const endpointA = await endpointFor(keyA, receiverA);
    const named = new URL(receiverA.url);
    named.hostname = "rebinder.invalid";
    await sql(`update webhook_endpoint set url = ? where id = ?`, [named.toString(), endpointA]);
    const { eventId } = await orderEvent(labA);
    await fanOutEvents(api.orm);
    const { id } = (await deliveryOf(eventId, endpointA))!;
    const deps = {
      orm: api.orm,
      cipher: FieldCipher.fromConfig(api.config),
      allowPrivate: false,
      resolve: async () => ["93.184.216.34", "127.0.0.1"],
    };
    const outcome = await deliverOnce(deps, id);
    expect(outcome).toMatchObject({ kind: "RETRY", error: expect.stringContaining("non-public address (127.0.0.1)") });
    expect(receiverA.requests).toEqual([]);
  });
});
