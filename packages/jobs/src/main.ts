import "reflect-metadata";
import { createLogger, onShutdownSignals } from "@clinigraph/api/domain";
import { loadJobsConfig } from "./config.js";
import { startWorkers, stopWorkers } from "./index.js";
import { startJobsMetricsServer } from "./metrics.js";

let config;
try {
  config = loadJobsConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(78); // EX_CONFIG
}
const logger = createLogger(config.LOG_LEVEL, "jobs");
const rt = await startWorkers({ config, logger });
// Prometheus and the container's health check (docs/OPERATIONS.md).
const metrics = await startJobsMetricsServer(rt, config.JOBS_METRICS_PORT, config.JOBS_METRICS_HOST);
logger.info({ port: metrics.port }, "metrics and health at /metrics, /healthz");

// Longer than a send's gateway timeout; past it the jobs are retried by another worker.
onShutdownSignals(logger, "waiting for running jobs", 60_000, async () => {
  await metrics.close();
  await stopWorkers();
});
