import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Writable } from "node:stream";
import { createLogger, REDIS_ERROR_LOG_EVERY_MS } from "@clinigraph/api/domain";
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
const lines: { msg: string; level: number; time: number; connection?: string; errors?: number }[] = [];
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);
const consoleError = vi.spyOn(console, "error");
const UNAVAILABLE = "redis unavailable; reconnecting in the background";
const RESTORED = "redis connection restored";
const named = (msg: string, from = 0) =>
  lines
    .slice(from)
    .filter((l) => l.msg === msg)
    .map((l) => l.connection)
    .sort();
const warned = (from = 0) => [...new Set(named(UNAVAILABLE, from))];

/**
 * Each connection logs one "unavailable" line per window, not one per reconnect attempt,
 * however long the outage lasted on a busy machine.
 */
function expectOneLinePerWindow(from: number): void {
  const warnings = lines.slice(from).filter((l) => l.msg === UNAVAILABLE);
  for (const connection of new Set(warnings.map((l) => l.connection))) {
    const own = warnings.filter((l) => l.connection === connection);
    const span = own.at(-1)!.time - own[0]!.time;
    expect(own.length, `${connection} warn lines`).toBeLessThanOrEqual(1 + Math.floor(span / REDIS_ERROR_LOG_EVERY_MS));
  }
}

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
    // An outage of a few seconds at least: the restored lines below count its failed attempts.
    await new Promise((r) => setTimeout(r, 2_500));
    await waitFor(async () => warned().length === 2, 60_000, "both connections to warn");
    expect(settled, "the workers wait for Redis rather than fail").toBe(false);
    expect(warned()).toEqual(["producer", "worker"]);
    expectOneLinePerWindow(0);

    await proxy.restore();
    rt = await starting;
    expect(lines.some((l) => l.msg === "workers started")).toBe(true);
    // The producer reconnects on its own backoff, possibly after the workers are ready.
    await waitFor(async () => named(RESTORED).length === 2, 60_000, "both connections restored");
    const restored = lines.filter((l) => l.msg === RESTORED);
    expect(restored.map((l) => l.connection).sort()).toEqual(["producer", "worker"]);
    for (const l of restored) expect(l.errors, `${l.connection} folded its errors`).toBeGreaterThan(3);
  });

  it("lose Redis while running: one warn line per connection, and recover when it is back", async () => {
    const from = lines.length;
    await proxy.cut();
    await waitFor(async () => warned(from).length === 4, 60_000, "every connection to warn");
    expect(warned(from)).toEqual(["producer", "webhooks-consumer", "webhooks-producer", "worker"]);
    expectOneLinePerWindow(from);

    await proxy.restore();
    await waitFor(async () => named(RESTORED, from).length === 4, 60_000, "every connection restored");
    expect(named(RESTORED, from)).toEqual(["producer", "webhooks-consumer", "webhooks-producer", "worker"]);
    const job = await rt!.queues.expirations.add("probe", {}, { delay: 60_000 });
    expect(await job.getState()).toBe("delayed");
    await job.remove();
  });

  it("stop within the close bound after the outage", async () => {
    // Without the bound (3 s a worker here) a worker stuck reconnecting is awaited for
    // ever; with it, stop ends well inside this generous deadline even on a busy machine.
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      rt!.stop().then(() => "stopped"),
      new Promise((resolve) => (timer = setTimeout(() => resolve("still stopping after 45 s"), 45_000))),
    ]);
    clearTimeout(timer);
    expect(outcome).toBe("stopped");
    rt = null;
  });
});
