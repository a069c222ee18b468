import { ExpressInstrumentation } from "@opentelemetry/instrumentation-express";
import { GraphQLInstrumentation } from "@opentelemetry/instrumentation-graphql";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { NodeSDK } from "@opentelemetry/sdk-node";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createAddHookMessageChannel } from "import-in-the-middle";
import { register } from "node:module";
import { setTelemetryOn, telemetryOn } from "./trace-context.js";

/**
 * OpenTelemetry traces (docs/OPERATIONS.md "Traces"). Off unless OTEL_EXPORTER_OTLP_ENDPOINT
 * (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set; then the SDK reads the standard OTEL_*
 * variables (protocol, headers, sampler, resource attributes) and exports by OTLP.
 * Instrumentation patches modules as they load, so a process starts it before importing
 * anything else (main.ts imports the server afterwards).
 */
export interface TelemetryOptions {
  /** `service.name` unless OTEL_SERVICE_NAME says otherwise. */
  serviceName: string;
  env?: Record<string, string | undefined>;
  /** Where spans go instead of OTLP (tests: an in-memory exporter); turns telemetry on. */
  spanProcessors?: SpanProcessor[];
}

export interface Telemetry {
  shutdown: () => Promise<void>;
}

export function telemetryConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return (
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) &&
    env.OTEL_SDK_DISABLED !== "true"
  );
}

/** SQL with its string and numeric literals replaced by `?` (values stay out of traces). */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "?").replace(/(?<![\w$."])-?\b\d+(?:\.\d+)?\b/g, "?");
}

export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry | null> {
  const env = options.env ?? process.env;
  if (telemetryOn()) throw new Error("telemetry already started in this process");
  if (!options.spanProcessors && !telemetryConfigured(env)) return null;
  // ES imports are patched by import-in-the-middle's loader hook, requires by
  // require-in-the-middle; both only for modules loaded after this point. The hook wraps
  // only the modules an instrumentation asks for: wrapping all of them breaks packages
  // whose ES entry re-exports CommonJS (MikroORM's index.mjs).
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register("import-in-the-middle/hook.mjs", import.meta.url, registerOptions);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? options.serviceName,
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
    // Metrics stay with prom-client (/metrics); logs with pino. Traces only.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every few seconds would drown the traces worth reading.
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)(\?|$)/.test(req.url ?? ""),
      }),
      new ExpressInstrumentation(),
      // Field-level spans for every resolver would be thousands per list; the operation's
      // parse, validate and execute spans are what an on-call engineer reads.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, depth: 0, mergeItems: true }),
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        // MikroORM inlines values into the SQL it sends: names, dates and ids of patients
        // would leave in every trace. The statement's shape is kept, its literals are not.
        requestHook: (span, info) => span.setAttribute("db.query.text", withoutLiterals(info.query.text)),
      }),
      new IORedisInstrumentation(),
    ],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();
  setTelemetryOn(true);
  return {
    shutdown: async () => {
      setTelemetryOn(false);
      await sdk.shutdown();
    },
  };
}
