/**
 * A throwaway Clinigraph for the end-to-end check: a fresh database migrated and seeded
 * with the demo data, the compiled API on a free port and the compiled workers (which
 * deliver webhooks), on the machine's PostgreSQL and Redis. Nothing is mocked.
 *
 * Needs `pnpm --filter @clinigraph/api --filter @clinigraph/jobs build` first.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const apiDir = fileURLToPath(new URL("../../../packages/api/", import.meta.url));
const jobsDir = fileURLToPath(new URL("../../../packages/jobs/", import.meta.url));

export interface Stack {
  url: string;
  /** Rejects as soon as the API or the workers exit on their own: race it against any wait. */
  crashed: Promise<never>;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// Generous: a loaded CI machine may take a minute to start Node and migrate; a crash still
// ends the wait at once (the race with `crashed` below).
async function waitReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API at ${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM, then SIGKILL if the process has not shut down gracefully in time. */
async function terminate(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function startStack(): Promise<Stack> {
  for (const dir of [apiDir, jobsDir])
    if (!existsSync(`${dir}dist/main.js`))
      throw new Error(`${dir}dist/main.js is missing: pnpm --filter @clinigraph/api --filter @clinigraph/jobs build`);
  const pgBase = process.env.E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";
  const id = randomBytes(4).toString("hex");
  const dbName = `clinigraph_example_${id}`;
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: `${pgBase}/${dbName}`,
    REDIS_URL: process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379/9",
    PORT: String(port),
    LOG_LEVEL: "warn",
    FILE_STORAGE_DIR: `/tmp/${dbName}-files`,
    // The workers' queues under a prefix of their own, so no other worker on this Redis takes their jobs.
    QUEUE_PREFIX: `example-${id}`,
    // The lab's webhook server listens on loopback: the API must accept it, the workers post to it.
    WEBHOOK_ALLOW_PRIVATE: "true",
  };
  const children: ChildProcess[] = [];
  let stopping = false;
  let crash: (err: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => (crash = reject));
  crashed.catch(() => {}); // only the waits that race it report it
  const start = (name: string, cwd: string) => {
    const child = spawn(process.execPath, ["dist/main.js"], { cwd, env, stdio: "inherit" });
    child.once("exit", (code, signal) => {
      if (!stopping) crash(new Error(`${name} exited on its own (code ${code}, signal ${signal})`));
    });
    children.push(child);
  };

  const stop = async () => {
    stopping = true;
    await Promise.all(children.map((c) => terminate(c)));
    // The queues' keys (schedulers, finished jobs) go with the run, like its database.
    const cleanup = `import("ioredis").then(async ({ Redis }) => {
      const r = new Redis(process.env.REDIS_URL); let c = "0";
      do { const [n, keys] = await r.scan(c, "MATCH", process.env.QUEUE_PREFIX + ":*", "COUNT", 1000); c = n;
           if (keys.length) await r.del(...keys); } while (c !== "0");
      r.disconnect(); })`;
    execFileSync(process.execPath, ["-e", cleanup], { cwd: jobsDir, env, stdio: "inherit" });
    execFileSync("psql", [`${pgBase}/postgres`, "-qc", `drop database if exists "${dbName}" with (force)`], {
      stdio: "inherit",
    });
    rmSync(env.FILE_STORAGE_DIR, { recursive: true, force: true });
  };

  try {
    const node = (script: string) =>
      execFileSync(process.execPath, [`dist/scripts/${script}`], { cwd: apiDir, env, stdio: "inherit" });
    if (process.env.E2E_DB_SETUP === "schema") {
      // Before a migration covers every entity: build the schema from the entity metadata.
      execFileSync("psql", [`${pgBase}/postgres`, "-qc", `create database "${dbName}"`], { stdio: "inherit" });
      const script = `import("./dist/index.js").then(async ({ initOrm }) => { const orm = await initOrm(process.env.DATABASE_URL); await orm.schema.createSchema(); await orm.close(true); })`;
      execFileSync(process.execPath, ["-e", script], { cwd: apiDir, env, stdio: "inherit" });
    } else node("migrate.js");
    node("seed.js");
    start("the API", apiDir);
    start("the workers", jobsDir);
    const url = `http://127.0.0.1:${port}`;
    await Promise.race([waitReady(url), crashed]);
    return { url, crashed, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
