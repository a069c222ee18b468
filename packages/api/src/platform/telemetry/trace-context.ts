import { isSpanContextValid, trace } from "@opentelemetry/api";
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
