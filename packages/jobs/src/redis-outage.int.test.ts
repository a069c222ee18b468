import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "@clinigraph/api/domain";
import { TcpProxy } from "@clinigraph/api/testing";
import { startWorkers, type JobsRuntime } from "./index.js";
import { createHarness, waitFor, type Harness } from "./test-support/harness.fixtures.js";

/**
 * The workers started while Redis refuses connections, then Redis lost again under them.
 * Redis's port is a loopback relay to the real Redis that the test shuts and reopens; the
 * shared Redis keeps running. Every connection the workers open (producers, workers and
 * BullMQ's blocking duplicates, the webhook queue's pair) must log a line per window,
 * never print a stack or raise an unhandled 'error'.
 */
let h: Harness;
let proxy: TcpProxy;
let rt: JobsRuntime | null = null;
const lines: { msg: string; level: number; connection?: string; errors?: number }[] = [];
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);
const consoleError = vi.spyOn(console, "error");
const UNAVAILABLE = "redis unavailable; reconnecting in the background";
const RESTORED = "redis connection restored";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const named = (msg: string, from = 0) =>
  lines
    .slice(from)
    .filter((l) => l.msg === msg)
    .map((l) => l.connection)
    .sort();

beforeAll(async () => {
  process.on("uncaughtException", onUncaught);
  h = await createHarness();
  proxy = await new TcpProxy(6379).start();
});

afterEach(() => {
  expect(consoleError, "nothing printed around the logger (ioredis/BullMQ raw stacks)").not.toHaveBeenCalled();
  expect(uncaught).toEqual([]);
});

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  consoleError.mockRestore();
  await proxy?.restore();
  await rt?.stop();
  await proxy?.close();
  await h?.close();
});

describe("workers with Redis refusing connections", () => {
  it("start while Redis is down with one warn line per connection, and finish starting when it is back", async () => {
    await proxy.cut();
    const capture = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const starting = startWorkers({
      env: { ...h.env, REDIS_URL: `redis://127.0.0.1:${proxy.port}/7`, LOG_LEVEL: "info" },
      logger: createLogger("info", "jobs-redis-down", capture),
      // A worker whose blocking connection is stuck reconnecting never closes (runtime.ts closeWorker).
      closeTimeoutMs: 3_000,
    });
    let settled = false;
    void starting.then(
      () => (settled = true),
      () => (settled = true),
    );
    await wait(2_500);
    expect(settled, "the workers wait for Redis rather than fail").toBe(false);
    expect(named(UNAVAILABLE)).toEqual(["producer", "worker"]);

    await proxy.restore();
    rt = await starting;
    expect(lines.some((l) => l.msg === "workers started")).toBe(true);
    // The producer reconnects on its own backoff, possibly after the workers are ready.
    await waitFor(async () => named(RESTORED).length === 2, 20_000, "both connections restored");
    const restored = lines.filter((l) => l.msg === RESTORED);
    expect(restored.map((l) => l.connection).sort()).toEqual(["producer", "worker"]);
    for (const l of restored) expect(l.errors, `${l.connection} folded its errors`).toBeGreaterThan(3);
  });

  it("lose Redis while running: one warn line per connection, and recover when it is back", async () => {
    const from = lines.length;
    await proxy.cut();
    await wait(2_500);
    expect(named(UNAVAILABLE, from)).toEqual(["producer", "webhooks-consumer", "webhooks-producer", "worker"]);

    await proxy.restore();
    await waitFor(async () => named(RESTORED, from).length === 4, 20_000, "every connection restored");
    expect(named(RESTORED, from)).toEqual(["producer", "webhooks-consumer", "webhooks-producer", "worker"]);
    const job = await rt!.queues.expirations.add("probe", {}, { delay: 60_000 });
    expect(await job.getState()).toBe("delayed");
    await job.remove();
  });

  it("stop within the close bound after the outage", async () => {
    const started = Date.now();
    await rt!.stop();
    rt = null;
    expect(Date.now() - started).toBeLessThan(3_000 * 2 + 2_000);
  });
});
