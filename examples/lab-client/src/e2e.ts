/**
 * CI check of the example against the real API: a fresh database, migrated and seeded
 * with the demo data, the compiled API on a free port, the lab client's flow run
 * against it, and the order checked to have reached IN_VERIFICATION.
 *
 * Needs `pnpm --filter @clinigraph/api build` first, PostgreSQL and Redis.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { ClinigraphClient } from "./client.js";
import { getOrder, newOrders, processOrder } from "./lab-flow.js";
import { issueDemoOrder } from "./demo-operator.js";

const apiDir = fileURLToPath(new URL("../../../packages/api/", import.meta.url));
const pgBase = process.env.E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";
const dbName = `clinigraph_example_${randomBytes(4).toString("hex")}`;
const DEMO_LAB_KEY = "ck_DEMOLAB1_demo-lab-key-not-for-production-0001";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API at ${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const port = await freePort();
const env = {
  ...process.env,
  NODE_ENV: "development",
  DATABASE_URL: `${pgBase}/${dbName}`,
  REDIS_URL: process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379/9",
  PORT: String(port),
  LOG_LEVEL: "warn",
  FILE_STORAGE_DIR: `/tmp/${dbName}-files`,
};
const node = (script: string) =>
  execFileSync(process.execPath, [`dist/scripts/${script}`], { cwd: apiDir, env, stdio: "inherit" });

let api: ReturnType<typeof spawn> | null = null;
try {
  if (process.env.E2E_DB_SETUP === "schema") {
    // Before a migration covers every entity: build the schema from the entity metadata.
    execFileSync("psql", [`${pgBase}/postgres`, "-qc", `create database "${dbName}"`], { stdio: "inherit" });
    const script = `import("./dist/index.js").then(async ({ initOrm }) => { const orm = await initOrm(process.env.DATABASE_URL); await orm.schema.createSchema(); await orm.close(true); })`;
    execFileSync(process.execPath, ["-e", script], { cwd: apiDir, env, stdio: "inherit" });
  } else node("migrate.js");
  node("seed.js");
  api = spawn(process.execPath, ["dist/main.js"], { cwd: apiDir, env, stdio: "inherit" });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url);

  const client = new ClinigraphClient(url, DEMO_LAB_KEY);
  const issuedId = await issueDemoOrder(url, "Laboratorio Clínico Puerto");
  const order = (await newOrders(client, 100)).find((o) => o.id === issuedId);
  assert.ok(order, "the order issued to the demo lab is in its ISSUED list");
  const submitted = await processOrder(client, order);
  assert.equal(submitted.status, "IN_VERIFICATION");
  assert.equal((await getOrder(client, order.id))?.status, "IN_VERIFICATION");
  console.log(`example lab client: ${order.number} ISSUED → IN_VERIFICATION against ${url}`);
} finally {
  api?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  execFileSync("psql", [`${pgBase}/postgres`, "-qc", `drop database if exists "${dbName}" with (force)`], {
    stdio: "inherit",
  });
}
