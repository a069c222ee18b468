/**
 * The composition root: the only place that knows both the platform and the modules.
 * It gives the ORM the modules' entities, the schema their resolvers and the HTTP app
 * their REST routes, and calls every module's register(hooks) on a fresh Hooks, which the
 * ORM then carries (platform/composition/hooks.ts). The API (main.ts), the workers
 * (packages/jobs, through @clinigraph/api/domain), the seed, the scripts and the tests
 * all open their ORM here, so every hook (scope rules, webhook recording on status
 * changes, case and visit reactions) runs wherever the domain runs.
 */
import type { Options } from "@mikro-orm/postgresql";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { allErrorCodeSets } from "./modules/error-codes.js";
import { MODULES } from "./modules/index.js";
import { Hooks } from "./platform/composition/hooks.js";
import type { DomainModule, HttpRoute } from "./platform/composition/module.js";
import { openOrm, ormOptions as platformOrmOptions, type MikroORM } from "./platform/db/orm.js";
import type { ErrorCodeSet } from "./platform/errors/error-codes.js";
import { getSchema } from "./platform/graphql/schema.js";
import { createHttpRuntime, type Runtime } from "./platform/http/app.js";
import { IdempotencyRecord } from "./platform/idempotency/idempotency-record.entity.js";

/** Everything one root serves: the modules' parts, and the hooks their register calls filled. */
export interface Domain {
  entities: DomainModule["entities"];
  resolvers: DomainModule["resolvers"];
  routes: readonly HttpRoute[];
  /** Every module's error codes: the schema's UserErrorCode enum. */
  errorCodes: readonly ErrorCodeSet[];
  hooks: Hooks;
}

// The lists are the same for every root (one schema build per process); hooks are per root.
const ENTITIES: DomainModule["entities"] = [IdempotencyRecord, ...MODULES.flatMap((m) => m.entities)];
const RESOLVERS: DomainModule["resolvers"] = MODULES.flatMap((m) => m.resolvers);
const ROUTES: readonly HttpRoute[] = MODULES.flatMap((m) => m.routes ?? []);

/** Builds the domain: a fresh Hooks, filled by each module's register in MODULES order. */
export function createDomain(): Domain {
  const hooks = new Hooks();
  for (const module of MODULES) module.register?.(hooks);
  return { entities: ENTITIES, resolvers: RESOLVERS, routes: ROUTES, errorCodes: allErrorCodeSets, hooks };
}

const domainOfOrm = new WeakMap<MikroORM, Domain>();

/**
 * Opens the ORM on the domain (a fresh one unless given). `logger`: where knex's own
 * messages go; without one knex prints them to stdout.
 */
export async function initOrm(
  databaseUrl: string,
  overrides: Partial<Options> = {},
  logger?: Logger,
  domain: Domain = createDomain(),
): Promise<MikroORM> {
  const orm = await openOrm(databaseUrl, domain, overrides, logger);
  domainOfOrm.set(orm, domain);
  return orm;
}

/** MikroORM options of the domain (migrations, tooling). */
export function ormOptions(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return platformOrmOptions(databaseUrl, createDomain(), overrides);
}

/** The HTTP server (GraphQL, REST routes) on the domain the ORM was opened with. */
export function createRuntime(config: Config, orm: MikroORM, logger: Logger): Promise<Runtime> {
  const domain = domainOfOrm.get(orm);
  if (!domain) throw new Error("createRuntime needs an ORM opened by initOrm of src/app.ts.");
  return createHttpRuntime(config, orm, logger, domain);
}

/** The executable GraphQL schema of every module (schema:emit, docs, tests). */
export function apiSchema(): Promise<GraphQLSchema> {
  return getSchema(RESOLVERS, allErrorCodeSets);
}
