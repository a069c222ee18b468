import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Writable } from "node:stream";
import { randomUUID } from "node:crypto";
import { loadConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import { type Runtime } from "../http/app.js";
import { REDIS_ERROR_LOG_EVERY_MS } from "./redis-errors.js";
import { createTestDatabase } from "../../test-support/database.fixtures.js";
import { TcpProxy } from "../../test-support/tcp-proxy.fixtures.js";
import { createRuntime } from "../../app.js";

/**
 * The API started while Redis refuses connections (its port is a loopback relay to the
 * real Redis that the test holds shut; the shared Redis keeps running), then Redis back.
 */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: TcpProxy;
let runtime: Runtime;
let url = "";
const lines: { msg: string; level: number; time: number; connection?: string; errors?: number }[] = [];
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);
const consoleError = vi.spyOn(console, "error");
const UNAVAILABLE = "redis unavailable; reconnecting in the background";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds; the deadline is generous, so a busy machine only waits longer. */
async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(50);
  }
}

beforeAll(async () => {
  process.on("uncaughtException", onUncaught);
  db = await createTestDatabase();
  proxy = await new TcpProxy(6379).start();
  await proxy.cut();
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    PORT: "0",
    LOG_LEVEL: "info",
    REDIS_URL: `redis://127.0.0.1:${proxy.port}/5`,
    FILE_STORAGE_DIR: `/tmp/clinigraph-test-files/${randomUUID()}`,
  });
  const capture = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  runtime = await createRuntime(config, db.orm, createLogger("info", "api-redis-down", capture));
  url = `http://127.0.0.1:${await runtime.listen()}`;
});

afterEach(() => {
  expect(consoleError, "nothing printed around the logger (ioredis/BullMQ raw stacks)").not.toHaveBeenCalled();
  expect(uncaught).toEqual([]);
});

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  consoleError.mockRestore();
  await runtime?.close();
  await proxy?.close();
  await db?.drop();
});

describe("Redis refusing connections", () => {
  it("logs one warn line for the connection, not a stack per attempt, and keeps serving without the rate limit", async () => {
    let attempts = 0;
    runtime.redis.on("error", () => attempts++);
    await until("the client to fail a few reconnects", () => attempts > 3);

    // A command queued on the reconnecting client would wait out its retries (seconds
    // each): the rate limit must skip Redis instead, so nothing is sent to it.
    const sent = vi.spyOn(runtime.redis, "sendCommand");
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ viewer { kind } }" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { kind: "ANONYMOUS" } } });
    expect(
      sent.mock.calls.map(([command]) => command.name),
      "no wait for Redis retries: no command queued",
    ).toEqual([]);
    sent.mockRestore();
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    const { checks } = (await ready.json()) as { checks: Record<string, string> };
    expect(checks.postgres).toBe("ok");
    expect(checks.redis).not.toBe("ok");

    const warnings = lines.filter((l) => l.msg === UNAVAILABLE);
    expect(new Set(warnings.map((l) => `${l.level} ${l.connection}`))).toEqual(new Set(["40 api"]));
    // One line per window however long this took on a busy machine, not one per attempt.
    const span = warnings.at(-1)!.time - warnings[0]!.time;
    expect(warnings.length).toBeLessThanOrEqual(1 + Math.floor(span / REDIS_ERROR_LOG_EVERY_MS));
    expect(attempts, "the client kept failing to connect").toBeGreaterThan(warnings.length);
  });

  it("says once that the connection is back, with how many errors it folded", async () => {
    await proxy.restore();
    await until("the connection to be restored", () => lines.some((l) => l.msg === "redis connection restored"));
    const restored = lines.filter((l) => l.msg === "redis connection restored");
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({ connection: "api" });
    expect(restored[0]!.errors).toBeGreaterThan(3);
    expect(await runtime.redis.ping()).toBe("PONG");
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });
});
