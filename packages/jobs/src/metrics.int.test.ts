import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobsRuntime } from "./runtime.js";
import { startJobsMetricsServer, type JobsMetricsServer } from "./metrics.js";
import { createHarness, waitFor, type Harness } from "./test-support/harness.fixtures.js";

/** The workers' /metrics and /healthz, on real BullMQ/Redis/Postgres. */
const TOKEN = "metrics-token-for-tests";
let h: Harness;
let rt: JobsRuntime;
let server: JobsMetricsServer;

beforeAll(async () => {
  h = await createHarness();
  // The webhooks queue is started by its own file (OWN_WORKER_QUEUES): it must be counted too.
  rt = await h.start({ consume: ["orphanFiles"], env: { METRICS_TOKEN: TOKEN } });
  server = await startJobsMetricsServer(rt, 0, "127.0.0.1");
});
afterAll(async () => {
  await server?.close();
  await h?.close();
});

const get = (path: string, token: string | null = TOKEN) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("the workers' metrics port", () => {
  it("serves queue depth, outbox backlog, pool use and job latency per queue, behind the metrics token", async () => {
    expect((await get("/metrics", null)).status).toBe(401);
    await rt.queues.orphanFiles.add("sweep", {});
    const text = await waitFor(
      async () => {
        const body = await (await get("/metrics")).text();
        return (
          /clinigraph_job_duration_seconds_count\{[^}]*queue="orphan-files"[^}]*outcome="completed"[^}]*\} 1/.test(
            body,
          ) && body
        );
      },
      60_000,
      "the sweep's duration in /metrics",
    );
    expect(text).toMatch(/clinigraph_queue_jobs\{[^}]*queue="webhooks"[^}]*state="waiting"[^}]*\} 0/);
    expect(text).toMatch(/clinigraph_outbox_backlog\{[^}]*outbox="notifications"[^}]*\} 0/);
    expect(text).toMatch(/clinigraph_outbox_backlog\{[^}]*outbox="webhooks"[^}]*\} 0/);
    expect(text).toMatch(/clinigraph_db_pool_connections\{[^}]*state="max"[^}]*\} \d+/);
    expect(text).toContain("clinigraph_webhook_delivery_failures_total");
    expect(text).toMatch(/process_cpu_seconds_total\{service="jobs"\}/);
  });

  it("answers /healthz 200 while its workers run and 503 once they stopped", async () => {
    const ok = await get("/healthz", null);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok", redis: "ready" });
    await rt.stop();
    const stopped = await get("/healthz", null);
    expect(stopped.status).toBe(503);
    expect(((await stopped.json()) as { stoppedWorkers: string[] }).stoppedWorkers).toEqual([
      "orphan-files",
      "webhooks",
    ]);
  });
});
