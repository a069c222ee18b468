import "reflect-metadata";
import { loadConfigOrExit } from "./config.js";
import { createLogger } from "./logger.js";
import { sessionTimeouts } from "./platform/db/orm.js";
import { onShutdownSignals } from "./platform/process/shutdown.js";
import { initOrm, createRuntime } from "./app.js";

/** The API process (main.ts starts tracing first, then imports this). */
export async function serve(onClosed: () => Promise<void>): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL, "api");

  const orm = await initOrm(
    config.DATABASE_URL,
    sessionTimeouts({
      statementMs: config.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      jit: false,
    }),
    logger,
  );
  const runtime = await createRuntime(config, orm, logger);
  const port = await runtime.listen();
  logger.info({ port, host: config.HOST }, `Clinigraph API listening on http://${config.HOST}:${port}/graphql`);

  onShutdownSignals(logger, "draining HTTP requests", 25_000, async () => {
    await runtime.close();
    await orm.close();
    await onClosed();
  });
}
