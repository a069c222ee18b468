import type { Logger } from "pino";

/**
 * SIGTERM/SIGINT handling shared by the API and the workers: run `stop` once, exit 0 when
 * it finishes, exit 1 when it fails or takes longer than `graceMs` (so an orchestrator's
 * kill timeout is never the thing that ends the process).
 */
export function onShutdownSignals(logger: Logger, what: string, graceMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `shutting down: ${what}`);
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, graceMs);
    force.unref();
    try {
      await stop();
      logger.info("shutdown complete");
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "error during shutdown");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
