import { MikroORM, type Options } from "@mikro-orm/postgresql";
import { Migrator } from "@mikro-orm/migrations";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../auth/principal.js";
import { SCOPE_FILTER, scopeFilter } from "../scoping/scope.js";
import { attachHooks, type Hooks } from "../composition/hooks.js";
import type { DomainModule } from "../composition/module.js";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Logger } from "pino";

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/platform/db → packages/api/migrations (checked in, CommonJS so the ESM package can load them). */
export const MIGRATIONS_DIR = path.resolve(here, "../../../migrations");

/** What the ORM is opened on: the root's entities, and its hooks (scope rules, listeners). */
export interface OrmDomain {
  entities: DomainModule["entities"];
  hooks: Hooks;
}

export function ormOptions(databaseUrl: string, domain: OrmDomain, overrides: Partial<Options> = {}): Options {
  return {
    clientUrl: databaseUrl,
    entities: domain.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: "!(*.d).cjs",
      emit: "cjs",
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    filters: { [SCOPE_FILTER]: scopeFilter((name) => domain.hooks.scopeRule(name)) },
    // Each entity's scope rule decides its own visibility. MikroORM's default would also
    // inner-join every to-one relation whose target has a filter (an order would vanish
    // when its case's patient is hidden from the partner) and drops raw() conditions there.
    autoJoinRefsForFilters: false,
    // Forks only: a request or job that forgot to fork fails loudly instead of sharing state.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    debug: false,
    ...overrides,
  };
}

/**
 * knex's `log` option. Without it knex console.logs its warnings as raw, colourised text,
 * e.g. "Connection Error: Connection ended unexpectedly" each time the pool discards a
 * connection that died under it (a Postgres restart); here each is one JSON line of the
 * process's logger, with a fixed message to search for and knex's text in `detail`.
 */
export function knexLog(logger: Logger) {
  const line =
    (level: "warn" | "error" | "debug", msg: string) =>
    (message: unknown): void => {
      const detail = typeof message === "string" ? message.replace(/\s*\n\s*/g, " ").trim() : message;
      logger[level]({ component: "knex", detail }, msg);
    };
  return {
    warn: line("warn", "database driver warning"),
    error: line("error", "database driver error"),
    deprecate: line("warn", "database driver deprecation"),
    debug: line("debug", "database driver debug"),
  };
}

export interface SessionTimeouts {
  /** Longest one statement may run, ms; 0 for no limit (migrations). */
  statementMs: number;
  /** Longest a connection may sit idle inside an open transaction, ms; 0 for no limit. */
  idleInTransactionMs: number;
  /** false: no JIT compilation on these connections (the API's; see below). Default: the server's setting. */
  jit?: false;
}

/**
 * Server-side limits set on every pooled connection when it opens (startup parameters of
 * node-postgres, so they hold for every statement, ORM or raw): one slow request can hold
 * a connection for at most `statementMs`, and a transaction left open by a stuck client
 * cannot pin a connection and its locks. Postgres cancels the statement (SQLSTATE 57014).
 */
export function sessionTimeouts(t: SessionTimeouts): Partial<Options> {
  return {
    driverOptions: {
      connection: {
        statement_timeout: t.statementMs,
        idle_in_transaction_session_timeout: t.idleInTransactionMs,
        // The API's reads: a compiled read (platform/read-compiler) is one statement of many
        // small correlated subqueries whose summed cost estimate passes jit_above_cost, and
        // Postgres then spent ~130 ms compiling 267 functions for a 17 ms read (the lab list
        // at 1M orders, docs/BENCHMARKS.md). Nothing the API runs is a long analytic scan;
        // the workers' statistics are, so they keep the server's setting.
        ...(t.jit === false ? { options: "-c jit=off" } : {}),
      },
    },
  };
}

/**
 * Opens the ORM of a composition root (src/app.ts builds `domain`); every fork answers
 * hooksOf with the root's hooks. `logger`: where knex's own messages go (knexLog);
 * without one knex prints them to stdout.
 */
export async function openOrm(
  databaseUrl: string,
  domain: OrmDomain,
  overrides: Partial<Options> = {},
  logger?: Logger,
): Promise<MikroORM> {
  const options = ormOptions(databaseUrl, domain, overrides);
  if (logger) options.driverOptions = { ...options.driverOptions, log: knexLog(logger) };
  const orm = await MikroORM.init(options);
  attachHooks(orm.getMetadata(), domain.hooks);
  return orm;
}

/** A fresh unit of work for one request or job, scoped to the principal. */
export function forkFor(orm: MikroORM, principal: Principal): EntityManager {
  const em = orm.em.fork({ clear: true, useContext: false });
  em.setFilterParams(SCOPE_FILTER, { principal });
  return em;
}

export type { MikroORM, EntityManager };
