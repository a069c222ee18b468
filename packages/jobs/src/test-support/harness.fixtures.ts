import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { MikroORM } from "@clinigraph/api/domain";
import { createTestDatabase } from "@clinigraph/api/testing";
import { startWorkers, type JobsRuntime } from "../index.js";
import type { QueueKey } from "../runtime.js";
import { FakeSmsGateway } from "./fake-sms-gateway.fixtures.js";

export interface Harness {
  orm: MikroORM;
  gateway: FakeSmsGateway;
  /** The environment a worker (in-process or child) is started with. */
  env: Record<string, string>;
  redis: Redis;
  start: (options?: { consume?: readonly QueueKey[]; env?: Record<string, string> }) => Promise<JobsRuntime>;
  close: () => Promise<void>;
}

/**
 * A fresh database, a fake SMS vendor and a Redis namespace of its own (a db number
 * other than the API tests' and a random queue prefix) for one test file.
 */
export async function createHarness(redisDb = 7): Promise<Harness> {
  const db = await createTestDatabase();
  const gateway = await new FakeSmsGateway().start();
  const prefix = `t${randomBytes(4).toString("hex")}`;
  const redisUrl = `redis://127.0.0.1:6379/${redisDb}`;
  const env: Record<string, string> = {
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    TIME_ZONE: "UTC",
    QUEUE_PREFIX: prefix,
    SMS_GATEWAY: "http",
    SMS_HTTP_URL: gateway.url,
    SMS_HTTP_TOKEN: "test-token",
    SMS_HTTP_TIMEOUT_MS: "5000",
    SEND_BACKOFF_BASE_MS: "200",
    WORKER_LOCK_DURATION_MS: "2000",
    WORKER_STALLED_INTERVAL_MS: "1000",
    REGISTER_SCHEDULERS: "false",
  };
  const redis = new Redis(redisUrl);
  const started: JobsRuntime[] = [];
  return {
    orm: db.orm,
    gateway,
    env,
    redis,
    start: async (options = {}) => {
      const rt = await startWorkers({ env: { ...env, ...options.env }, consume: options.consume });
      started.push(rt);
      return rt;
    },
    close: async () => {
      await Promise.allSettled(started.map((rt) => rt.stop()));
      await deleteKeys(redis, `${prefix}:*`);
      redis.disconnect();
      await gateway.close();
      await db.drop();
    },
  };
}

export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
}

/** Polls until `check` returns a truthy value. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
