import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelemetry } from "./sdk.js";

/**
 * Issue 19: one GraphQL request is one trace — the HTTP server span, GraphQL's parse,
 * validate and execute, and the SQL it ran — whose id is on the request's log line and on
 * error answers; a job the request queues continues the trace in the worker.
 * Telemetry starts before the server's modules load, as in main.ts (this file runs in its
 * own process: the `otel` project of vitest.config.ts).
 */
const exporter = new InMemorySpanExporter();
const telemetry = await startTelemetry({
  serviceName: "clinigraph-api-test",
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
// Vitest loads packages past Node's module hooks, where main.ts's import-in-the-middle
// patches ES imports of ioredis; a require goes through require-in-the-middle instead, and
// patches the same prototype the server's import gets.
createRequire(import.meta.url)("ioredis");
const { capturingLogger, startTestApi } = await import("../../test-support/server.fixtures.js");
const { Fixtures, loginAs } = await import("../../test-support/entities.fixtures.js");
const { OrganizationKind } = await import("../../modules/organization/organization.entity.js");
const { DEFAULT_QUEUE_PREFIX, QUEUE_NAMES } = await import("../queues/queue-names.js");
const { queueTelemetry } = await import("./trace-context.js");
const { demoTemplate } = await import("../../test-support/demo-database.fixtures.js");
const { DEMO_API_KEYS, fullApiKey } = await import("../../seed/demo-credentials.js");
// Imported here, not above: BullMQ loads ioredis, which must load after telemetry starts.
const { Worker } = await import("bullmq");

type Api = Awaited<ReturnType<typeof startTestApi>>;
let api: Api;
let lines: string[];
let labKey: string;
let labId: string;
let operatorToken: string;
// Its own Redis database: the worker below consumes the statistics queue, which other
// files' producers also fill on the default test database.
const REDIS_URL = "redis://127.0.0.1:6379/11";

beforeAll(async () => {
  const { logger, chunks } = capturingLogger("info", "api-test");
  lines = chunks;
  api = await startTestApi({ REDIS_URL }, undefined, undefined, logger);
  const fx = new Fixtures(api.orm);
  const lab = await fx.organization(OrganizationKind.LAB);
  labId = lab.id;
  labKey = (await fx.apiKey(lab)).secret;
  const operator = await fx.user(["OPERATOR"]);
  operatorToken = await loginAs(api.gql, operator.email, operator.password);
});
afterAll(async () => {
  await api?.close();
  await telemetry?.shutdown();
});

async function post(operationName: string, query: string, token: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ operationName, query, variables }),
  });
  return { requestId: res.headers.get("x-request-id")!, body: (await res.json()) as Record<string, any> };
}

/** The finished spans of one trace; polls, as the server span ends just after the answer. */
async function traceOf(match: (s: ReadableSpan) => boolean): Promise<ReadableSpan[]> {
  for (let i = 0; i < 200; i++) {
    const root = exporter.getFinishedSpans().find(match);
    if (root) return exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === root.spanContext().traceId);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `no span matched; saw ${exporter
      .getFinishedSpans()
      .map((s) => s.name)
      .join(", ")}`,
  );
}

async function logLineOf(requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log line for request ${requestId}`);
}

describe("a traced GraphQL request", () => {
  it("yields HTTP, GraphQL and Postgres spans of one trace, whose id is on the request's log line", async () => {
    const { requestId, body } = await post(
      "TracedOrders",
      `query TracedOrders { viewer { __typename } orders(first: 5) { totalCount } }`,
      labKey,
    );
    expect(body.errors).toBeUndefined();
    const line = await logLineOf(requestId);
    expect(line.msg).toBe("request completed");
    const traceId = line.traceId as string;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const spans = await traceOf((s) => s.spanContext().traceId === traceId && s.kind === SpanKind.SERVER);
    const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.name).toBe("POST /graphql");
    expect(server.attributes["http.route"]).toBe("/graphql");
    expect(server.parentSpanContext).toBeUndefined();
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["graphql.parse", "graphql.validate", "query TracedOrders"]));
    // The API key's cache and the rate limit, in Redis.
    expect(spans.some((s) => s.instrumentationScope.name === "@opentelemetry/instrumentation-ioredis")).toBe(true);
    const sql = spans.filter((s) => s.instrumentationScope.name === "@opentelemetry/instrumentation-pg");
    const statements = sql.map((s) => String(s.attributes["db.query.text"]));
    expect(statements.some((q) => q.includes('from "attention_order"'))).toBe(true);
    // Values MikroORM inlines (the key's prefix, the organisation's id) stay out of traces.
    expect(statements.join("\n")).not.toContain(labId);
    expect(statements.join("\n")).not.toContain(labKey.slice(3, 11));
  });

  it("puts the trace id on a top-level error answer, the same as on its log line", async () => {
    exporter.reset();
    const { requestId, body } = await post(
      "Forbidden",
      `mutation Forbidden($m: String!) { recomputeMonthlyStatistics(input: { month: $m }) { recompute { month } } }`,
      labKey,
      { m: "2026-01" },
    );
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
    const traceId = body.errors[0].extensions.traceId as string;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((await logLineOf(requestId)).traceId).toBe(traceId);
    const spans = await traceOf((s) => s.spanContext().traceId === traceId && s.kind === SpanKind.SERVER);
    expect(spans.length).toBeGreaterThan(1);
  });
});

describe("a job queued by a traced request", () => {
  it("is processed in a span of the same trace (BullMQ carries the context to the worker)", async () => {
    exporter.reset();
    const { requestId, body } = await post(
      "Recompute",
      `mutation Recompute($m: String!) { recomputeMonthlyStatistics(input: { month: $m }) { recompute { jobId } userErrors { code } } }`,
      operatorToken,
      { m: "2019-07" },
    );
    expect(body.data.recomputeMonthlyStatistics.recompute.jobId).toBe("recompute-2019-07");
    const requestTrace = (await logLineOf(requestId)).traceId as string;
    expect(requestTrace).toMatch(/^[0-9a-f]{32}$/);

    const seen: string[] = [];
    const worker = new Worker(
      QUEUE_NAMES.monthlyStatistics,
      async (job) => {
        seen.push(job.id!);
      },
      { connection: { url: REDIS_URL }, prefix: DEFAULT_QUEUE_PREFIX, telemetry: queueTelemetry() },
    );
    try {
      const spans = await traceOf((s) => s.kind === SpanKind.CONSUMER && s.spanContext().traceId === requestTrace);
      expect(seen).toContain("recompute-2019-07");
      expect(spans.some((s) => s.kind === SpanKind.PRODUCER)).toBe(true);
      expect(spans.some((s) => s.kind === SpanKind.SERVER)).toBe(true);
    } finally {
      await worker.close();
    }
  });
});

describe("a transitionOrder", () => {
  let demo: Api;
  beforeAll(async () => {
    const { logger } = capturingLogger("info", "api-demo");
    demo = await startTestApi({ REDIS_URL }, undefined, demoTemplate, logger);
  });
  afterAll(async () => demo?.close());

  it("is one trace from HTTP through GraphQL to the SQL of its write (docs/OPERATIONS.md)", async () => {
    const lab = DEMO_API_KEYS.find((k) => k.kind === "LAB")!;
    const [order] = await demo.orm.em.getConnection().execute<{ id: string; version: number }[]>(
      `select o.id, o.version from attention_order o join api_key k on k.organization_id = o.provider_id
          where k.prefix = ? and o.status = 'ISSUED' and o.confirm_by > now() limit 1`,
      [lab.prefix],
    );
    exporter.reset();
    const res = await fetch(`${demo.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${fullApiKey(lab)}` },
      body: JSON.stringify({
        operationName: "TransitionOrder",
        query: `mutation TransitionOrder($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { status } userErrors { code } } }`,
        variables: { i: { id: order!.id, event: "CONFIRM", expectedVersion: order!.version } },
      }),
    });
    const body = (await res.json()) as { data: { transitionOrder: { order: { status: string } } } };
    expect(body.data.transitionOrder.order.status).toBe("CONFIRMED");
    const spans = await traceOf(
      (s) =>
        s.kind === SpanKind.SERVER && exporter.getFinishedSpans().some((m) => m.name === "mutation TransitionOrder"),
    );
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["POST /graphql", "graphql.parse", "mutation TransitionOrder"]));
    const sql = spans
      .filter((s) => s.instrumentationScope.name === "@opentelemetry/instrumentation-pg")
      .map((s) => String(s.attributes["db.query.text"]));
    const wrote = (table: string) => sql.some((q) => new RegExp(`(update|insert into) "?${table}"?`, "i").test(q));
    // The transition is one statement (platform/db/one-statement-flush.ts): the versioned
    // update with its history, audit and outbox rows, atomic without begin/commit.
    expect(wrote("attention_order")).toBe(true);
    expect(wrote("status_change")).toBe(true);
    expect(wrote("audit_event")).toBe(true);
    // The outbox row keeps the request's trace for the worker that sends the webhook
    // (packages/jobs/src/webhooks/delivery-trace.otel.test.ts follows it into the send).
    const traceId = spans[0]!.spanContext().traceId;
    const [event] = await demo.orm.em
      .getConnection()
      .execute<{ traceparent: string | null }[]>(
        `select traceparent from webhook_event where object_id = ? order by occurred_at desc limit 1`,
        [order!.id],
      );
    const [, eventTrace, parentSpan] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(event!.traceparent ?? "") ?? [];
    expect(eventTrace).toBe(traceId);
    expect(spans.some((s) => s.spanContext().spanId === parentSpan)).toBe(true);
  });
});
