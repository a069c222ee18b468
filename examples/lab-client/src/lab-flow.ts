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

/** After an order.rejected webhook: a corrected FINAL report, then RESUBMIT. */
export async function handleRejection(api: ClinigraphClient, orderId: string): Promise<OrderSummary | null> {
  const order = await getOrder(api, orderId);
  if (!order || order.status !== "REJECTED") return order; // already handled, or an old event
  const corrected = await attachFinalReport(
    api,
    order,
    `Corrected report for ${order.number}.`,
    `corrected-v${order.version}`,
  );
  return fire(api, corrected, "RESUBMIT");
}
