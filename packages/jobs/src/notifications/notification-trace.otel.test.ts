import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelemetry } from "@clinigraph/api/telemetry";

/**
 * The SMS and e-mail outbox carries the trace as the webhook outbox does: the request that
 * queues a message stores its W3C traceparent on the notification row, and the worker's
 * send continues it, so one trace runs from the patient's activation to the e-mail sent.
 * Telemetry starts before the server's and the worker's modules load, as in main.ts.
 */
const exporter = new InMemorySpanExporter();
const telemetry = await startTelemetry({
  serviceName: "clinigraph-jobs-test",
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const { createLogger } = await import("@clinigraph/api/domain");
const { startDemoApi } = await import("@clinigraph/api/testing");
const { sendNotification } = await import("./send-notification.js");
const { EmailGateway } = await import("../gateways/email-gateway.js");
const { ConsoleSmsGateway } = await import("../gateways/console-sms.js");
const { waitFor } = await import("../test-support/harness.fixtures.js");

const HOSPITAL_KEY = "ck_DEMOHSP1_demo-hospital-key-not-for-production-0001";
let api: Awaited<ReturnType<typeof startDemoApi>>;

beforeAll(async () => {
  api = await startDemoApi();
}, 600_000);
afterAll(async () => {
  await api?.close();
  await telemetry?.shutdown();
});

async function gql(query: string, variables: Record<string, unknown>, operationName: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${HOSPITAL_KEY}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await res.json()) as { data: Record<string, any>; errors?: unknown[] };
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

describe("a patient's activation that queues the welcome e-mail", () => {
  it("stores the request's trace on the outbox row, and the send continues it", async () => {
    const reg = await gql(
      `mutation RegisterPatient($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id version } userErrors { code } } }`,
      {
        i: {
          firstName: "Traza",
          lastName: "Bienvenida",
          email: `traza.${Date.now()}@patient.test`,
          emailConsent: true,
        },
      },
      "RegisterPatient",
    );
    expect(reg.data.registerPatient.userErrors).toEqual([]);
    const patient = reg.data.registerPatient.patient as { id: string; version: number };
    exporter.reset();
    const done = await gql(
      `mutation ActivatePatient($i: TransitionPatientInput!) { transitionPatient(input: $i) { patient { status } userErrors { code } } }`,
      { i: { id: patient.id, event: "ACTIVATE", expectedVersion: patient.version } },
      "ActivatePatient",
    );
    expect(done.data.transitionPatient).toEqual({ patient: { status: "ACTIVE" }, userErrors: [] });

    const [row] = await api.orm.em
      .getConnection()
      .execute<{ id: string; traceparent: string | null }[]>(
        `select id, traceparent from notification where dedupe_key = ?`,
        [`patient-welcome:${patient.id}`],
      );
    const [, traceId, parentSpanId] = TRACEPARENT.exec(row?.traceparent ?? "") ?? [];
    expect(traceId, String(row?.traceparent)).toBeDefined();
    const requestSpans = await waitFor(async () => {
      const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      return spans.some((s) => s.kind === SpanKind.SERVER) && spans;
    });
    expect(requestSpans.find((s) => s.kind === SpanKind.SERVER)!.name).toBe("POST /graphql");
    expect(requestSpans.map((s) => s.name)).toContain("mutation ActivatePatient");
    expect(requestSpans.some((s) => s.spanContext().spanId === parentSpanId)).toBe(true);

    // The worker's send, as the notifications queue's processor runs it.
    const logger = createLogger("silent", "jobs-test");
    const outcome = await sendNotification(
      {
        orm: api.orm,
        gateways: {
          sms: new ConsoleSmsGateway(logger),
          email: new EmailGateway("console", "test@clinigraph.test", logger),
        },
        defaultTimeZone: "UTC",
      },
      row!.id,
      false,
    );
    expect(outcome.kind).toBe("SENT");
    let send: ReadableSpan | undefined;
    await waitFor(async () => {
      send = exporter.getFinishedSpans().find((s) => s.name === "notification send EMAIL patient-welcome");
      return send;
    });
    expect(send!.spanContext().traceId).toBe(traceId);
    expect(send!.parentSpanContext?.spanId).toBe(parentSpanId);
    // Its own SQL (recording SENT) is its child, in the same trace.
    const children = exporter
      .getFinishedSpans()
      .filter((s) => s.parentSpanContext?.spanId === send!.spanContext().spanId);
    expect(children.some((s) => s.instrumentationScope.name === "@opentelemetry/instrumentation-pg")).toBe(true);
  });
});
