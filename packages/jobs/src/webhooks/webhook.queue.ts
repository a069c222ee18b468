import { Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { FieldCipher, QUEUE_NAMES, queueTelemetry, watchRedis, watchRedisUser } from "@clinigraph/api/domain";
import { closeWorker } from "../close-worker.js";
import type { JobsRuntime } from "../runtime.js";
import { deliverOnce, type DeliveryDeps } from "./deliver.js";
import { WEBHOOK_SCAN_EVERY_MS } from "./retry-schedule.js";
import { dueDeliveries, fanOutEvents } from "./scan.js";

/**
 * The webhooks queue, with its own worker and connections rather than the shared
 * runtime's: one job per delivery attempt, re-added by the processor at the time the
 * retry schedule (retry-schedule.ts) gives, and a scan every 15 s instead of a cron
 * pattern. Listed in queue-registry.ts and started after the shared queues.
 */
export const WEBHOOK_QUEUE = QUEUE_NAMES.webhooks;

export interface DeliverJobData {
  deliveryId: string;
}

/** BullMQ job ids may not contain ':'; the row version makes each retry a new job. */
export const deliveryJobId = (id: string, version: number) => `webhook-${id}-v${version}`;

export interface WebhookDelivery {
  queue: Queue;
  worker: Worker;
  /** Fans out new events and enqueues every due delivery (what the scheduled scan does). */
  scan: (now?: Date) => Promise<number>;
}

/**
 * Starts the webhook delivery queue on the jobs runtime: a scheduled scan every 15 s
 * (Postgres is the truth: losing Redis loses nothing, the scan re-enqueues), and one
 * job per attempt. Stops with the runtime.
 */
export async function startWebhookDelivery(
  rt: JobsRuntime,
  env: Record<string, string | undefined> = process.env,
): Promise<WebhookDelivery> {
  const deps: DeliveryDeps = {
    orm: rt.orm,
    cipher: FieldCipher.fromConfig(rt.config),
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === "true",
  };
  const producer = new Redis(rt.config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const consumer = new Redis(rt.config.REDIS_URL, { maxRetriesPerRequest: null });
  watchRedis(producer, rt.logger, "webhooks-producer");
  watchRedis(consumer, rt.logger, "webhooks-consumer");
  const queue = new Queue(WEBHOOK_QUEUE, {
    connection: producer,
    prefix: rt.config.QUEUE_PREFIX,
    telemetry: queueTelemetry(),
    defaultJobOptions: { removeOnComplete: { count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
  });
  // Without a listener BullMQ console.errors every Redis outage with a stack.
  watchRedisUser(producer, queue, rt.logger, { queue: WEBHOOK_QUEUE }, "webhooks: queue error");

  const scan = async (now = new Date()): Promise<number> => {
    await fanOutEvents(rt.orm, now);
    const due = await dueDeliveries(rt.orm, now);
    await queue.addBulk(
      due.map((d) => ({
        name: "deliver",
        data: { deliveryId: d.id },
        opts: { jobId: deliveryJobId(d.id, d.version) },
      })),
    );
    return due.length;
  };

  const processor = async (job: Job<DeliverJobData | Record<string, never>>) => {
    if (job.name === "scan") return `${await scan()} deliveries queued`;
    const { deliveryId } = job.data as DeliverJobData;
    const outcome = await deliverOnce(deps, deliveryId);
    if (outcome.kind === "RETRY") {
      await queue.add(
        "deliver",
        { deliveryId },
        { jobId: deliveryJobId(deliveryId, outcome.version), delay: Math.max(0, outcome.at.getTime() - Date.now()) },
      );
    }
    if (outcome.kind === "FAILED" && outcome.endpointDisabled)
      rt.logger.warn({ deliveryId }, "webhooks: endpoint disabled after a day of failures");
    return outcome.kind;
  };

  const worker = new Worker(WEBHOOK_QUEUE, processor, {
    connection: consumer,
    prefix: rt.config.QUEUE_PREFIX,
    telemetry: queueTelemetry(),
    concurrency: rt.config.WORKER_CONCURRENCY,
    lockDuration: rt.config.WORKER_LOCK_DURATION_MS,
    stalledInterval: rt.config.WORKER_STALLED_INTERVAL_MS,
  });
  watchRedisUser(consumer, worker, rt.logger, { queue: WEBHOOK_QUEUE }, "webhooks: worker error");
  if (rt.config.REGISTER_SCHEDULERS)
    await queue.upsertJobScheduler("webhook-scan", { every: WEBHOOK_SCAN_EVERY_MS }, { name: "scan", data: {} });
  await worker.waitUntilReady();
  rt.ownQueues.push(queue);
  rt.ownWorkers.push(worker);

  const stopRuntime = rt.stop;
  rt.stop = async () => {
    await closeWorker(worker, rt.logger, rt.closeTimeoutMs);
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
    await stopRuntime();
  };
  return { queue, worker, scan };
}
