import { initOrm, sessionTimeouts, type Logger, type MikroORM } from "@clinigraph/api/domain";
import type { JobsConfig } from "./config.js";

/**
 * How the workers obtain the domain: the API's ORM, with its entities and whatever its
 * modules register on start (status-change listeners record webhook events, for one).
 * The only call into the API's start-up, so replacing it (say, with the API's composition
 * root) is one edit here. Tests share an ORM instead (StartWorkersOptions.orm).
 */
export function openDomain(config: JobsConfig, logger: Logger): Promise<MikroORM> {
  return initOrm(
    config.DATABASE_URL,
    sessionTimeouts({
      statementMs: config.JOBS_DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }),
    logger,
  );
}
