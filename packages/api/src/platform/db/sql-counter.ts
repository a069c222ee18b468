import { AsyncLocalStorage } from "node:async_hooks";
import type { NextFunction, Request, Response } from "express";
import type { MikroORM } from "@mikro-orm/postgresql";

/**
 * Opt-in (BENCH_COUNT_SQL=1) count of the SQL statements each HTTP request runs, sent
 * back in the `x-sql-statements` response header. The benchmarks read it; it is off in
 * normal operation. Knex emits `query` synchronously inside the caller's async context,
 * so AsyncLocalStorage attributes every statement to the request that issued it, even
 * with many requests in flight on the shared pool.
 */
export const SQL_STATEMENTS_HEADER = "x-sql-statements";

const current = new AsyncLocalStorage<{ statements: number }>();

export function sqlCountingEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.BENCH_COUNT_SQL === "1";
}

/** Subscribes the counter to the ORM's query events; returns the express middleware. */
export function sqlCounter(orm: MikroORM) {
  orm.em
    .getConnection()
    .getKnex()
    .on("query", () => {
      const store = current.getStore();
      if (store) store.statements += 1;
    });
  return (_req: Request, res: Response, next: NextFunction) => {
    const store = { statements: 0 };
    // The header must be set before the head is written, whoever writes it.
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      if (!this.headersSent) this.setHeader(SQL_STATEMENTS_HEADER, String(store.statements));
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    current.run(store, next);
  };
}
