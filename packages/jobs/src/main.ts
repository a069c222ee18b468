import { startTelemetry } from "@clinigraph/api/telemetry";

// Tracing patches pg, ioredis and BullMQ's clients as they load: it starts before the
// workers' modules are imported (docs/OPERATIONS.md "Traces"; off without an OTLP endpoint).
const telemetry = await startTelemetry({ serviceName: "clinigraph-jobs" });
const { work } = await import("./work.js");
await work(async () => telemetry?.shutdown());
