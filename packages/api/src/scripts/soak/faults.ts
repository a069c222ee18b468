import { restartPostgres, sleep, startRedis, stopRedis } from "./services.js";
import type { Service } from "./processes.js";
import type { Workload } from "./workload.js";

export const FAULTS = ["postgres-restart", "redis-restart", "worker-sigkill", "api-sigterm"] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultReport {
  fault: Fault;
  /** From the fault's start until /readyz is 200 (or the worker is consuming again)... */
  readyMs: number;
  /** ...and until a workload request succeeds again. */
  recoveryMs: number;
  note: string;
  /** False when the system did not come back by itself (a defect). */
  recovered: boolean;
}

interface Ctx {
  /** True when the workers' cron schedules are registered in Redis. */
  schedulesPresent: () => Promise<boolean>;
  api: Service;
  worker: Service;
  apiUrl: string;
  work: Workload;
  log: (m: string) => void;
}

async function until(cond: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return true;
    await sleep(100);
  }
  return false;
}

const ready = (apiUrl: string) => () =>
  fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status === 200,
    () => false,
  );

export async function injectFault(fault: Fault, ctx: Ctx): Promise<FaultReport> {
  const t0 = Date.now();
  let note = "";
  let readyAt = 0;
  switch (fault) {
    case "postgres-restart":
      await restartPostgres();
      note = "pg_ctlcluster restart (drops every connection)";
      break;
    case "redis-restart":
      await stopRedis();
      await sleep(2000);
      await startRedis();
      // Redis came back empty: the worker must put its cron schedules back by itself.
      note = (await until(ctx.schedulesPresent, 60_000))
        ? `redis shutdown nosave, down 2 s, started empty; schedules back after ${Date.now() - t0} ms`
        : "redis shutdown nosave, down 2 s, started empty; SCHEDULES NOT RESTORED within 60 s";
      if (note.includes("NOT RESTORED")) ctx.log(note);
      break;
    case "worker-sigkill": {
      await ctx.worker.stop("SIGKILL");
      ctx.worker.start();
      await ctx.worker.waitFor("workers started", 60_000);
      readyAt = Date.now();
      note = "SIGKILL, restarted at once";
      break;
    }
    case "api-sigterm": {
      const code = await ctx.api.stop("SIGTERM");
      ctx.api.start();
      await ctx.api.waitFor("listening", 60_000);
      note = `SIGTERM under load (exit ${code}), restarted`;
      break;
    }
  }
  if (!readyAt) {
    await until(ready(ctx.apiUrl), 120_000);
    readyAt = Date.now();
  }
  // A success after the fault's start that happened before the outage began is not
  // recovery: wait for one after the service came back.
  await until(() => ctx.work.lastOkAt >= readyAt, 120_000);
  const recovered = ctx.work.lastOkAt >= readyAt && !note.includes("NOT RESTORED");
  return { fault, readyMs: readyAt - t0, recoveryMs: Math.max(ctx.work.lastOkAt, readyAt) - t0, note, recovered };
}
