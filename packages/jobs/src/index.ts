/** The workers as a library: `pnpm dev` and the tests start and stop them in-process. */
import "reflect-metadata";
import { startWorkers as start, type JobsRuntime, type StartWorkersOptions } from "./runtime.js";
import { startWebhookDelivery } from "./webhooks/webhook-worker.js";

export type { JobsRuntime, StartWorkersOptions } from "./runtime.js";
export { loadJobsConfig, type JobsConfig } from "./config.js";
export { QUEUE_NAMES, SCHEDULES } from "./queues.js";

const running = new Set<JobsRuntime>();

/** Starts every worker, producer and schedule (see docs/jobs.md). */
export async function startWorkers(options: StartWorkersOptions = {}): Promise<JobsRuntime> {
  const rt = await start(options);
  await startWebhookDelivery(rt);
  running.add(rt);
  const stop = rt.stop;
  rt.stop = async () => {
    running.delete(rt);
    await stop();
  };
  return rt;
}

/** Stops everything startWorkers started, waiting for running jobs to finish. */
export async function stopWorkers(): Promise<void> {
  await Promise.all([...running].map((rt) => rt.stop()));
}
