import { randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, OrganizationKind, storageFor } from "@clinigraph/api/domain";
import { Fixtures, startTestApi, type TestApi } from "@clinigraph/api/testing";
import { loadJobsConfig } from "../config.js";
import { startWorkers, type JobsRuntime } from "../index.js";
import { deleteKeys, waitFor } from "../test-support/harness.fixtures.js";
import { SqlFixtures } from "../test-support/sql.fixtures.js";
import { sweepOrphanFiles } from "./orphan-files.js";

/**
 * Files uploaded through the real API and never attached are deleted (row and bytes) by
 * the orphan-files job on real BullMQ/Redis once the grace period is over; time is moved
 * by back-dating created_at, not by waiting.
 */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const HOUR = 3600_000;
const redis = new Redis("redis://127.0.0.1:6379/7");
const prefix = `tf${randomBytes(4).toString("hex")}`;
let api: TestApi;
let rt: JobsRuntime;
let key: string;
let labId: string;
let orderId: string;

const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) =>
  api.orm.em.getConnection().execute(q, params) as Promise<T[]>;

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  const lab = await fx.organization(OrganizationKind.LAB);
  labId = lab.id;
  key = (await fx.apiKey(lab)).secret;
  const config = loadJobsConfig({
    NODE_ENV: "test",
    DATABASE_URL: api.config.DATABASE_URL,
    REDIS_URL: "redis://127.0.0.1:6379/7",
    FILE_STORAGE_DIR: api.config.FILE_STORAGE_DIR,
    QUEUE_PREFIX: prefix,
    REGISTER_SCHEDULERS: "false",
    LOG_LEVEL: "silent",
    ORPHAN_FILE_GRACE_HOURS: "24",
    SCAN_CHUNK_SIZE: "3",
  });
  rt = await startWorkers({
    config,
    orm: api.orm,
    logger: createLogger("silent", "jobs-test"),
    consume: ["orphanFiles"],
  });

  // An order of the lab that reports can reference.
  const sf = new SqlFixtures(api.orm);
  const operator = await sf.organization({ kind: "OPERATOR" });
  const patient = await sf.patient();
  const [kase] = await sql<{ id: string }>(
    `insert into medical_case (id, number, patient_id, kind, incident_date, registered_by_id, scan_key)
     values (gen_random_uuid(), 'CASE-F-1', ?, 'OUTPATIENT', '2026-01-10', ?, '1234567820260110') returning id`,
    [patient, operator],
  );
  const [order] = await sql<{ id: string }>(
    `insert into attention_order (id, number, case_id, provider_id, kind, specialty, requested_codes, status, confirm_by, due_at)
     values (gen_random_uuid(), 'ORD-F-1', ?, ?, 'EXAM', 'radiology', '[]'::jsonb, 'IN_EVALUATION', now(), now() + interval '5 days')
     returning id`,
    [kase!.id, labId],
  );
  orderId = order!.id;
});

afterAll(async () => {
  await rt?.stop();
  await deleteKeys(redis, `${prefix}:*`);
  redis.disconnect();
  await api?.close();
});

async function upload(name = "scan.pdf"): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), name);
  const res = await fetch(`${api.url}/files`, {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${key}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const backdate = (ids: string[], hours: number) =>
  sql(`update stored_file set created_at = now() - make_interval(hours => ?) where id in (?)`, [hours, ids]);

const attach = (fileId: string) =>
  sql(`insert into order_report (id, order_id, kind, file_id) values (gen_random_uuid(), ?, 'FINAL', ?)`, [
    orderId,
    fileId,
  ]);

/** Whether the file's row and its bytes on the storage volume are still there. */
async function kept(id: string, storageKey?: string): Promise<{ row: boolean; bytes: boolean }> {
  const [row] = await sql<{ storage_key: string }>(`select storage_key from stored_file where id = ?`, [id]);
  const keyOnDisk = row?.storage_key ?? storageKey;
  const bytes = keyOnDisk
    ? await stat(path.join(api.config.FILE_STORAGE_DIR, keyOnDisk)).then(
        () => true,
        () => false,
      )
    : false;
  return { row: !!row, bytes };
}

async function storageKeyOf(id: string): Promise<string> {
  const [row] = await sql<{ storage_key: string }>(`select storage_key from stored_file where id = ?`, [id]);
  return row!.storage_key;
}

/** Adds a sweep job to the real queue and waits for the worker to finish it. */
async function runSweepJob(): Promise<string> {
  const job = await rt.queues.orphanFiles.add("sweep", {});
  return waitFor(
    async () => {
      const done = await rt.queues.orphanFiles.getJob(job.id!);
      if (done?.failedReason) throw new Error(`sweep failed: ${done.failedReason}`);
      return done?.finishedOn ? String(done.returnvalue) : null;
    },
    30_000,
    "the sweep job",
  );
}

describe("orphan-file sweep", () => {
  it("deletes an old file no report references, row and bytes, and keeps an attached one and a fresh one", async () => {
    const [orphan, attached, fresh] = [await upload("orphan.pdf"), await upload("attached.pdf"), await upload()];
    const orphanKey = await storageKeyOf(orphan);
    await backdate([orphan, attached], 25);
    await backdate([fresh], 23);
    await attach(attached);

    expect(await runSweepJob()).toBe("1 files deleted");
    expect(await kept(orphan, orphanKey)).toEqual({ row: false, bytes: false });
    expect(await kept(attached)).toEqual({ row: true, bytes: true });
    expect(await kept(fresh)).toEqual({ row: true, bytes: true });
    const download = await fetch(`${api.url}/files/${attached}`, { headers: { authorization: `Bearer ${key}` } });
    expect(download.status).toBe(200);
    // Run again: nothing left to do.
    expect(await runSweepJob()).toBe("0 files deleted");
  });

  it("deletes each of many orphans exactly once when two sweepers run at the same time", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await upload(`bulk-${i}.pdf`));
    const keys = await Promise.all(ids.map(storageKeyOf));
    await backdate(ids, 48);
    const storage = storageFor(api.config.FILE_STORAGE_DIR);
    const options = { graceMs: 24 * HOUR, chunk: 3 };
    const [a, b] = await Promise.all([
      sweepOrphanFiles(api.orm, storage, options),
      sweepOrphanFiles(api.orm, storage, options),
    ]);
    expect(a + b).toBe(20);
    for (const [i, id] of ids.entries()) expect(await kept(id, keys[i])).toEqual({ row: false, bytes: false });
  });

  it("keeps a file whose report is being attached while the sweep runs", async () => {
    const file = await upload("racing.pdf");
    await backdate([file], 30);
    // The attach's transaction, open: its report row (and the lock its foreign key takes on
    // the file) is not committed yet.
    const client = new pg.Client({ connectionString: api.config.DATABASE_URL });
    await client.connect();
    try {
      await client.query("begin");
      await client.query(
        `insert into order_report (id, order_id, kind, file_id) values (gen_random_uuid(), $1, 'PRELIMINARY', $2)`,
        [orderId, file],
      );
      expect(await runSweepJob()).toBe("0 files deleted");
      await client.query("commit");
    } finally {
      await client.end();
    }
    expect(await runSweepJob()).toBe("0 files deleted");
    expect(await kept(file)).toEqual({ row: true, bytes: true });
  });

  it("refuses an attach with a clean not-found while the sweep holds the file, then the file is gone", async () => {
    const file = await upload("doomed.pdf");
    const fileKey = await storageKeyOf(file);
    await backdate([file], 30);
    // A sweep in the middle of its transaction: the file row is locked for deletion.
    const client = new pg.Client({ connectionString: api.config.DATABASE_URL });
    await client.connect();
    try {
      await client.query("begin");
      await client.query(`select id from stored_file where id = $1 for update`, [file]);
      const attaching = api.gql<{ attachOrderReport: { userErrors: { code: string }[] } }>(
        `mutation($i: AttachOrderReportInput!) { attachOrderReport(input: $i) { userErrors { code field } } }`,
        { i: { orderId, kind: "PRELIMINARY", fileId: file } },
        key,
      );
      // The attach waits for the sweep's lock instead of reading the file as still there.
      await waitFor(
        async () => {
          const [w] = await sql<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
          );
          return w!.n > 0;
        },
        20_000,
        "the attach to wait for the lock",
      );
      await client.query(`delete from stored_file where id = $1`, [file]);
      await client.query("commit");
      await storageFor(api.config.FILE_STORAGE_DIR).delete(fileKey);
      const res = await attaching;
      expect(res.status).toBe(200);
      expect(res.data.attachOrderReport.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
    } finally {
      await client.end();
    }
    const [reports] = await sql<{ n: number }>(`select count(*)::int as n from order_report where file_id is null`);
    expect(reports!.n).toBe(0);
  });
});
