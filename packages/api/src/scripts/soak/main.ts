import "reflect-metadata";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Queue } from "bullmq";
import { FakeSmsGateway } from "./fake-sms.js";
import { dropDatabase, freePort, runScript, Service, soakDatabaseUrl } from "./processes.js";
import { clearSoakQueues, ensureServicesRunning, sleep, waitForNoVitest } from "./services.js";
import { Workload } from "./workload.js";
import { runChecks } from "./checker.js";
import { FAULTS, injectFault, type FaultReport } from "./faults.js";
import { printReport } from "./report.js";

/**
 * `pnpm soak [--short] [--no-faults] [--seconds N] [--rate N]`: a mixed partner/operator
 * workload against a real API and worker while Postgres, Redis, the worker and the API
 * are knocked over in turn; then a checker proves nothing was lost or doubled.
 */
const args = process.argv.slice(2);
const short = args.includes("--short");
const faultsOn = !args.includes("--no-faults");
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const seconds = opt("--seconds", short ? 50 : 300);
const rate = opt("--rate", 20);
const log = (m: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${m}`);

const here = path.dirname(fileURLToPath(import.meta.url));
const apiDist = path.resolve(here, "../..");
const jobsMain = path.resolve(apiDist, "../../jobs/dist/main.js");

const { name: dbName, url: dbUrl } = soakDatabaseUrl();
const sms = new FakeSmsGateway();
const redisUrl = "redis://127.0.0.1:6379/9";
let api: Service | null = null;
let worker: Service | null = null;
let db: pg.Pool | null = null;
let exitCode = 1;

// Ctrl-C mid-fault must still bring the shared services back and drop the database.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanUp();
  });

try {
  const started = Date.now();
  if (faultsOn && !(await waitForNoVitest(5 * 60_000, log)))
    throw new Error("vitest kept running; not restarting shared services");
  const smsUrl = await sms.start();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    RATE_LIMIT_POINTS: "1000000",
    FILE_STORAGE_DIR: `/tmp/${dbName}-files`,
    SMS_GATEWAY: "http",
    SMS_HTTP_URL: smsUrl,
    QUEUE_PREFIX: "soak",
    SEND_BACKOFF_BASE_MS: "500",
    WORKER_LOCK_DURATION_MS: "5000",
    WORKER_STALLED_INTERVAL_MS: "5000",
  };
  log(`database ${dbName}: migrate and seed`);
  await runScript(path.join(apiDist, "scripts/migrate.js"), env);
  await runScript(path.join(apiDist, "scripts/seed.js"), env);
  api = new Service("api", path.join(apiDist, "main.js"), env);
  worker = new Service("worker", jobsMain, env);
  api.start();
  worker.start();
  await api.waitFor("listening", 30_000);
  await worker.waitFor("workers started", 30_000);
  db = new pg.Pool({ connectionString: dbUrl, max: 4 });
  db.on("error", () => undefined); // Postgres restarts drop idle clients; the pool reconnects
  const apiUrl = `http://127.0.0.1:${port}`;
  const work = new Workload(() => apiUrl, db);
  await work.prepare();

  // The cron schedules fire every 1-5 minutes; the soak asks for scans more often so
  // reminders due during a short run are written and sent within it.
  const scans = [
    new Queue("appointment-reminders", { connection: { url: redisUrl }, prefix: "soak" }),
    new Queue("outbox-sweep", { connection: { url: redisUrl }, prefix: "soak" }),
  ];
  for (const q of scans) q.on("error", () => undefined);
  const kick = () => Promise.all([scans[0]!.add("scan", {}), scans[1]!.add("sweep", {})]).catch(() => undefined);
  const kicker = setInterval(() => void kick(), 5_000);
  const schedulesPresent = () =>
    scans[1]!.getJobSchedulersCount().then(
      (n) => n > 0,
      () => false,
    );

  const since = new Date();
  const faultReports: FaultReport[] = [];
  log(`workload: ${rate} req/s for ${seconds} s, faults ${faultsOn ? "on" : "off"}`);
  work.start(rate);
  const runEnd = Date.now() + seconds * 1000;
  if (faultsOn) {
    const gap = (seconds * 1000) / (FAULTS.length + 1);
    for (const [i, fault] of FAULTS.entries()) {
      await sleep(Math.max(0, since.getTime() + gap * (i + 1) - Date.now()));
      // Someone's tests may have started since: never restart shared services under them.
      if (!(await waitForNoVitest(5 * 60_000, log))) throw new Error("vitest kept running; fault injection stopped");
      log(`fault: ${fault}`);
      faultReports.push(await injectFault(fault, { api, worker, apiUrl, work, log, schedulesPresent }));
      log(`  recovered in ${faultReports.at(-1)!.recoveryMs} ms`);
    }
  }
  await sleep(Math.max(0, runEnd - Date.now()));
  await work.stop();
  log("workload stopped; draining reminders and the outbox");

  // Drain: the last appointments' reminders fall due a few seconds after the end.
  const drainUntil = Date.now() + 60_000;
  for (;;) {
    await kick();
    await sleep(2_000);
    const { rows } = await db.query(
      `select count(*)::int n from visit v where v.kind = 'APPOINTMENT' and v.status = 'SCHEDULED'
         and (v.reminder_due_at > now() - interval '1 second' or v.reminded_at is null
              or exists (select 1 from notification n where n.related_id = v.id and n.status in ('QUEUED', 'SENDING')))
         and v.created_at >= $1`,
      [since],
    );
    if ((rows[0] as { n: number }).n === 0 || Date.now() > drainUntil) break;
  }
  clearInterval(kicker);
  await Promise.all(scans.map((q) => q.close().catch(() => undefined)));

  const checks = await runChecks(db, work, sms, since);
  printReport({ seconds, rate, faults: faultReports, work, checks, totalMs: Date.now() - started, short });
  exitCode = checks.every((c) => c.ok) && faultReports.every((f) => f.recovered) ? 0 : 1;
} catch (err) {
  console.error(err);
  if (api) console.error(`--- api output ---\n${api.tail}`);
  if (worker) console.error(`--- worker output ---\n${worker.tail}`);
} finally {
  await cleanUp();
}

/** Leaves the machine as found: children stopped, Postgres and Redis up, database dropped. */
async function cleanUp(): Promise<never> {
  await Promise.all([api?.stop("SIGTERM", 15_000), worker?.stop("SIGTERM", 15_000)]).catch(() => undefined);
  await db?.end().catch(() => undefined);
  await sms.close().catch(() => undefined);
  await ensureServicesRunning(log);
  await clearSoakQueues(redisUrl).catch((e: Error) => log(`could not clear the soak queues: ${e.message}`));
  await dropDatabase(dbName).catch((e: Error) => log(`could not drop ${dbName}: ${e.message}`));
  process.exit(exitCode);
}
