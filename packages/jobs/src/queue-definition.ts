import type { JobsOptions, Processor, Queue } from "bullmq";
import type { Logger, MikroORM, QUEUE_NAMES } from "@clinigraph/api/domain";
import type { JobsConfig } from "./config.js";
import type { Gateways } from "./gateways/index.js";

/**
 * What one queue file declares (`<area>/<name>.queue.ts`, listed in queue-registry.ts):
 * the shared runtime (runtime.ts) opens a producer and a worker for each definition and
 * upserts its schedule. Its name is the API's (QUEUE_NAMES, platform/queues), because the
 * API produces to one queue and shows all of them on /admin/queues.
 */
export interface QueueDefinition<T> {
  /** Its key in QUEUE_NAMES (and in JobsRuntime.queues). */
  readonly key: QueueKey;
  /** Absent for queues fed only by `add` helpers. */
  readonly schedule?: Schedule;
  /** The queue's retry policy and retention: its producer's default job options. */
  readonly jobOptions: (config: JobsConfig) => JobsOptions;
  readonly concurrency: (config: JobsConfig) => number;
  /** Built once per worker from the shared dependencies; it hands each leaf only what it needs. */
  readonly processor: (deps: QueueDeps) => Processor<T>;
}

/** The queues run by the shared runtime; webhooks brings its own worker (webhooks/webhook.queue.ts). */
export type QueueKey = Exclude<keyof typeof QUEUE_NAMES, "webhooks">;

/** One producer per queue: a processor enqueues into other queues through these. */
export type Producers = Readonly<Record<QueueKey, Queue>>;

/** What a processor may draw on. */
export interface QueueDeps {
  readonly orm: MikroORM;
  readonly config: JobsConfig;
  readonly logger: Logger;
  readonly gateways: Gateways;
  readonly queues: Producers;
}

/** What a scan or sweep reads: the ORM and its chunk size (a JobsRuntime or QueueDeps will do). */
export interface ScanDeps {
  readonly orm: MikroORM;
  readonly config: Pick<JobsConfig, "SCAN_CHUNK_SIZE">;
}

export interface Schedule {
  /**
   * Stable scheduler id. Changing it orphans the schedule stored under the old id (it
   * keeps firing until removed with removeJobScheduler), so rename only with a cleanup.
   */
  readonly id: string;
  readonly jobName: string;
  /** Cron pattern, evaluated in the configured TIME_ZONE. */
  readonly pattern: string;
}

/** A schedule with the queue it fires on, as runtime.ts upserts it. */
export interface ScheduleDefinition extends Schedule {
  readonly queue: QueueKey;
}

export function schedulesOf(definitions: readonly Pick<QueueDefinition<never>, "key" | "schedule">[]) {
  return definitions.flatMap((d): ScheduleDefinition[] => (d.schedule ? [{ ...d.schedule, queue: d.key }] : []));
}

/**
 * The retry policy every scanner and sweeper shares: they run every few minutes anyway,
 * so 3 attempts, 10 s, 20 s. A sweep that still fails is simply redone by the next
 * scheduled run.
 */
export const SCAN_MAX_ATTEMPTS = 3;
export const SCAN_BACKOFF_BASE_MS = 10_000;

export const scanJobOptions = (): JobsOptions => ({
  attempts: SCAN_MAX_ATTEMPTS,
  backoff: { type: "exponential", delay: SCAN_BACKOFF_BASE_MS },
  removeOnComplete: { count: 100 },
  removeOnFail: { age: 7 * 24 * 3600 },
});
