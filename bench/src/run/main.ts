/**
 * `pnpm bench [--db clinigraph_bench] [--seconds 15] [--connections 10] [--only 1,2,3,8] [--writes 2000] [--sweep 100000] [--sms 100000]`
 * Starts the API in production mode against the bench database and runs the scenarios.
 */
import pg from "pg";
import { initOrm, type MikroORM } from "@clinigraph/api/domain";
import { STAFF_PASSWORD } from "../shared/credentials.js";
import { benchDatabaseName, databaseUrl, flag, numberFlag } from "../shared/options.js";
import { ApiProcess } from "./api-process.js";
import { staffToken } from "./graphql.js";
import { startRawServer } from "./raw-server.js";
import { ms, ratio, table, writeResults, type Row } from "./report.js";
import { labOrderRequests, orderRequests, runReadPair, trayRequests } from "./scenarios/reads.js";
import { apiStatisticsSeconds, rawStatisticsSeconds } from "./scenarios/statistics.js";
import { apiSweepSeconds, rawSweepSeconds, sweepInstant } from "./scenarios/sweep.js";
import { runWrites, writeRequests } from "./scenarios/writes.js";
import { checkAtLimits, limitsRequests } from "./scenarios/limits.js";
import { bareBullmqSeconds, runSms } from "./scenarios/sms.js";
import type { LoadResult } from "./load.js";

const argv = process.argv.slice(2);
const name = benchDatabaseName(argv);
const url = databaseUrl(name);
const seconds = numberFlag(argv, "seconds", 15);
const connections = numberFlag(argv, "connections", 10);
const only = new Set((flag(argv, "only") ?? "1,2,3,4,5,6,7,8").split(",").map(Number));
const TIME_ZONE = "America/Santiago";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";

const db = new pg.Pool({ connectionString: url, max: 4 });
const orders = (await db.query<{ n: number }>(`select count(*)::int as n from attention_order`)).rows[0]!.n;
console.log(`bench on ${name}: ${orders} orders, ${seconds} s per read scenario, ${connections} connections`);
const api = new ApiProcess(
  url,
  numberFlag(argv, "port", 4600),
  process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=bench-results/profiles"] : [],
);
await api.start();
const raw = await startRawServer(url);
const rows: Row[] = [];
let orm: MikroORM | null = null;

const loadRow = (scenario: string, r: LoadResult, rssMb: number, baseline?: LoadResult): Row => ({
  scenario,
  throughput: `${r.throughput.toFixed(0)} req/s`,
  p50: ms(r.p50),
  p95: ms(r.p95),
  p99: ms(r.p99),
  errors: String(r.errors),
  sqlPerRequest: r.sqlPerRequest === null ? "" : r.sqlPerRequest.toFixed(1),
  compiled: r.compiledShare === null ? "" : `${Math.round(r.compiledShare * 100)}%`,
  rssMb: String(rssMb),
  baseline: baseline ? `${baseline.throughput.toFixed(0)} req/s, p50 ${ms(baseline.p50)}` : "",
  // Latency ratio at the same concurrency: the time our stack adds per request.
  ratio: baseline ? `${ratio(r.p50, baseline.p50)} p50, ${ratio(baseline.throughput, r.throughput)} req/s` : "",
  raw: { api: r, baseline },
});
const jobRow = (
  scenario: string,
  secs: number,
  unit: string,
  count: number,
  baselineSecs: number,
  baselineLabel: string,
  rssMb: number,
): Row => ({
  scenario,
  throughput: count === 1 ? `${secs.toFixed(2)} s` : `${(count / secs).toFixed(0)} ${unit}/s`,
  p50: "",
  p95: "",
  p99: "",
  errors: "0",
  sqlPerRequest: "",
  compiled: "",
  rssMb: String(rssMb),
  baseline: `${baselineLabel} ${baselineSecs.toFixed(2)} s`,
  ratio: ratio(secs, baselineSecs),
  raw: { seconds: secs, count, baselineSeconds: baselineSecs },
});

try {
  const operator = await staffToken(api.url, "operator@bench.local", STAFF_PASSWORD);
  const opts = { seconds, connections };
  const reads: [
    number,
    string,
    () => Promise<{ api: import("./load.js").LoadRequest[]; raw: import("./load.js").LoadRequest[] }>,
  ][] = [
    [1, "1 lab order list (50, nested)", async () => labOrderRequests()],
    [2, "2 order by id (all nested)", () => orderRequests(db, operator)],
    [3, "3 TO_MANAGE tray + totalCount", async () => trayRequests(operator)],
  ];
  for (const [n, label, make] of reads) {
    if (!only.has(n)) continue;
    const pair = await runReadPair(api.url, raw.url, await make(), opts, () => api.takePeakRssMb());
    rows.push(loadRow(label, pair.api, pair.rssMb, pair.raw));
    console.log(table(rows.slice(-1)));
  }
  if (only.has(8)) {
    // Before the write mix: it reads the same labs' orders, which scenario 4 changes.
    const check = await checkAtLimits(api.url);
    console.log(
      `scenario 8: accepted at the limits (${check.bytes} bytes, answered by ${check.readPath}); deeper and costlier refused`,
    );
    const api8 = limitsRequests();
    const raw8 = api8.map((r) => ({ path: "/limits", body: "{}", headers: r.headers }));
    const pair = await runReadPair(api.url, raw.url, { api: api8, raw: raw8 }, opts, () => api.takePeakRssMb());
    rows.push(loadRow("8 partner query at the limits (100 orders, depth 10)", pair.api, pair.rssMb, pair.raw));
    console.log(table(rows.slice(-1)));
  }
  if (only.has(4)) {
    const reqs = await writeRequests(db, operator, numberFlag(argv, "writes", 2000));
    api.takePeakRssMb();
    const r = await runWrites(api.url, reqs, Math.max(seconds, 30));
    rows.push(loadRow(`4 write mix CONFIRM/APPROVE ×${reqs.length}, c=32`, r, api.takePeakRssMb()));
    console.log(table(rows.slice(-1)));
  }
  orm = await initOrm(url);
  if (only.has(5)) {
    const inst = await sweepInstant(db, numberFlag(argv, "sweep", 100_000));
    const rawRun = await rawSweepSeconds(db, inst.now);
    const apiRun = await apiSweepSeconds(db, orm, inst.now);
    rows.push(
      jobRow(
        `5 expiration sweep ${apiRun.expired} of ${inst.dueTotal} due / ${orders}`,
        apiRun.seconds,
        "orders",
        apiRun.expired,
        rawRun.seconds,
        "1 SQL stmt",
        0,
      ),
    );
    console.log(table(rows.slice(-1)));
  }
  if (only.has(6)) {
    const anchor = new Date(Date.now() - 35 * 86_400_000);
    const month = `${anchor.getUTCFullYear()}-${String(anchor.getUTCMonth() + 1).padStart(2, "0")}`;
    const rawSecs = await rawStatisticsSeconds(db, month, TIME_ZONE);
    const apiRun = await apiStatisticsSeconds(orm, month, TIME_ZONE);
    rows.push(
      jobRow(
        `6 monthly statistics ${month} (${apiRun.organisations} orgs)`,
        apiRun.seconds,
        "runs",
        1,
        rawSecs,
        "1 SQL select",
        0,
      ),
    );
    console.log(table(rows.slice(-1)));
  }
  if (only.has(7)) {
    const count = numberFlag(argv, "sms", 100_000);
    const concurrency = numberFlag(argv, "sms-concurrency", 32);
    const sms = await runSms(db, orm, url, count, numberFlag(argv, "sms-timeout", 900), concurrency);
    const bare = await bareBullmqSeconds(sms.written, concurrency, REDIS_URL);
    rows.push(
      jobRow(
        `7 SMS fan-out of ${sms.written} reminders: ${sms.delivered} sent, ${sms.skipped} skipped, ${sms.failed} failed, ${sms.pending} left (scan ${sms.scanSeconds.toFixed(1)} s)`,
        sms.seconds,
        "sms",
        sms.written,
        bare,
        "no-op BullMQ",
        0,
      ),
    );
    console.log(table(rows.slice(-1)));
  }
} finally {
  await api.stop();
  await raw.close();
  await orm?.close();
  await db.end();
}
console.log(`\n${table(rows)}\n`);
console.log(`results: ${writeResults(rows, { database: name, orders, seconds, connections })}`);
process.exit(0);
