import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, OrganizationKind, REPORT_INBOX_RULE } from "@clinigraph/api/domain";
import { Fixtures, startTestApi, type TestApi } from "@clinigraph/api/testing";
import { loadJobsConfig } from "../config.js";
import { startWorkers, type JobsRuntime } from "../index.js";
import { SCHEDULES } from "../queue-registry.js";
import { deleteKeys, waitFor } from "../test-support/harness.fixtures.js";
import { SqlFixtures } from "../test-support/sql.fixtures.js";

/**
 * The operator's report digest on real BullMQ and Redis: a run of the report-digest queue
 * queues one e-mail per operator staff member in the outbox, naming the reports that
 * arrived in the hour before and still await the operator, within their branches; a second
 * run of the same window queues nothing. Time is set by the job's `now`, not by waiting.
 */
const redis = new Redis("redis://127.0.0.1:6379/7");
const prefix = `rd${randomBytes(4).toString("hex")}`;
let api: TestApi;
let rt: JobsRuntime;
const ids: Record<string, string> = {};
const emails: Record<string, string> = {};

const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) =>
  api.orm.em.getConnection().execute(q, params) as Promise<T[]>;

// the run at 10:05 covers 09:00–10:00
const RUN_AT = "2026-03-02T10:05:00.000Z";
const IN_WINDOW = "2026-03-02T09:30:00.000Z";

async function order(number: string, status: string, branchId: string | null): Promise<string> {
  const sf = new SqlFixtures(api.orm);
  const patient = await sf.patient();
  const [kase] = await sql<{ id: string }>(
    `insert into medical_case (id, number, patient_id, kind, incident_date, registered_by_id, scan_key, branch_id)
     values (gen_random_uuid(), ?, ?, 'OUTPATIENT', '2026-01-10', ?, ?, ?) returning id`,
    [`CASE-${number}`, patient, ids.operatorOrg, `12345678${Math.floor(Math.random() * 1e8)}`.slice(0, 16), branchId],
  );
  const [row] = await sql<{ id: string }>(
    `insert into attention_order (id, number, case_id, provider_id, kind, specialty, requested_codes, status, confirm_by, due_at)
     values (gen_random_uuid(), ?, ?, ?, 'EXAM', 'radiology', '[]'::jsonb, ?, now(), now() + interval '5 days') returning id`,
    [number, kase!.id, ids.lab, status],
  );
  return row!.id;
}

const report = (orderId: string, kind: string, at: string, acknowledged = false) =>
  sql(
    `insert into order_report (id, order_id, kind, created_at, updated_at, acknowledged_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?)`,
    [orderId, kind, at, at, acknowledged ? at : null],
  );

async function runDigest(now: string): Promise<string> {
  const job = await rt.queues.reportDigest.add("digest", { now });
  return waitFor(
    async () => {
      const done = await rt.queues.reportDigest.getJob(job.id!);
      if (done?.failedReason) throw new Error(`digest failed: ${done.failedReason}`);
      return done?.finishedOn ? String(done.returnvalue) : null;
    },
    60_000,
    "the digest job",
  );
}

const digests = () =>
  sql<{ recipient: string; subject: string; body: string; language: string; status: string; dedupe_key: string }>(
    `select recipient, subject, body, language, status, dedupe_key from notification
      where template = 'report-digest' order by recipient`,
  );

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  const operatorOrg = await fx.operatorOrg();
  ids.operatorOrg = operatorOrg.id;
  ids.lab = (await fx.organization(OrganizationKind.LAB)).id;
  const [north, south] = await Promise.all(
    ["NORTH", "SOUTH"].map(async (code) => {
      const [b] = await sql<{ id: string }>(
        `insert into branch (id, operator_id, code, name) values (gen_random_uuid(), ?, ?, ?) returning id`,
        [operatorOrg.id, code, code],
      );
      return b!.id;
    }),
  );
  const headOffice = await fx.user(["OPERATOR"], { language: "en" } as never);
  const northOperator = await fx.user(["OPERATOR"], { language: "es" } as never);
  const reviewer = await fx.user(["REVIEWER"]);
  const retired = await fx.user(["OPERATOR"], { active: false } as never);
  await sql(`insert into user_branch (id, user_id, branch_id) values (gen_random_uuid(), ?, ?)`, [
    northOperator.id,
    north,
  ]);
  Object.assign(emails, {
    headOffice: headOffice.email,
    north: northOperator.email,
    reviewer: reviewer.email,
    retired: retired.email,
  });

  const northOrder = await order("ORD-2026-000901", "IN_EVALUATION", north!);
  const southOrder = await order("ORD-2026-000902", "IN_VERIFICATION", south!);
  const approved = await order("ORD-2026-000903", "VALIDATED_FOR_BILLING", north!);
  const read = await order("ORD-2026-000904", "IN_VERIFICATION", north!);
  await report(northOrder, "PRELIMINARY", IN_WINDOW);
  await report(southOrder, "FINAL", IN_WINDOW);
  // settled or already read: not news for anybody
  await report(approved, "FINAL", IN_WINDOW);
  await report(read, "FINAL", IN_WINDOW, true);
  // before the window (an earlier digest's) and after it (the next one's)
  await report(northOrder, "FINAL", "2026-03-02T08:59:59.000Z");
  await report(southOrder, "FINAL", "2026-03-02T10:00:00.000Z");

  const config = loadJobsConfig({
    NODE_ENV: "test",
    DATABASE_URL: api.config.DATABASE_URL,
    REDIS_URL: "redis://127.0.0.1:6379/7",
    QUEUE_PREFIX: prefix,
    REGISTER_SCHEDULERS: "false",
    LOG_LEVEL: "silent",
    CONSOLE_URL: "https://console.example.test/",
  });
  rt = await startWorkers({
    config,
    orm: api.orm,
    logger: createLogger("silent", "jobs-test"),
    consume: ["reportDigest"],
  });
});

afterAll(async () => {
  await rt?.stop();
  await deleteKeys(redis, `${prefix}:*`);
  redis.disconnect();
  await api?.close();
});

describe("the operator's report digest", () => {
  it("is scheduled by the one inbox rule", () => {
    expect(SCHEDULES).toContainEqual({ ...REPORT_INBOX_RULE.digest.schedule, queue: "reportDigest" });
  });

  it("e-mails each operator the hour's reports awaiting them, within their branches, in their language", async () => {
    expect(await runDigest(RUN_AT)).toBe("2 digests queued");
    const rows = await digests();
    expect(rows.map((r) => r.recipient).sort()).toEqual([emails.headOffice, emails.north].sort());
    const head = rows.find((r) => r.recipient === emails.headOffice)!;
    expect(head).toMatchObject({ language: "en", status: "QUEUED", subject: "2 new report(s) to review" });
    expect(head.body).toContain("ORD-2026-000901 (preliminary)");
    expect(head.body).toContain("ORD-2026-000902 (final)");
    expect(head.body).toContain("https://console.example.test/#/orders");
    expect(head.body).not.toMatch(/ORD-2026-00090[34]/);
    // the north branch's operator hears of the north order only, in Spanish
    const north = rows.find((r) => r.recipient === emails.north)!;
    expect(north).toMatchObject({ language: "es", subject: "1 informe(s) nuevo(s) por revisar" });
    expect(north.body).toContain("ORD-2026-000901 (preliminar)");
    expect(north.body).not.toContain("ORD-2026-000902");
    expect(head.dedupe_key).toMatch(/^report-digest:[0-9a-f-]{36}:2026-03-02T09:00:00.000Z$/);
  });

  it("queues nothing twice when the same window runs again, and nothing for a quiet hour", async () => {
    expect(await runDigest("2026-03-02T10:40:00.000Z")).toBe("0 digests queued");
    expect(await runDigest("2026-03-02T12:05:00.000Z")).toBe("0 digests queued");
    expect(await digests()).toHaveLength(2);
  });

  it("the next hour's digest names the report that arrived on the hour, to those whose branch it is", async () => {
    expect(await runDigest("2026-03-02T11:05:00.000Z")).toBe("1 digests queued");
    const rows = (await digests()).filter((r) => r.dedupe_key.endsWith("2026-03-02T10:00:00.000Z"));
    expect(rows.map((r) => [r.recipient, r.subject])).toEqual([[emails.headOffice, "1 new report(s) to review"]]);
    expect(rows[0]!.body).toContain("ORD-2026-000902 (final)");
  });
});
