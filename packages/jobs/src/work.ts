import "reflect-metadata";
import { createLogger, onShutdownSignals } from "@clinigraph/api/domain";
import { loadJobsConfig } from "./config.js";
import { startWorkers, stopWorkers } from "./index.js";
import { startJobsMetricsServer } from "./metrics.js";

/** The workers' process (main.ts starts tracing first, then imports this). */
export async function work(onStopped: () => Promise<void>): Promise<void> {
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
  // A port already taken (a second worker on one host) costs the metrics, not the work: the
  // workers keep running, and a health check on that port reports the problem.
  const metrics = await startJobsMetricsServer(rt, config.JOBS_METRICS_PORT, config.JOBS_METRICS_HOST).then(
    (server) => {
      logger.info({ port: server.port }, "metrics and health at /metrics, /healthz");
      return server;
    },
    (err: Error) => {
      logger.error(
        { err: err.message, port: config.JOBS_METRICS_PORT },
        "metrics port unavailable; workers run without it",
      );
      return null;
    },
  );

  // Longer than a send's gateway timeout; past it the jobs are retried by another worker.
  onShutdownSignals(logger, "waiting for running jobs", 60_000, async () => {
    await metrics?.close();
    await stopWorkers();
    await onStopped();
  });
}
