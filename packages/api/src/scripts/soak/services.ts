import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { Redis } from "ioredis";

const run = promisify(execFile);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Other engineers' test runs die when Postgres or Redis restarts: wait for them to end. */
export async function waitForNoVitest(maxMs: number, log: (m: string) => void): Promise<boolean> {
  const until = Date.now() + maxMs;
  for (;;) {
    const busy = await run("pgrep", ["-f", "vitest"]).then(
      () => true,
      () => false,
    );
    if (!busy) return true;
    if (Date.now() > until) return false;
    log("vitest is running on this machine; waiting 10 s before injecting faults");
    await sleep(10_000);
  }
}

export async function restartPostgres(): Promise<void> {
  const version = readdirSync("/etc/postgresql")[0]!;
  await run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"]);
}

const REDIS_START = [
  "--daemonize",
  "yes",
  "--bind",
  "127.0.0.1",
  "-::1",
  "--port",
  "6379",
  "--save",
  "",
  "--appendonly",
  "no",
  "--dir",
  "/var/lib/redis",
  "--logfile",
  "/var/log/redis/ci.log",
];

export async function stopRedis(): Promise<void> {
  await run("redis-cli", ["-p", "6379", "shutdown", "nosave"]).catch(() => undefined);
}
export async function startRedis(): Promise<void> {
  await run("redis-server", REDIS_START);
}

export async function postgresUp(): Promise<boolean> {
  const c = new pg.Client({
    connectionString: "postgres://postgres@127.0.0.1:5432/postgres",
    connectionTimeoutMillis: 2000,
  });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function redisUp(): Promise<boolean> {
  const r = new Redis("redis://127.0.0.1:6379", {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** The soak must never leave the machine without its shared services. */
export async function ensureServicesRunning(log: (m: string) => void): Promise<void> {
  if (!(await redisUp())) {
    log("redis is down: starting it");
    await startRedis().catch((e: Error) => log(`redis start failed: ${e.message}`));
  }
  if (!(await postgresUp())) {
    log("postgres is down: restarting it");
    await restartPostgres().catch((e: Error) => log(`postgres restart failed: ${e.message}`));
  }
}

/** Removes the soak's queues (prefix `soak`) so the next run starts without stale jobs. */
export async function clearSoakQueues(url: string): Promise<void> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const keys: string[] = [];
    for await (const batch of r.scanStream({ match: "soak:*", count: 500 })) keys.push(...(batch as string[]));
    for (let i = 0; i < keys.length; i += 500) await r.del(...keys.slice(i, i + 500));
  } finally {
    r.disconnect();
  }
}
