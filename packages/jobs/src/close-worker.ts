import type { Worker } from "bullmq";
import type { Logger } from "@clinigraph/api/domain";

/**
 * Worker.close() waits for the running jobs, then for BullMQ's blocking connection to
 * end. After a Redis outage that connection can sit in ioredis's "reconnecting" state,
 * where disconnect() never emits "end", and close() would wait forever (found by
 * redis-outage.int.test.ts). Past `ms` the worker is left to the process exit: a job it
 * still ran is retried elsewhere once its lock expires, as after a kill.
 */
export async function closeWorker(worker: Worker, logger: Logger, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = worker.close().then(
    () => true,
    (err: Error) => {
      logger.warn({ queue: worker.name, err: err.message }, "worker close failed");
      return true;
    },
  );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const inTime = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (!inTime)
    logger.warn(
      { queue: worker.name, waitedMs: ms },
      "worker did not close in time (Redis connection stuck); leaving it",
    );
}
