import type { ClinigraphClient } from "./client.js";
import { reportPdf } from "./pdf.js";

export interface OrderSummary {
  id: string;
  number: string;
  version: number;
  status: string;
  availableTransitions: string[];
}

const ORDER = "id number version status availableTransitions";

/** New orders addressed to this lab, oldest deadline first (one page of up to 100). */
export async function newOrders(api: ClinigraphClient, first = 20): Promise<OrderSummary[]> {
  const data = await api.gql<{ orders: { nodes: OrderSummary[] } }>(
    `query($first: Int) { orders(first: $first, filter: { status: [ISSUED] }) { nodes { ${ORDER} } } }`,
    { first },
  );
  return data.orders.nodes;
}

export async function getOrder(api: ClinigraphClient, id: string): Promise<OrderSummary | null> {
  return (await api.gql<{ order: OrderSummary | null }>(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id }))
    .order;
}

async function fire(api: ClinigraphClient, order: OrderSummary, event: string): Promise<OrderSummary> {
  const res = await api.mutate<{ order: OrderSummary }>(
    "transitionOrder",
    `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { ${ORDER} } userErrors { code field message } } }`,
    { i: { id: order.id, event, expectedVersion: order.version } },
  );
  return res.order;
}

/** Uploads a PDF and attaches it as the FINAL report; the idempotency key makes a retry safe. */
export async function attachFinalReport(
  api: ClinigraphClient,
  order: OrderSummary,
  text: string,
  attempt: string,
): Promise<OrderSummary> {
  const file = await api.upload(`${order.number}-${attempt}.pdf`, "application/pdf", reportPdf(text));
  const res = await api.mutate<{ order: OrderSummary }>(
    "attachOrderReport",
    `mutation($i: AttachOrderReportInput!) { attachOrderReport(input: $i) { order { ${ORDER} } userErrors { code field message } } }`,
    { i: { orderId: order.id, kind: "FINAL", fileId: file.id, idempotencyKey: `report-${order.number}-${attempt}` } },
  );
  return res.order;
}

/** The whole job for one order: confirm, evaluate, report, submit → IN_VERIFICATION. */
export async function processOrder(api: ClinigraphClient, order: OrderSummary): Promise<OrderSummary> {
  let o = await fire(api, order, "CONFIRM");
  o = await fire(api, o, "START_EVALUATION");
  o = await attachFinalReport(api, o, `Report for ${o.number}: all values within range.`, "1");
  return fire(api, o, "SUBMIT_FOR_REVIEW");
}

/** Why the operator rejected an order: the code, its label in the lab's language, the operator's words. */
export interface Rejection {
  code: string;
  label: string;
  text: string;
  at: string;
}

/**
 * After an order.rejected webhook (which carries ids only): reads why from the API,
 * attaches a corrected FINAL report, then RESUBMIT → IN_VERIFICATION. An order that is
 * no longer REJECTED (an old or repeated event) is returned untouched.
 */
export async function handleRejection(
  api: ClinigraphClient,
  orderId: string,
): Promise<{ order: OrderSummary; rejection: Rejection | null } | null> {
  const { order } = await api.gql<{ order: (OrderSummary & { rejection: Rejection | null }) | null }>(
    `query($id: ID!) { order(id: $id) { ${ORDER} rejection { code label text at } } }`,
    { id: orderId },
  );
  if (!order) return null;
  const { rejection, ...summary } = order;
  if (summary.status !== "REJECTED") return { order: summary, rejection };
  const corrected = await attachFinalReport(
    api,
    summary,
    `Corrected report for ${summary.number}: addresses ${rejection?.code ?? "the rejection"}.`,
    `corrected-v${summary.version}`,
  );
  return { order: await fire(api, corrected, "RESUBMIT"), rejection };
}

/**
 * Subscribes `url` to order.rejected. The signing secret comes back once: keep it where
 * the webhook server reads it (`verifyClinigraphWebhook`). The idempotency key makes a
 * restarted client get its endpoint back instead of a second one (without the secret).
 */
export async function registerRejectionWebhook(
  api: ClinigraphClient,
  url: string,
): Promise<{ endpointId: string; signingSecret: string | null }> {
  const created = await api.mutate<{ signingSecret: string | null; webhookEndpoint: { id: string } }>(
    "createWebhookEndpoint",
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { signingSecret webhookEndpoint { id } userErrors { code field message } } }`,
    { i: { url, events: ["ORDER_REJECTED"], description: "example lab client", idempotencyKey: `lab-client-${url}` } },
  );
  return { endpointId: created.webhookEndpoint.id, signingSecret: created.signingSecret };
}
