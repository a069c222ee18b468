import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const apiDir = resolve(import.meta.dirname, "../../../api");
const POSTGRES = process.env.CLINIGRAPH_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432";
/** Redis db 8 keeps the browser tests' queues apart from dev (0) and the API tests. */
const REDIS_URL = process.env.CLINIGRAPH_TEST_REDIS ?? "redis://127.0.0.1:6379/8";
const READY_TIMEOUT_MS = 60_000;

export interface RealApi {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The API did not answer within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

/**
 * Recomputes one month's statistics as the monthly-statistics worker does (the same
 * function from packages/api/dist), in a child process so the ORM stays out of the tests.
 */
export async function recomputeMonthlyStatistics(databaseUrl: string, month: string, timeZone: string) {
  const script = `
    import { initOrm, forkFor, computeMonthlyStatistics, SYSTEM } from "./dist/domain.js";
    const orm = await initOrm(process.env.DATABASE_URL);
    try {
      await computeMonthlyStatistics(forkFor(orm, SYSTEM), process.env.MONTH, process.env.TIME_ZONE);
    } finally {
      await orm.close(true);
    }`;
  await run("node", ["--input-type=module", "-e", script], {
    cwd: apiDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, MONTH: month, TIME_ZONE: timeZone, LOG_LEVEL: "warn" },
  });
}

/**
 * The real API from packages/api/dist on a fresh database, migrated and filled
 * with the demo seed (the same credentials the README quotes).
 */
export async function startRealApi(): Promise<RealApi> {
  const database = `clinigraph_browser_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = `${POSTGRES}/${database}`;
  const port = await freePort();
  const files = await mkdtemp(join(tmpdir(), "clinigraph-files-"));
  const env = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    PORT: String(port),
    HOST: "127.0.0.1",
    FILE_STORAGE_DIR: files,
    LOG_LEVEL: process.env.CLINIGRAPH_TEST_API_LOG ?? "warn",
    // the whole suite signs in many times from one address
    RATE_LIMIT_POINTS: "100000",
  };
  const cleanup = async () => {
    await dropDatabase(database).catch(() => undefined);
    await rm(files, { recursive: true, force: true });
  };
  try {
    await run("node", ["dist/scripts/migrate.js"], { cwd: apiDir, env });
    await run("node", ["dist/scripts/seed.js"], { cwd: apiDir, env });
  } catch (error) {
    await cleanup();
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Migrating or seeding the browser-test database failed:\n${stdout}\n${stderr.slice(0, 4000)}`, {
      cause: error,
    });
  }

  const child = spawn("node", ["dist/main.js"], { cwd: apiDir, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child, () => log);
  } catch (error) {
    child.kill("SIGKILL");
    await cleanup();
    throw error;
  }

  return {
    url,
    databaseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await cleanup();
    },
  };
}
