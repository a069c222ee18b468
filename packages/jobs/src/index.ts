/** The workers as a library: `pnpm dev` and the tests start and stop them in-process. */
import "reflect-metadata";
import { OWN_WORKER_QUEUES, QUEUES } from "./queue-registry.js";
import { startQueues, type JobsRuntime, type StartWorkersOptions } from "./runtime.js";

export type { JobsRuntime, StartWorkersOptions } from "./runtime.js";
export { loadJobsConfig, type JobsConfig } from "./config.js";
export { QUEUES, SCHEDULES } from "./queue-registry.js";
export { QUEUE_NAMES } from "@clinigraph/api/domain";

const running = new Set<JobsRuntime>();

/** Starts every worker, producer and schedule of the registry (see docs/jobs.md). */
export async function startWorkers(options: StartWorkersOptions = {}): Promise<JobsRuntime> {
  const rt = await startQueues(QUEUES, options);
  for (const start of OWN_WORKER_QUEUES) await start(rt);
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
