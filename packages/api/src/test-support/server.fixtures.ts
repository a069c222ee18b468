import type { MikroORM } from "@mikro-orm/postgresql";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { loadConfig, type Config } from "../config.js";
import { createLogger } from "../logger.js";
import { type Runtime } from "../platform/http/app.js";
import { createTestDatabase, type TestDatabase } from "./database.fixtures.js";
import { sessionTimeouts } from "../platform/db/orm.js";
import { createRuntime } from "../app.js";

const ADMIN_URL_PLACEHOLDER = "postgres://postgres@127.0.0.1:5432/unused";

export interface TestApi {
  url: string;
  orm: MikroORM;
  runtime: Runtime;
  config: Config;
  /** POSTs a GraphQL operation; returns the parsed body and the HTTP status. */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ) => Promise<{ status: number; data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close: () => Promise<void>;
}

/**
 * The API's configuration for a test: a random port, its own file directory, no rate limits
 * (neither the API's nor the per-address login throttle; the per-account delay stays on).
 */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/5",
    FILE_STORAGE_DIR: `/tmp/clinigraph-test-files/${randomUUID()}`,
    RATE_LIMIT_POINTS: "100000",
    UPLOAD_RATE_LIMIT_BYTES: String(10 * 1024 ** 3),
    LOGIN_ADDRESS_ATTEMPTS: "100000",
    ...env,
  });
}

/** A logger whose output a test reads back: every chunk pino writes, in order. */
export function capturingLogger(level: string, name: string): { logger: Logger; chunks: string[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  return { logger: createLogger(level, name, sink), chunks };
}

/**
 * Starts the real HTTP server on a random port against a fresh database (a copy of
 * `template`, by default the empty migrated one), or against `database` (which close() then
 * leaves in place, for a test that restarts the API on the same data with another
 * configuration). `logger` replaces the silent one (capturingLogger, to read the lines back).
 */
export async function startTestApi(
  env: Record<string, string> = {},
  database?: TestDatabase,
  template?: () => Promise<string>,
  logger?: Logger,
): Promise<TestApi> {
  // The pool's session limits as main.ts sets them, from the same variables.
  const limits = testConfig(ADMIN_URL_PLACEHOLDER, env);
  const db =
    database ??
    (await createTestDatabase(
      sessionTimeouts({
        statementMs: limits.DB_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: limits.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        jit: false,
      }),
      template,
    ));
  const config = testConfig(db.url, env);
  const runtime = await createRuntime(config, db.orm, logger ?? createLogger(config.LOG_LEVEL, "api-test"));
  const port = await runtime.listen();
  const url = `http://127.0.0.1:${port}`;
  const gql: TestApi["gql"] = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: never; errors?: never };
    return { status: res.status, data: body.data, errors: body.errors };
  };
  return {
    url,
    orm: db.orm,
    runtime,
    config,
    gql,
    close: async () => {
      await runtime.close();
      if (!database) await db.drop();
    },
  };
}
