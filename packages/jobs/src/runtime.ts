import { Queue, Worker, type Processor, type WorkerOptions } from "bullmq";
import { Redis } from "ioredis";
import {
  createLogger,
  QUEUE_NAMES,
  queueTelemetry,
  watchRedis,
  watchRedisUser,
  type Logger,
  type MikroORM,
} from "@clinigraph/api/domain";
import { closeWorker } from "./close-worker.js";
import { loadJobsConfig, type JobsConfig } from "./config.js";
import { openDomain } from "./domain-root.js";
import { createGateways, type Gateways } from "./gateways/index.js";
import {
  schedulesOf,
  type Producers,
  type QueueDefinition,
  type QueueDeps,
  type QueueKey,
  type ScheduleDefinition,
} from "./queue-definition.js";

export type { QueueKey } from "./queue-definition.js";

export interface JobsRuntime extends QueueDeps {
  /** Producers, one per queue (scanners enqueue sends; tests inspect them). */
  readonly queues: Producers;
  workers: Worker[];
  /**
   * Queues and workers a queue's own file starts (webhooks/webhook.queue.ts) and closes
   * itself; listed here so metrics and the health check see them too.
   */
  ownQueues: Queue[];
  ownWorkers: Worker[];
  /** How long stop() waits for each worker to close (see closeWorker). */
  closeTimeoutMs: number;
  /** Closes workers (waiting for running jobs), queues, Redis, and the ORM if it was opened here. */
  stop: () => Promise<void>;
}

export interface StartWorkersOptions {
  /** Environment to read the configuration from (default process.env). */
  env?: Record<string, string | undefined>;
  config?: JobsConfig;
  /** Share an ORM (tests); otherwise one is opened (domain-root.ts) and closed with the workers. */
  orm?: MikroORM;
  logger?: Logger;
  gateways?: Gateways;
  /** Queues to consume (default all); producers are created for every queue regardless. */
  consume?: readonly QueueKey[];
  /** Upper bound on each worker's close in stop() (default 30 s, under the 60 s shutdown guard). */
  closeTimeoutMs?: number;
}

/**
 * Starts a producer and a worker per definition (queue-registry.ts lists them) and
 * upserts their schedules; see docs/jobs.md. Knows no queue by name: what a queue
 * runs, how often and how it retries is in its own file.
 */
export async function startQueues(
  definitions: readonly QueueDefinition<never>[],
  options: StartWorkersOptions = {},
): Promise<JobsRuntime> {
  const config = options.config ?? loadJobsConfig(options.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, "jobs");
  const ownsOrm = !options.orm;
  const orm = options.orm ?? (await openDomain(config, logger));
  const gateways = options.gateways ?? createGateways(config, logger);
  // Producers fail fast when Redis is down (a scanner retries on its next run); workers
  // must wait forever instead, hence maxRetriesPerRequest: null on their connection.
  const producerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const workerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  // One warn line per connection per 10 s while Redis is down, not one per reconnect attempt.
  watchRedis(producerConnection, logger, "producer");
  watchRedis(workerConnection, logger, "worker");

  const queues = {} as Record<QueueKey, Queue>;
  for (const def of definitions) {
    const queue = new Queue(QUEUE_NAMES[def.key], {
      connection: producerConnection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: def.jobOptions(config),
      // A scanner's sends continue its trace, and a job queued by the API continues the
      // request's (bullmq-otel; undefined while tracing is off).
      telemetry: queueTelemetry(),
    });
    watchRedisUser(producerConnection, queue, logger, { queue: queue.name }, "queue error");
    queues[def.key] = queue;
  }

  const workers: Worker[] = [];
  const closeTimeoutMs = options.closeTimeoutMs ?? 30_000;
  const rt: JobsRuntime = {
    config,
    orm,
    logger,
    gateways,
    queues,
    workers,
    ownQueues: [],
    ownWorkers: [],
    closeTimeoutMs,
    stop: async () => {},
  };
  const consume = new Set(options.consume ?? definitions.map((d) => d.key));
  for (const def of definitions.filter((d) => consume.has(d.key))) {
    const workerOptions: WorkerOptions = {
      connection: workerConnection,
      prefix: config.QUEUE_PREFIX,
      concurrency: def.concurrency(config),
      lockDuration: config.WORKER_LOCK_DURATION_MS,
      stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
      telemetry: queueTelemetry(),
    };
    // The queue's file types its payload; to BullMQ every worker is a Worker of any payload.
    const worker = new Worker(QUEUE_NAMES[def.key], def.processor(rt) as Processor, workerOptions);
    watchRedisUser(workerConnection, worker, logger, { queue: worker.name }, "worker error");
    worker.on("failed", (job, err) =>
      logger.warn(
        { queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message },
        "job failed",
      ),
    );
    worker.on("stalled", (jobId) => logger.warn({ queue: worker.name, jobId }, "job stalled; it will run again"));
    workers.push(worker);
  }
  if (config.REGISTER_SCHEDULERS) {
    const schedules = schedulesOf(definitions);
    await registerSchedulers(queues, schedules, config.TIME_ZONE, logger);
    // The schedules live only in Redis: one restarted without persistence comes back
    // empty, and nothing would scan again until this worker restarts. Re-upsert on reconnect.
    producerConnection.on("ready", () =>
      registerSchedulers(queues, schedules, config.TIME_ZONE, logger).catch((err: Error) =>
        logger.warn({ err: err.message }, "re-registering schedules failed; retried on the next reconnect"),
      ),
    );
  }

  rt.stop = async () => {
    // Worker.close() waits for the jobs in progress to finish before resolving.
    await Promise.all(workers.map((w) => closeWorker(w, logger, closeTimeoutMs)));
    await Promise.allSettled(Object.values(queues).map((q) => q.close()));
    gateways.email.close();
    producerConnection.disconnect();
    workerConnection.disconnect();
    if (ownsOrm) await orm.close();
  };
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  logger.info({ queues: workers.map((w) => w.name), prefix: config.QUEUE_PREFIX }, "workers started");
  return rt;
}

/**
 * Upserts every schedule under its stable id with the configured time zone. Upserting is
 * idempotent, so each replica does it at start: after a FLUSHALL the next start brings
 * the schedules back, and N replicas still produce one job per tick.
 */
export async function registerSchedulers(
  queues: Readonly<Record<QueueKey, Queue>>,
  schedules: readonly ScheduleDefinition[],
  timeZone: string,
  logger: Logger,
): Promise<void> {
  for (const s of schedules) {
    const queue = queues[s.queue];
    if (!queue) throw new Error(`no queue ${s.queue} for schedule ${s.id}`);
    await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: timeZone }, { name: s.jobName, data: {} });
  }
  logger.info({ schedules: schedules.map((s) => `${s.id} ${s.pattern}`), timeZone }, "schedules registered");
}
