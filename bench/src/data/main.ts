/**
 * `pnpm bench:data [--orders 1000000] [--db clinigraph_bench] [--seed 20260101] [--now 2026-05-01T00:00:00Z] [--due-share 0.1]`
 * Fills a separate database with a reproducible region: same seed and --now, same rows.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import pg from "pg";
import { uuidv7At } from "../shared/prng.js";
import { benchDatabaseName, databaseUrl, flag, numberFlag } from "../shared/options.js";
import { copyRows } from "./copy.js";
import { runDerived } from "./derived.js";
import { loadCases, loadOrders, Numbering } from "./orders.js";
import { loadOrganizations, loadPatientsAndPolicies } from "./reference.js";
import { prepareSchema, recreateDatabase } from "./schema.js";
import { loadVisits, loadClaims } from "./visits-claims.js";
import { sizesFor, World } from "./world.js";

const argv = process.argv.slice(2);
const orders = numberFlag(argv, "orders", 1_000_000);
const seed = numberFlag(argv, "seed", 20260101);
const dueShare = numberFlag(argv, "due-share", 0.1);
const nowArg = flag(argv, "now");
// Default anchor: the start of the current hour, so open deadlines lie ahead of the bench run.
const anchorMs = nowArg ? Date.parse(nowArg) : Math.floor(Date.now() / 3_600_000) * 3_600_000;
if (!Number.isFinite(anchorMs)) throw new Error(`--now must be an ISO date, got ${nowArg}`);
const name = benchDatabaseName(argv);

const started = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}`);

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await fn();
  log(
    `${label}: ${typeof result === "number" ? `${result} rows, ` : ""}${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return result;
}

log(`database ${name}, ${orders} orders, seed ${seed}, anchor ${new Date(anchorMs).toISOString()}`);
await recreateDatabase(name);
const plan = await step("schema", () => prepareSchema(name));
log(`schema from ${plan.source}`);

const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 1 });
const db = await pool.connect();
try {
  await db.query("set synchronous_commit = off");
  const w = new World(seed, anchorMs, sizesFor(orders));
  const numbers = new Numbering();
  await step("organisations, staff, API keys, service codes", () => loadOrganizations(db, w));
  const visitorId = uuidv7At(anchorMs - 800 * 86_400_000, w.rng);
  await copyRows(
    db,
    "app_user",
    [
      "id",
      "created_at",
      "updated_at",
      "version",
      "email",
      "name",
      "language",
      "roles",
      "partner_roles",
      "organization_id",
      "password_hash",
      "active",
      "failed_logins",
    ],
    [
      [
        visitorId,
        new Date(anchorMs - 800 * 86_400_000),
        new Date(anchorMs - 800 * 86_400_000),
        1,
        "visitor@bench.local",
        "visitor",
        "es",
        ["VISITOR"],
        [],
        w.operatorId,
        "!disabled",
        true,
        0,
      ],
    ],
  );
  await step("patients, policies, liabilities, members", () => loadPatientsAndPolicies(db, w));
  await step("cases", () => loadCases(db, w, numbers));
  await step("orders", () => loadOrders(db, w, numbers, dueShare));
  await step("visits", () => loadVisits(db, w, numbers, visitorId));
  await step("claims and claim lines", () => loadClaims(db, w, numbers));
  await step("document counters", async () => {
    const rows = [...numbers.entries()].map(([key, value]) => {
      const [prefix, year] = key.split("-");
      return [prefix, Number(year), value];
    });
    return copyRows(db, "document_counter", ["prefix", "year", "value"], rows);
  });
  await step("history and reports (SQL)", () => runDerived(db, w.operatorUserId, w.operatorId, log));
  await step("indexes and constraints", async () => {
    await db.query("set maintenance_work_mem = '256MB'");
    for (const s of plan.after) await db.query(s);
    return plan.after.length;
  });
  await step("vacuum analyze", async () => {
    await db.query("vacuum analyze");
    return 0;
  });
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    "bench-results/dataset.json",
    JSON.stringify(
      {
        database: name,
        orders,
        seed,
        anchor: new Date(anchorMs).toISOString(),
        dueShare,
        sizes: w.sizes,
        generatedAt: new Date().toISOString(),
        seconds: (performance.now() - started) / 1000,
      },
      null,
      2,
    ),
  );
  const counts = await db.query<{ t: string; n: string }>(
    `select relname as t, n_live_tup::text as n from pg_stat_user_tables where n_live_tup > 0 order by n_live_tup desc`,
  );
  for (const r of counts.rows) log(`  ${r.t.padEnd(24)} ${r.n}`);
  log("done");
} finally {
  db.release();
  await pool.end();
}
