import type { ClinigraphClient } from "./client.js";
import { graphql } from "./gql/index.js";
import type { OrderEvent, OrderStatus } from "./gql/graphql.js";
import { reportPdf } from "./pdf.js";

/**
 * Every operation is a typed document (GraphQL Code Generator, codegen.yml): its result and
 * variables are typed from schema.graphql, so a renamed field or a wrong enum value fails
 * `pnpm typecheck` here instead of a request in production.
 */
export interface OrderSummary {
  id: string;
  number: string;
  version: number;
  status: OrderStatus;
  availableTransitions: OrderEvent[];
}

const NewOrders = graphql(`
  query NewOrders($first: Int) {
    orders(first: $first, filter: { status: [ISSUED] }) {
      nodes {
        id
        number
        version
        status
        availableTransitions
      }
    }
  }
`);

const GetOrder = graphql(`
  query GetOrder($id: ID!) {
    order(id: $id) {
      id
      number
      version
      status
      availableTransitions
    }
  }
`);

const TransitionOrder = graphql(`
  mutation TransitionOrder($i: TransitionOrderInput!) {
    transitionOrder(input: $i) {
      order {
        id
        number
        version
        status
        availableTransitions
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AttachOrderReport = graphql(`
  mutation AttachOrderReport($i: AttachOrderReportInput!) {
    attachOrderReport(input: $i) {
      order {
        id
        number
        version
        status
        availableTransitions
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const OrderRejection = graphql(`
  query OrderRejection($id: ID!) {
    order(id: $id) {
      id
      number
      version
      status
      availableTransitions
      rejection {
        code
        label
        text
        at
      }
    }
  }
`);

const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($i: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $i) {
      signingSecret
      webhookEndpoint {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** New orders addressed to this lab, oldest deadline first (one page of up to 100). */
export async function newOrders(api: ClinigraphClient, first = 20): Promise<OrderSummary[]> {
  const data = await api.request(NewOrders, { first });
  return data.orders.nodes;
}

export async function getOrder(api: ClinigraphClient, id: string): Promise<OrderSummary | null> {
  return (await api.request(GetOrder, { id })).order;
}

async function fire(api: ClinigraphClient, order: OrderSummary, event: OrderEvent): Promise<OrderSummary> {
  const { transitionOrder } = await api.request(TransitionOrder, {
    i: { id: order.id, event, expectedVersion: order.version },
  });
  return api.payloadObject("transitionOrder", transitionOrder, transitionOrder.order);
}

/** Uploads a PDF and attaches it as the FINAL report; the idempotency key makes a retry safe. */
export async function attachFinalReport(
  api: ClinigraphClient,
  order: OrderSummary,
  text: string,
  attempt: string,
): Promise<OrderSummary> {
  const file = await api.upload(`${order.number}-${attempt}.pdf`, "application/pdf", reportPdf(text));
  const { attachOrderReport } = await api.request(AttachOrderReport, {
    i: { orderId: order.id, kind: "FINAL", fileId: file.id, idempotencyKey: `report-${order.number}-${attempt}` },
  });
  return api.payloadObject("attachOrderReport", attachOrderReport, attachOrderReport.order);
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
  const { order } = await api.request(OrderRejection, { id: orderId });
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
  const { createWebhookEndpoint: created } = await api.request(CreateWebhookEndpoint, {
    i: { url, events: ["ORDER_REJECTED"], description: "example lab client", idempotencyKey: `lab-client-${url}` },
  });
  const endpoint = api.payloadObject("createWebhookEndpoint", created, created.webhookEndpoint);
  return { endpointId: endpoint.id, signingSecret: created.signingSecret ?? null };
}
