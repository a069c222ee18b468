import { scanJobOptions, type QueueDefinition } from "../queue-definition.js";
import { sweepOutbox } from "./outbox-sweep.js";

/**
 * The outbox-sweep queue: every minute, a send job for every due QUEUED row (and every
 * SENDING row whose worker vanished) that has no live job — what recovers the sends a
 * flushed or restarted Redis forgot.
 */
export type OutboxSweepJobData = Readonly<Record<string, never>>;

export const outboxSweepQueue: QueueDefinition<OutboxSweepJobData> = {
  key: "outboxSweep",
  schedule: { id: "outbox-sweep", jobName: "sweep", pattern: "* * * * *" },
  jobOptions: scanJobOptions,
  concurrency: () => 1,
  processor: (deps) => async () => `${await sweepOutbox(deps)} notifications queued`,
};
