import { createServer, type Server } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Counter, Gauge, Histogram } from "prom-client";
import type { Job, Queue, Worker } from "bullmq";
import { createMetricsRegistry, QUEUE_NAMES, registerDbPoolMetrics } from "@clinigraph/api/domain";
import type { JobsRuntime } from "./runtime.js";

/**
 * The workers' own port (JOBS_METRICS_PORT): GET /metrics for Prometheus and GET /healthz
 * for docker-compose. Per queue: depth by state (read from Redis at scrape time), job
 * latency (waiting and running) and failures; the outbox backlog (queued messages, pending
 * webhook deliveries) from Postgres; webhook deliveries that failed.
 */
const SECONDS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900];
const STATES = ["waiting", "active", "delayed", "failed", "prioritized", "waiting-children"] as const;

export interface JobsMetricsServer {
  port: number;
  close: () => Promise<void>;
}

export function jobsMetricsRegistry(rt: JobsRuntime) {
  const registry = createMetricsRegistry("jobs");
  registerDbPoolMetrics(registry, rt.orm);
  const duration = new Histogram({
    name: "clinigraph_job_duration_seconds",
    help: "Time a job ran, by queue and outcome (completed, failed).",
    labelNames: ["queue", "outcome"],
    buckets: SECONDS,
    registers: [registry],
  });
  const wait = new Histogram({
    name: "clinigraph_job_wait_seconds",
    help: "Time a job waited from its due time to its start, by queue.",
    labelNames: ["queue"],
    buckets: SECONDS,
    registers: [registry],
  });
  const failures = new Counter({
    name: "clinigraph_job_failures_total",
    help: "Job attempts that threw, by queue (BullMQ retries them by the queue's policy).",
    labelNames: ["queue"],
    registers: [registry],
  });
  const webhookFailures = new Counter({
    name: "clinigraph_webhook_delivery_failures_total",
    help: "Webhook delivery attempts that failed: RETRY (another attempt is scheduled) or FAILED (given up).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const queues = (): Queue[] => [...Object.values(rt.queues), ...rt.ownQueues];
  new Gauge({
    name: "clinigraph_queue_jobs",
    help: "Jobs in each queue by state.",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      await Promise.all(
        queues().map(async (q) => {
          const counts = await q.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  new Gauge({
    name: "clinigraph_outbox_backlog",
    help: "Outbox rows not yet sent: QUEUED notifications, PENDING webhook deliveries.",
    labelNames: ["outbox"],
    registers: [registry],
    async collect() {
      const [row] = await rt.orm.em.getConnection().execute<{ notifications: string; webhooks: string }[]>(
        `select (select count(*) from notification where status = 'QUEUED') as notifications,
                (select count(*) from webhook_delivery where status = 'PENDING') as webhooks`,
      );
      this.set({ outbox: "notifications" }, Number(row?.notifications ?? 0));
      this.set({ outbox: "webhooks" }, Number(row?.webhooks ?? 0));
    },
  });

  const observe = (worker: Worker) => {
    const seconds = (from?: number, to?: number) => (from && to && to >= from ? (to - from) / 1000 : null);
    const timings = (job: Job, outcome: string) => {
      const ran = seconds(job.processedOn, job.finishedOn);
      if (ran !== null) duration.observe({ queue: worker.name, outcome }, ran);
      const waited = seconds(job.timestamp + (job.opts.delay ?? 0), job.processedOn);
      if (waited !== null) wait.observe({ queue: worker.name }, waited);
    };
    worker.on("completed", (job) => {
      timings(job, "completed");
      // The webhook processor answers with the delivery's outcome (webhooks/webhook.queue.ts).
      if (worker.name === QUEUE_NAMES.webhooks && (job.returnvalue === "RETRY" || job.returnvalue === "FAILED"))
        webhookFailures.inc({ outcome: job.returnvalue });
    });
    worker.on("failed", (job) => {
      failures.inc({ queue: worker.name });
      if (job) timings(job, "failed");
    });
  };
  for (const w of [...rt.workers, ...rt.ownWorkers]) observe(w);
  return registry;
}

export async function startJobsMetricsServer(rt: JobsRuntime, port: number, host: string): Promise<JobsMetricsServer> {
  const registry = jobsMetricsRegistry(rt);
  const token = rt.config.METRICS_TOKEN;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || (path !== "/metrics" && path !== "/healthz")) return void res.writeHead(404).end();
    if (path === "/healthz")
      return void health(rt).then((h) =>
        res.writeHead(h.status === "ok" ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(h)),
      );
    if (token && !sameSecret(req.headers.authorization ?? "", `Bearer ${token}`))
      return void res.writeHead(401, { "www-authenticate": "Bearer" }).end();
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      (err: Error) => {
        rt.logger.warn({ err: err.message }, "metrics scrape failed");
        res.writeHead(503).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Healthy while every worker runs and their Redis connection is up: a worker process that
 * lost Redis for good is restarted by the orchestrator instead of idling.
 */
async function health(rt: JobsRuntime) {
  const stopped = [...rt.workers, ...rt.ownWorkers].filter((w) => !w.isRunning()).map((w) => w.name);
  const queue = Object.values(rt.queues)[0];
  let timer: NodeJS.Timeout | undefined;
  const redis = queue
    ? await Promise.race([
        queue.getJobCounts("active").then(() => "ready"),
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve("no answer within 3 s"), 3_000))),
      ]).catch((err: Error) => err.message)
    : "ready";
  clearTimeout(timer);
  return { status: stopped.length === 0 && redis === "ready" ? "ok" : "unhealthy", stoppedWorkers: stopped, redis };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
