import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from "@opentelemetry/api";
import { BullMQOtel } from "bullmq-otel";

/**
 * What the rest of the code asks of tracing, without loading the SDK (sdk.ts, which main.ts
 * starts first): the active trace id for log lines and error answers, and BullMQ's context
 * propagation while tracing is on.
 */
let on = false;

/** Set by sdk.ts when spans are recorded in this process. */
export function setTelemetryOn(value: boolean): void {
  on = value;
}

/** Whether this process records spans: BullMQ producers and workers carry context only then. */
export const telemetryOn = (): boolean => on;

/** The trace and span ids of the active span, for log lines and error answers; {} outside one. */
export function traceFields(): { traceId?: string; spanId?: string } {
  const ctx = trace.getActiveSpan()?.spanContext();
  if (!ctx || !isSpanContextValid(ctx)) return {};
  return { traceId: ctx.traceId, spanId: ctx.spanId };
}

/** A GraphQL error answer with the trace id to quote (when the request is traced). */
export function withTraceId<E extends { extensions?: Record<string, unknown> }>(error: E): E {
  const { traceId } = traceFields();
  return traceId ? { ...error, extensions: { ...error.extensions, traceId } } : error;
}

/**
 * BullMQ's own telemetry: a producer's `add` injects the active context into the job and the
 * worker's processing span continues it, so one trace runs from the API's request into the
 * job. Undefined (no overhead) when telemetry is off.
 */
export function queueTelemetry(): BullMQOtel | undefined {
  return on ? new BullMQOtel({ tracerName: "clinigraph-queues" }) : undefined;
}

/**
 * The active context as a W3C `traceparent`, for a row the workers pick up later (the
 * Postgres outbox, which BullMQ's propagation does not cross); null when nothing is traced.
 */
export function currentTraceparent(): string | null {
  if (!on || !trace.getActiveSpan()) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/**
 * Runs `work` in a span that continues the trace a stored `traceparent` names (the request
 * that wrote the outbox row), linked to the job's own span, so the request's trace shows
 * what its change caused and the job's trace still lists the work. Without a traceparent,
 * a plain child of the active span; without telemetry, just `work`.
 */
export async function inStoredTrace<T>(
  traceparent: string | null,
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  if (!on) return work();
  const job = trace.getActiveSpan()?.spanContext();
  const stored = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : undefined;
  const parent = stored && trace.getSpanContext(stored) ? stored : context.active();
  const links = parent === stored && job && isSpanContextValid(job) ? [{ context: job }] : [];
  return trace
    .getTracer("clinigraph-outbox")
    .startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes, links }, parent, async (span) => {
      try {
        return await work();
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    });
}
