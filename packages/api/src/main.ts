import "reflect-metadata";
import { loadConfigOrExit } from "./config.js";
import { createLogger } from "./logger.js";
import { initOrm } from "./platform/db/orm.js";
import { createRuntime } from "./platform/http/app.js";

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, "api");

const orm = await initOrm(config.DATABASE_URL);
const runtime = await createRuntime(config, orm, logger);
const port = await runtime.listen();
logger.info({ port, host: config.HOST }, `Clinigraph API listening on http://${config.HOST}:${port}/graphql`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: draining HTTP requests");
  const force = setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, 25_000);
  force.unref();
  try {
    await runtime.close();
    await orm.close();
    logger.info("shutdown complete");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "error during shutdown");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
