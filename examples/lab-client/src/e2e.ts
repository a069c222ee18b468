/**
 * CI check of the example against the real API, workers, PostgreSQL and Redis
 * (e2e-stack.ts): the lab client's flow takes an order ISSUED → IN_VERIFICATION; the
 * operator rejects it; the workers deliver the signed order.rejected webhook to the
 * client's own webhook server, which verifies it and resubmits a corrected report; the
 * order is checked to be back in IN_VERIFICATION.
 */
import assert from "node:assert/strict";
import type { Server } from "node:http";
import { ClinigraphClient } from "./client.js";
import { rejectOrder, issueDemoOrder } from "./demo-operator.js";
import { startStack, freePort, type Stack } from "./e2e-stack.js";
import { getOrder, handleRejection, newOrders, processOrder, registerRejectionWebhook } from "./lab-flow.js";
import { startWebhookServer, type WebhookEvent } from "./webhook-server.js";

const DEMO_LAB_KEY = "ck_DEMOLAB1_demo-lab-key-not-for-production-0001";
/** The workers scan for new webhook events every 15 s; this leaves room for a slow CI machine. */
const WEBHOOK_WAIT_MS = 90_000;
const REASON_CODE = "ILLEGIBLE_DOCUMENT";
const REASON = "Page 2 of the PDF is unreadable; please send a clean scan.";

type Handled = { event: WebhookEvent } & NonNullable<Awaited<ReturnType<typeof handleRejection>>>;

async function within<T>(work: Promise<T>, ms: number, stack: Stack, what: () => Promise<string>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => void what().then((m) => reject(new Error(m)), reject), ms);
  });
  try {
    return await Promise.race([work, stack.crashed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface DeliveryRow {
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  eventType: string;
}

async function deliveries(client: ClinigraphClient, orderId: string): Promise<DeliveryRow[]> {
  const data = await client.gql<{ webhookDeliveries: { nodes: DeliveryRow[] } }>(
    `query($id: ID!) { webhookDeliveries(first: 10, filter: { objectId: $id, eventType: [ORDER_REJECTED] }) {
       nodes { status attempts lastStatusCode lastError eventType } } }`,
    { id: orderId },
  );
  return data.webhookDeliveries.nodes;
}

const stack = await startStack();
let hooks: Server | null = null;
try {
  const client = new ClinigraphClient(stack.url, DEMO_LAB_KEY);

  // The lab's webhook endpoint: the server and the rejection handler main.ts uses.
  const hookUrl = `http://127.0.0.1:${await freePort()}/clinigraph-webhooks`;
  let secret = "";
  let settle: { resolve: (h: Handled) => void; reject: (e: unknown) => void } | null = null;
  const handled = new Promise<Handled>((resolve, reject) => (settle = { resolve, reject }));
  handled.catch(() => {}); // awaited below; a failure before then must not crash the run first
  hooks = await startWebhookServer(
    Number(new URL(hookUrl).port),
    () => secret,
    async (event) => {
      if (event.type !== "order.rejected") return;
      try {
        const outcome = await handleRejection(client, event.object.id);
        if (!outcome) throw new Error(`order ${event.object.id} not found`);
        settle!.resolve({ event, ...outcome });
      } catch (err) {
        settle!.reject(err);
      }
    },
  );
  const endpoint = await registerRejectionWebhook(client, hookUrl);
  assert.match(endpoint.signingSecret ?? "", /^whsec_/, "a new endpoint's signing secret is shown once");
  secret = endpoint.signingSecret!;

  // The server checks signatures: a request whose signature does not match is refused, unhandled.
  const forged = JSON.stringify({ id: "forged", type: "order.rejected", occurredAt: new Date().toISOString() });
  const refused = await fetch(hookUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": "forged",
      "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
      "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")}`,
    },
    body: forged,
  });
  assert.equal(refused.status, 400, "a badly signed delivery is refused");

  // ISSUED → IN_VERIFICATION, as before.
  const issuedId = await issueDemoOrder(stack.url, "Laboratorio Clínico Puerto");
  const order = (await newOrders(client, 100)).find((o) => o.id === issuedId);
  assert.ok(order, "the order issued to the demo lab is in its ISSUED list");
  const submitted = await processOrder(client, order);
  assert.equal(submitted.status, "IN_VERIFICATION");

  // The operator rejects; the workers deliver order.rejected; the client resubmits.
  const rejected = await rejectOrder(stack.url, order.id, REASON_CODE, REASON);
  assert.equal(rejected.status, "REJECTED");
  const result = await within(handled, WEBHOOK_WAIT_MS, stack, async () => {
    const log = await deliveries(client, order.id).catch((e: Error) => e.message);
    return `no order.rejected webhook handled within ${WEBHOOK_WAIT_MS} ms; delivery log: ${JSON.stringify(log)}`;
  });
  assert.equal(result.event.type, "order.rejected");
  assert.deepEqual(result.event.object, { type: "Order", id: order.id, status: "REJECTED", version: rejected.version });
  assert.equal(result.rejection?.code, REASON_CODE, "the lab reads the reason code");
  assert.equal(result.rejection?.text, REASON, "the lab reads the operator's explanation");
  assert.ok(result.rejection?.label, "the reason comes with a label in the lab's language");
  assert.equal(result.order.status, "IN_VERIFICATION", "RESUBMIT put the order back in verification");

  // What the API holds now: back in verification through RESUBMIT, with the corrected report.
  const after = await client.gql<{
    order: { status: string; reports: { kind: string }[]; history: { event: string; toStatus: string }[] };
  }>(`query($id: ID!) { order(id: $id) { status reports { kind } history { event toStatus } } }`, { id: order.id });
  assert.equal(after.order.status, "IN_VERIFICATION");
  assert.deepEqual(
    after.order.history.slice(-3).map((h) => `${h.event}→${h.toStatus}`),
    ["SUBMIT_FOR_REVIEW→IN_VERIFICATION", "REJECT→REJECTED", "RESUBMIT→IN_VERIFICATION"],
  );
  assert.equal(
    after.order.reports.filter((r) => r.kind === "FINAL").length,
    2,
    "the corrected FINAL report is attached",
  );
  assert.equal((await getOrder(client, order.id))?.status, "IN_VERIFICATION");

  // The delivery log agrees: delivered once, accepted by the client's 204.
  const log = await within(
    (async () => {
      for (;;) {
        const rows = await deliveries(client, order.id);
        if (rows.some((d) => d.status !== "PENDING")) return rows;
        await new Promise((r) => setTimeout(r, 250));
      }
    })(),
    10_000,
    stack,
    async () => "the delivery was never marked delivered",
  );
  assert.deepEqual(
    log.map((d) => [d.status, d.lastStatusCode]),
    [["DELIVERED", 204]],
  );

  console.log(
    `example lab client: ${order.number} ISSUED → IN_VERIFICATION → REJECTED (${REASON_CODE}) → ` +
      `signed webhook → RESUBMIT → IN_VERIFICATION against ${stack.url}`,
  );
} finally {
  hooks?.closeAllConnections();
  hooks?.close();
  await stack.stop();
}
