import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { queueTelemetry } from "../../platform/telemetry/trace-context.js";
import { watchRedisUser } from "../../platform/redis/redis-errors.js";
import { DEFAULT_QUEUE_PREFIX, QUEUE_NAMES } from "../../platform/queues/queue-names.js";
import {
  STATISTICS_BACKOFF_BASE_MS,
  STATISTICS_MAX_ATTEMPTS,
  type MonthlyStatisticsJobData,
} from "./monthly-statistics.job.js";

// One producer per Redis client: a Queue holds scripts and listeners worth reusing.
const producers = new WeakMap<Redis, Queue<MonthlyStatisticsJobData>>();

function producerFor(redis: Redis, logger: Logger): Queue<MonthlyStatisticsJobData> {
  let queue = producers.get(redis);
  if (!queue) {
    queue = new Queue<MonthlyStatisticsJobData>(QUEUE_NAMES.monthlyStatistics, {
      connection: redis,
      prefix: DEFAULT_QUEUE_PREFIX,
      // The request's trace continues in the worker's job (when tracing is on).
      telemetry: queueTelemetry(),
    });
    // A queue without an error listener console.errors every Redis outage with a stack.
    watchRedisUser(redis, queue, logger, { queue: queue.name }, "statistics producer error");
    producers.set(redis, queue);
  }
  return queue;
}

/**
 * Asks the workers to recompute a month. The job id is per month, so a second request
 * while one is waiting or running joins it instead of queueing a duplicate.
 */
export async function enqueueMonthlyStatistics(redis: Redis, logger: Logger, month: string): Promise<string> {
  const job = await producerFor(redis, logger).add(
    "recompute",
    { month },
    {
      jobId: `recompute-${month}`,
      attempts: STATISTICS_MAX_ATTEMPTS,
      backoff: { type: "exponential", delay: STATISTICS_BACKOFF_BASE_MS },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  );
  return job.id!;
}
