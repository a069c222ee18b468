import "reflect-metadata";
import { createLogger } from "@clinigraph/api/domain";
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

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: waiting for running jobs");
  // Longer than a send's gateway timeout; past it the jobs are retried by another worker.
  const force = setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, 60_000);
  force.unref();
  try {
    await stopWorkers();
    logger.info("shutdown complete");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "error during shutdown");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
