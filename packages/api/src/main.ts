import { startTelemetry } from "./platform/telemetry/sdk.js";

// Tracing patches pg, express, graphql and ioredis as they load: it starts before the
// server's modules are imported (docs/OPERATIONS.md "Traces"; off without an OTLP endpoint).
const telemetry = await startTelemetry({ serviceName: "clinigraph-api" });
const { serve } = await import("./serve.js");
await serve(async () => telemetry?.shutdown());
