import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { capturingLogger, testConfig } from "../../test-support/server.fixtures.js";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { MikroORM } from "@mikro-orm/postgresql";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { type Runtime } from "../http/app.js";
import { createTestDatabase } from "../../test-support/database.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { refusedPort, TcpProxy } from "../../test-support/tcp-proxy.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";
import { PDF_BYTES, uploadFile } from "../../modules/order/files/files.fixtures.js";
import { initOrm, createRuntime } from "../../app.js";

/**
 * The API against a real Postgres that goes away: its ORM reaches the database through a
 * loopback relay that the test cuts (every connection dropped, the port refusing), makes
 * drop a connection at BEGIN or at one table's query, or starves of pool connections.
 * Nothing is mocked.
 */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: TcpProxy;
let apiOrm: MikroORM;
let runtime: Runtime;
let url = "";
let partnerKey = "";
let staffToken = "";
let staff: { email: string; password: string };
let logLines: string[] = [];
const POOL_MAX = 3;

/** The part of knex's pool (tarn) this test watches: its idle connections. */
interface KnexWithPool {
  pool: { free: { resource: { __knex__disposed?: unknown } }[] };
}

/** Polls until `check` holds; the deadline is generous, so a busy machine only waits longer. */
async function until(what: string, check: () => Promise<unknown>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface GqlAnswer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlAnswer> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as never };
}

const VIEWER = `{ viewer { kind } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code message } } }`;
const REGISTER = `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id } userErrors { code message } } }`;

function expectUnavailable(r: GqlAnswer, label: string) {
  expect(r.status, label).toBe(503);
  expect(r.retryAfter, label).toBe("5");
  expect(r.body.errors, label).toHaveLength(1);
  expect(r.body.errors![0]!.message).toBe("The database is unavailable; retry shortly.");
  expect(r.body.errors![0]!.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryable: true });
}

beforeAll(async () => {
  db = await createTestDatabase();
  const f = new Fixtures(db.orm);
  staff = await f.user(["OPERATOR"]);
  partnerKey = (await f.apiKey(await f.organization(OrganizationKind.CLINIC))).secret;

  const target = new URL(db.url);
  proxy = await new TcpProxy(Number(target.port || 5432), target.hostname).start();
  const viaProxy = new URL(db.url);
  viaProxy.port = String(proxy.port);
  const config = testConfig(viaProxy.toString(), { LOG_LEVEL: "info" });
  const captured = capturingLogger("info", "api-db-outage");
  logLines = captured.chunks;
  const logger = captured.logger;
  const pool = { min: 0, max: POOL_MAX, acquireTimeoutMillis: 1_500 };
  apiOrm = await initOrm(viaProxy.toString(), { pool }, logger);
  runtime = await createRuntime(config, apiOrm, logger);
  url = `http://127.0.0.1:${await runtime.listen()}`;
  staffToken = await loginAs((q, v) => gql(q, v).then((r) => r.body as never), staff.email, staff.password);
});

afterAll(async () => {
  await runtime?.close();
  await apiOrm?.close(true);
  await proxy?.close();
  await db?.drop();
});

describe("the database unavailable", () => {
  it("answers SERVICE_UNAVAILABLE, 503 and Retry-After while Postgres refuses connections, and recovers", async () => {
    expect((await gql(VIEWER, {}, partnerKey)).status, "works before the outage").toBe(200);
    const logStart = logLines.length;
    await proxy.cut();
    try {
      // Authentication reads the database: the context function fails for keys and tokens.
      expectUnavailable(await gql(VIEWER, {}, partnerKey), "API key");
      expectUnavailable(await gql(VIEWER, {}, staffToken), "staff token");
      // A resolver that maps failures to userErrors must not call an outage a bad password.
      const login = await gql(LOGIN, { i: { email: staff.email, password: staff.password } });
      expectUnavailable(login, "login");
      expect(JSON.stringify(login.body)).not.toContain("userErrors");

      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBe("5");
      const checks = ((await ready.json()) as { checks: Record<string, string> }).checks;
      expect(checks.postgres).not.toBe("ok");
      expect(checks.redis).toBe("ok");
      expect((await fetch(`${url}/healthz`)).status, "liveness stays up").toBe(200);
    } finally {
      await proxy.restore();
    }
    const log = logLines.slice(logStart).join("");
    expect(log).toContain('"msg":"database unavailable"');
    expect(log, "an outage is not logged as an internal error").not.toContain("internal error in GraphQL request");

    const after = await gql(VIEWER, {}, partnerKey);
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual({ viewer: { kind: "PARTNER" } });
  });

  it("fails a mutation whose connection drops at BEGIN as SERVICE_UNAVAILABLE, writes nothing, and a retry succeeds", async () => {
    const input = { i: { firstName: "Rosa", lastName: "Outage" } };
    proxy.dropped = 0;
    proxy.dropWhen = (chunk) => chunk.includes("BEGIN");
    let failed: GqlAnswer;
    try {
      failed = await gql(REGISTER, input, partnerKey);
    } finally {
      proxy.dropWhen = null;
    }
    expect(proxy.dropped, "the relay dropped the transaction's connection").toBeGreaterThan(0);
    expectUnavailable(failed, "registerPatient");
    expect(failed.body.errors![0]!.path).toEqual(["registerPatient"]);
    expect(JSON.stringify(failed.body.data ?? null)).not.toContain("userErrors");
    const count = async () =>
      Number((await db.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) n from patient`))[0]!.n);
    expect(await count()).toBe(0);

    const retried = await gql(REGISTER, input, partnerKey);
    expect(retried.status).toBe(200);
    expect((retried.body.data?.registerPatient as { userErrors: unknown[] }).userErrors).toEqual([]);
    expect(await count()).toBe(1);
  });

  it("answers 503 when every pooled connection is busy past the acquire timeout", async () => {
    const knex = apiOrm.em.getConnection().getKnex();
    const held = await Promise.all(Array.from({ length: POOL_MAX }, () => knex.transaction()));
    try {
      expectUnavailable(await gql(VIEWER, {}, partnerKey), "pool exhausted");
    } finally {
      await Promise.all(held.map((trx) => trx.rollback()));
    }
    expect((await gql(VIEWER, {}, partnerKey)).status).toBe(200);
  });

  it("recognises the errors a real Postgres and driver give, and not a caller's bad value", async () => {
    const refused = new pg.Client({ host: "127.0.0.1", port: await refusedPort(), user: "postgres" });
    const connectError = await refused.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(connectError), String(connectError)).toBe(true);

    const admin = new pg.Client({ connectionString: db.url });
    const victim = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await victim.connect();
    victim.on("error", () => {});
    try {
      const pid = (await victim.query<{ pid: number }>("select pg_backend_pid() pid")).rows[0]!.pid;
      const sleeping = victim.query("select pg_sleep(30)").then(
        () => null,
        (e: unknown) => e,
      );
      // Terminate it mid-query: wait until the server runs the sleep (a busy machine may be slow to send it).
      await until("the victim's query to run", async () => {
        const { rows } = await admin.query<{ state: string }>("select state from pg_stat_activity where pid = $1", [
          pid,
        ]);
        return rows[0]?.state === "active";
      });
      await admin.query("select pg_terminate_backend($1)", [pid]);
      const terminated = (await sleeping) as { code?: string };
      expect(terminated.code).toBe("57P01");
      expect(isDatabaseUnavailable(terminated)).toBe(true);
      const afterwards = await victim.query("select 1").then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(afterwards), String(afterwards)).toBe(true);

      const badUuid = await admin.query("select $1::uuid", ["not-a-uuid"]).then(
        () => null,
        (e: unknown) => e,
      );
      expect((badUuid as { code?: string }).code).toBe("22P02");
      expect(isDatabaseUnavailable(badUuid)).toBe(false);
    } finally {
      await admin.end();
      await victim.end().catch(() => {});
    }
  });
});

interface RestAnswer {
  status: number;
  retryAfter: string | null;
  text: string;
}

async function rest(path: string, token: string, init: RequestInit = {}): Promise<RestAnswer> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), text: await res.text() };
}

function pdfForm(): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(PDF_BYTES)], { type: "application/pdf" }), "report.pdf");
  return form;
}

async function uploadedPdf(): Promise<string> {
  const uploaded = await uploadFile(url, partnerKey, PDF_BYTES, "report.pdf", "application/pdf");
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  return String(uploaded.body.id);
}

function expectRestUnavailable(r: RestAnswer, label: string) {
  expect(r.status, `${label}: ${r.text.slice(0, 200)}`).toBe(503);
  expect(r.retryAfter, label).toBe("5");
  expect(JSON.parse(r.text), label).toEqual({
    errors: [
      {
        message: "The database is unavailable; retry shortly.",
        extensions: { code: "SERVICE_UNAVAILABLE", retryable: true, retryAfterSeconds: 5 },
      },
    ],
  });
}

const STATISTICS = "/exports/monthly-statistics.csv?month=2026-03";

describe("the REST routes with the database unavailable", () => {
  it("answer file download, upload, statistics CSV and visit export with 503, Retry-After and SERVICE_UNAVAILABLE, then recover", async () => {
    const routes = { download: `/files/${await uploadedPdf()}`, statistics: STATISTICS, visits: "/exports/visits.csv" };
    for (const [label, path] of Object.entries(routes))
      expect((await rest(path, partnerKey)).status, `${label} works before the outage`).toBe(200);
    const logStart = logLines.length;
    await proxy.cut();
    try {
      for (const [label, path] of Object.entries(routes)) expectRestUnavailable(await rest(path, partnerKey), label);
      expectRestUnavailable(await rest("/files", partnerKey, { method: "POST", body: pdfForm() }), "upload");
      // The dashboard answers browsers in plain text; down must not read as "bad token".
      const dashboard = await rest("/admin/queues", staffToken);
      expect(dashboard.status, dashboard.text).toBe(503);
      expect(dashboard.retryAfter).toBe("5");
      expect(dashboard.text).toBe("The database is unavailable; retry shortly.");
    } finally {
      await proxy.restore();
    }
    const log = logLines.slice(logStart).join("");
    expect(log).toContain('"msg":"database unavailable"');
    expect(log).toContain('"path":"/exports/monthly-statistics.csv"');
    expect(log, "an outage is not logged as a failed route").not.toMatch(/route failed|export failed/);

    for (const [label, path] of Object.entries(routes))
      expect((await rest(path, partnerKey)).status, `${label} after the outage`).toBe(200);
    expect((await rest("/admin/queues", staffToken)).status, "an operator is still no admin").toBe(403);
  });

  it("answer 503 when the connection drops at the route's own query, and keep 404 and 400 for the caller's faults", async () => {
    const fileId = await uploadedPdf();
    const cases = [
      ["download", `/files/${fileId}`, "stored_file"],
      ["statistics", STATISTICS, "monthly_statistic"],
    ] as const;
    for (const [label, path, table] of cases) {
      proxy.dropped = 0;
      // Authentication reads api_key and passes; the route's own read loses its connection.
      proxy.dropWhen = (chunk) => chunk.includes(table);
      let answer: RestAnswer;
      try {
        answer = await rest(path, partnerKey);
      } finally {
        proxy.dropWhen = null;
      }
      expect(proxy.dropped, `${label}: the relay dropped the query`).toBeGreaterThan(0);
      expectRestUnavailable(answer, label);
    }
    const missing = await rest(`/files/${randomUUID()}`, partnerKey);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).errors[0].extensions.code).toBe("NOT_FOUND");
    const badMonth = await rest("/exports/monthly-statistics.csv?month=March", partnerKey);
    expect(badMonth.status).toBe(400);
    expect(badMonth.retryAfter).toBeNull();
    const download = await fetch(`${url}/files/${fileId}`, { headers: { authorization: `Bearer ${partnerKey}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
  });
});

describe("knex's own messages", () => {
  it("logs a dropped pooled connection as one JSON warn line, never as raw text on stdout", async () => {
    expect((await gql(VIEWER, {}, partnerKey)).status, "leaves an idle pooled connection").toBe(200);
    const consoleLog = vi.spyOn(console, "log");
    const stdout = vi.spyOn(process.stdout, "write");
    const stderr = vi.spyOn(process.stderr, "write");
    const logStart = logLines.length;
    let printed: string;
    try {
      await proxy.cut();
      // The pooled client sees its socket close; knex marks it disposed (pg's "end" event).
      const pool = (apiOrm.em.getConnection().getKnex().client as KnexWithPool).pool;
      await until("knex to mark the dropped connections disposed", async () =>
        pool.free.every((f) => f.resource.__knex__disposed),
      );
      await proxy.restore();
      // The pool discards the dead connection (knex's "Connection Error" warning) and opens a new one.
      expect((await gql(VIEWER, {}, partnerKey)).status).toBe(200);
    } finally {
      printed = [...consoleLog.mock.calls, ...stdout.mock.calls, ...stderr.mock.calls]
        .map((args) => args.map(String).join(" "))
        .join("\n");
      consoleLog.mockRestore();
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(printed).not.toMatch(/Connection Error|Connection ended unexpectedly|Connection terminated/);
    const lines = logLines
      .slice(logStart)
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const driver = lines.filter((l) => l.component === "knex");
    expect(driver.length, "knex warned through the logger").toBeGreaterThan(0);
    expect(driver[0]).toEqual(
      expect.objectContaining({
        level: 40,
        name: "api-db-outage",
        msg: "database driver warning",
        detail: "Connection Error: Connection ended unexpectedly",
      }),
    );
  });
});
