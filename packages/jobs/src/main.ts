import "reflect-metadata";
import { createLogger, onShutdownSignals } from "@clinigraph/api/domain";
import { loadJobsConfig } from "./config.js";
import { startWorkers, stopWorkers } from "./index.js";

let config;
try {
  config = loadJobsConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(78); // EX_CONFIG
}
const logger = createLogger(config.LOG_LEVEL, "jobs");
await startWorkers({ config, logger });

// Longer than a send's gateway timeout; past it the jobs are retried by another worker.
onShutdownSignals(logger, "waiting for running jobs", 60_000, stopWorkers);
