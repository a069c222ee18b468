import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelemetry } from "@clinigraph/api/telemetry";

/**
 * Issue 19: the trace of one `transitionOrder` reaches the job it causes. The webhook event
 * goes through the Postgres outbox (no BullMQ job carries the request's context), so the API
 * stores the request's W3C traceparent on the outbox row and the worker's delivery span
 * continues it: HTTP → GraphQL → SQL (the outbox insert) → the worker's send, one trace.
 * Telemetry starts before the server's and the worker's modules load, as in main.ts.
 */
const exporter = new InMemorySpanExporter();
const telemetry = await startTelemetry({
  serviceName: "clinigraph-jobs-test",
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const { createLogger } = await import("@clinigraph/api/domain");
const { startDemoApi } = await import("@clinigraph/api/testing");
const { loadJobsConfig } = await import("../config.js");
const { startWebhookDelivery } = await import("./webhook.queue.js");
const { TestReceiver } = await import("./test-support/receiver.fixtures.js");
const { Redis } = await import("ioredis");
const { deleteKeys, waitFor } = await import("../test-support/harness.fixtures.js");
type JobsRuntime = import("../runtime.js").JobsRuntime;

const LAB_KEY = "ck_DEMOLAB1_demo-lab-key-not-for-production-0001";
const REDIS_URL = "redis://127.0.0.1:6379/7";
const prefix = `tt${randomBytes(4).toString("hex")}`;
let api: Awaited<ReturnType<typeof startDemoApi>>;
let rt: Pick<JobsRuntime, "orm" | "config" | "logger" | "stop" | "ownQueues" | "ownWorkers">;
let receiver: InstanceType<typeof TestReceiver>;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  api = await startDemoApi({ REDIS_URL });
  receiver = await TestReceiver.withDocumentedVerifier();
  rt = {
    orm: api.orm,
    config: loadJobsConfig({
      NODE_ENV: "test",
      DATABASE_URL: api.config.DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      REGISTER_SCHEDULERS: "false",
      LOG_LEVEL: "silent",
    }),
    logger: createLogger("silent", "jobs-test"),
    ownQueues: [],
    ownWorkers: [],
    stop: async () => {},
  };
}, 600_000);
afterAll(async () => {
  await rt?.stop();
  const redis = new Redis(REDIS_URL);
  await deleteKeys(redis, `${prefix}:*`);
  redis.disconnect();
  await receiver?.close();
  await api?.close();
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  await telemetry?.shutdown();
});

async function gql(query: string, variables: Record<string, unknown>, operationName?: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${LAB_KEY}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await res.json()) as { data: Record<string, any>; errors?: unknown[] };
}

const byId = (spans: ReadableSpan[], id: string | undefined) => spans.find((s) => s.spanContext().spanId === id);

describe("a transitionOrder that queues a webhook", () => {
  it("is one trace from HTTP through GraphQL and its SQL to the worker's delivery (docs/OPERATIONS.md)", async () => {
    const hook = await gql(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { signingSecret userErrors { code } } }`,
      { i: { url: receiver.url, events: ["ORDER_STATUS_CHANGED"] } },
    );
    expect(hook.data.createWebhookEndpoint.userErrors).toEqual([]);
    receiver.secret = hook.data.createWebhookEndpoint.signingSecret as string;
    const [order] = await api.orm.em.getConnection().execute<{ id: string; version: number }[]>(
      `select o.id, o.version from attention_order o join api_key k on k.organization_id = o.provider_id
          where k.prefix = 'DEMOLAB1' and o.status = 'ISSUED' and o.confirm_by > now() + interval '1 minute' limit 1`,
    );
    exporter.reset();
    const done = await gql(
      `mutation TransitionOrder($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { status } userErrors { code } } }`,
      { i: { id: order!.id, event: "CONFIRM", expectedVersion: order!.version } },
      "TransitionOrder",
    );
    expect(done.data.transitionOrder.order.status).toBe("CONFIRMED");

    // The worker as the jobs runtime runs it: the scan fans the outbox out and queues the send.
    const delivery = await startWebhookDelivery(rt as JobsRuntime);
    await delivery.scan();
    await waitFor(async () => receiver.requests.some((r) => r.signatureValid && r.body.includes(order!.id)));

    let spans: ReadableSpan[] = [];
    await waitFor(async () => {
      spans = exporter.getFinishedSpans();
      return spans.some((s) => s.name === "webhook deliver order.status_changed");
    });
    const send = spans.find((s) => s.name === "webhook deliver order.status_changed")!;
    const trace = spans.filter((s) => s.spanContext().traceId === send.spanContext().traceId);
    const server = trace.find((s) => s.kind === SpanKind.SERVER)!;
    expect(server?.name).toBe("POST /graphql");
    expect(trace.map((s) => s.name)).toEqual(expect.arrayContaining(["graphql.parse", "mutation TransitionOrder"]));
    const sql = trace.filter((s) => s.instrumentationScope.name === "@opentelemetry/instrumentation-pg");
    expect(sql.some((s) => /insert into "webhook_event"/i.test(String(s.attributes["db.query.text"])))).toBe(true);
    // The send's parent is a span of the request (the one active when the outbox row was
    // written), and its own SQL and HTTP POST are its children.
    expect(byId(trace, send.parentSpanContext?.spanId)).toBeDefined();
    const children = trace.filter((s) => s.parentSpanContext?.spanId === send.spanContext().spanId);
    expect(children.some((s) => s.instrumentationScope.name === "@opentelemetry/instrumentation-pg")).toBe(true);
    expect(children.some((s) => s.kind === SpanKind.CLIENT && s.name.startsWith("POST"))).toBe(true);
    // …and it links to the BullMQ job that ran it, whose trace is the worker's own.
    const job = await waitFor(async () =>
      exporter.getFinishedSpans().find((s) => s.spanContext().spanId === send.links[0]?.context.spanId),
    );
    expect(job?.kind).toBe(SpanKind.CONSUMER);
    expect(job?.spanContext().traceId).not.toBe(send.spanContext().traceId);
  });
});
