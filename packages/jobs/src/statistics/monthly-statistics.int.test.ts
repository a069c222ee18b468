import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueueEvents } from "bullmq";
import { createHarness, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures } from "../test-support/sql.fixtures.js";
import { QUEUE_NAMES } from "@clinigraph/api/domain";
import type { JobsRuntime } from "../runtime.js";

let h: Harness;
let f: SqlFixtures;
let rt: JobsRuntime;
let events: QueueEvents;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) =>
  h.orm.em.getConnection().execute(q, p) as Promise<T[]>;

// Month boundaries are those of Europe/Madrid: March 2026 runs from 2026-02-28T23:00Z
// (CET, +1) to 2026-03-31T22:00Z (CEST, +2 since the 29th).
const TZ = "Europe/Madrid";
let lab: string, agency: string, hospital: string, caseId: string, policy: string, liability: string, patient: string;

async function order(number: string, createdAt: string, changes: [string, string, string, string][]) {
  const [{ id }] = (await sql<{ id: string }>(
    `insert into attention_order (id, number, case_id, provider_id, kind, specialty, requested_codes, status, confirm_by, due_at, created_at)
     values (gen_random_uuid(), ?, ?, ?, 'EXAM', 'radiology', '[]', 'ISSUED', now(), now(), ?) returning id`,
    [number, caseId, lab, createdAt],
  )) as [{ id: string }];
  await history("Order", id, createdAt, changes);
}

async function claim(
  number: string,
  createdAt: string,
  dueAt: string,
  approved: string | null,
  changes: [string, string, string, string][],
) {
  const [{ id }] = (await sql<{ id: string }>(
    `insert into claim (id, number, case_id, policy_id, liability_id, kind, registered_by_id, currency, applied_caps, return_reasons,
                        delivery_due_at, approved_payable, created_at, status, line_count, gross, discount_total, deductible_applied,
                        covered, patient_share, payable, paid_patient, paid_insurer, outstanding_patient, outstanding_insurer)
     values (gen_random_uuid(), ?, ?, ?, ?, 'OUTPATIENT', ?, 'CLP', '[]', '[]', ?, ?, ?, 'DRAFT', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     returning id`,
    [number, caseId, policy, liability, agency, dueAt, approved, createdAt],
  )) as [{ id: string }];
  await history("Claim", id, createdAt, changes);
}

async function visit(number: string, changes: [string, string, string, string][]) {
  const [{ id }] = (await sql<{ id: string }>(
    `insert into visit (id, number, kind, patient_id, site_id, status) values (gen_random_uuid(), ?, 'FIELD_VISIT', ?, ?, 'SCHEDULED') returning id`,
    [number, patient, hospital],
  )) as [{ id: string }];
  await history("Visit", id, null, changes);
}

/** The creation row (from null) and then [from, event, to, at] transitions. */
async function history(
  type: string,
  id: string,
  createdAt: string | null,
  changes: [string, string, string, string][],
) {
  const first = type === "Order" ? "ISSUED" : type === "Claim" ? "DRAFT" : "PENDING_ASSIGNMENT";
  if (createdAt)
    await sql(
      `insert into status_change (id, entity_type, entity_id, from_status, to_status, event, actor_kind, created_at)
       values (gen_random_uuid(), ?, ?, null, ?, 'CREATE', 'STAFF', ?)`,
      [type, id, first, createdAt],
    );
  for (const [from, event, to, at] of changes)
    await sql(
      `insert into status_change (id, entity_type, entity_id, from_status, to_status, event, actor_kind, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, 'STAFF', ?)`,
      [type, id, from, to, event, at],
    );
}

beforeAll(async () => {
  h = await createHarness(7);
  f = new SqlFixtures(h.orm);
  lab = await f.organization({ kind: "LAB", name: "Lab Central" });
  agency = await f.organization({ kind: "AGENCY", name: "Agencia Sur" });
  hospital = await f.organization({ kind: "HOSPITAL", name: "Hospital Río" });
  const insurer = await f.organization({ kind: "INSURER" });
  patient = await f.patient();
  caseId = (
    await sql<{ id: string }>(
      `insert into medical_case (id, number, patient_id, kind, incident_date, registered_by_id, scan_key)
       values (gen_random_uuid(), 'CASE-S-1', ?, 'OUTPATIENT', '2026-02-01', ?, '1234567820260201') returning id`,
      [patient, hospital],
    )
  )[0]!.id;
  policy = (
    await sql<{ id: string }>(
      `insert into policy (id, number, type, insurer_id, holder_name, valid_from, valid_to, currency)
       values (gen_random_uuid(), 'POL-1', 'INDIVIDUAL', ?, 'Ana Test', '2026-01-01', '2026-12-31', 'CLP') returning id`,
      [insurer],
    )
  )[0]!.id;
  liability = (
    await sql<{ id: string }>(
      `insert into liability (id, policy_id, code, name, coverage_rate) values (gen_random_uuid(), ?, 'OUT', 'Outpatient', 0.8) returning id`,
      [policy],
    )
  )[0]!.id;

  // Orders of Lab Central. Turnarounds of the March validations: 48 h, 24 h, 72 h.
  await order("O1", "2026-03-02T10:00:00Z", [
    ["ISSUED", "CONFIRM", "CONFIRMED", "2026-03-02T12:00:00Z"],
    ["IN_VERIFICATION", "APPROVE", "VALIDATED_FOR_BILLING", "2026-03-04T10:00:00Z"],
  ]);
  await order("O2", "2026-03-05T00:00:00Z", [
    ["ISSUED", "CONFIRM", "CONFIRMED", "2026-03-05T01:00:00Z"],
    ["IN_VERIFICATION", "APPROVE", "VALIDATED_FOR_BILLING", "2026-03-06T00:00:00Z"],
  ]);
  await order("O3", "2026-03-10T00:00:00Z", [
    ["IN_VERIFICATION", "APPROVE", "VALIDATED_FOR_BILLING", "2026-03-13T00:00:00Z"],
  ]);
  await order("O4", "2026-03-15T00:00:00Z", [["IN_VERIFICATION", "REJECT", "REJECTED", "2026-03-20T00:00:00Z"]]);
  await order("O5", "2026-03-16T00:00:00Z", [["ISSUED", "EXPIRE", "EXPIRED", "2026-03-25T00:00:00Z"]]);
  await order("O6", "2026-03-17T00:00:00Z", [["ISSUED", "VOID", "VOIDED", "2026-03-18T00:00:00Z"]]);
  // Issued in February, confirmed in March, validated in April: only the confirmation counts.
  await order("O7", "2026-02-27T00:00:00Z", [
    ["ISSUED", "CONFIRM", "CONFIRMED", "2026-03-01T10:00:00Z"],
    ["IN_VERIFICATION", "APPROVE", "VALIDATED_FOR_BILLING", "2026-04-02T00:00:00Z"],
  ]);
  // 00:30 on 1 March in Madrid (still 28 February in UTC): March.
  await order("O8", "2026-02-28T23:30:00Z", []);
  // 00:30 on 1 April in Madrid (still 31 March in UTC): April.
  await order("O9", "2026-03-31T22:30:00Z", []);

  // Claims of Agencia Sur.
  await claim("C1", "2026-03-03T09:00:00Z", "2026-03-20T23:00:00Z", "1500.5000", [
    ["DRAFT", "SUBMIT", "SUBMITTED", "2026-03-10T09:00:00Z"], // on time
    ["IN_REVIEW", "RETURN", "RETURNED", "2026-03-12T09:00:00Z"],
    ["RETURNED", "SUBMIT", "SUBMITTED", "2026-03-14T09:00:00Z"], // a resubmission: not counted again
    ["IN_REVIEW", "APPROVE", "APPROVED", "2026-03-16T09:00:00Z"],
  ]);
  await claim("C2", "2026-03-04T09:00:00Z", "2026-03-08T23:00:00Z", "499.5000", [
    ["DRAFT", "SUBMIT", "SUBMITTED", "2026-03-09T09:00:00Z"], // late
    ["IN_REVIEW", "APPROVE", "APPROVED", "2026-03-11T09:00:00Z"],
  ]);
  await claim("C3", "2026-02-20T09:00:00Z", "2026-03-05T23:00:00Z", null, [
    ["DRAFT", "SUBMIT", "SUBMITTED", "2026-03-02T09:00:00Z"],
  ]);
  await claim("C4", "2026-03-20T09:00:00Z", "2026-04-10T23:00:00Z", null, []);

  // Field visits at Hospital Río: one completed in March, one in April, one cancelled.
  await visit("V1", [["IN_REVIEW", "APPROVE", "COMPLETED", "2026-03-15T10:00:00Z"]]);
  await visit("V2", [["IN_REVIEW", "APPROVE", "COMPLETED", "2026-04-01T10:00:00Z"]]);
  await visit("V3", [["SCHEDULED", "CANCEL", "CANCELLED", "2026-03-10T10:00:00Z"]]);

  rt = await h.start({ consume: ["monthlyStatistics"], env: { TIME_ZONE: TZ } });
  events = new QueueEvents(QUEUE_NAMES.monthlyStatistics, {
    connection: { url: h.env.REDIS_URL },
    prefix: h.env.QUEUE_PREFIX,
  });
  await events.waitUntilReady();
});
afterAll(async () => {
  await events?.close();
  await h?.close();
});

async function runJob(month: string, jobId: string) {
  const job = await rt.queues.monthlyStatistics.add("recompute", { month }, { jobId });
  try {
    return await job.waitUntilFinished(events, 60_000);
  } catch (err) {
    const again = await rt.queues.monthlyStatistics.getJob(jobId);
    throw new Error(`${(err as Error).message}; state ${await again?.getState()}: ${again?.failedReason}`, {
      cause: err,
    });
  }
}

const statsOf = async (org: string) =>
  (await sql(`select * from monthly_statistic where organization_id = ? and month = '2026-03'`, [org]))[0] as Record<
    string,
    unknown
  >;

describe("monthly statistics job", () => {
  it("computes March per organisation with the hand-counted figures", async () => {
    expect(await runJob("2026-03", "stats-1")).toBe("2026-03: 3 organisations");
    expect(await statsOf(lab)).toMatchObject({
      orders_issued: 7, // O1–O6 and O8
      orders_confirmed: 3, // O1, O2, O7
      orders_validated: 3,
      orders_rejected: 1,
      orders_expired: 1,
      orders_voided: 1,
      turnaround_median_hours: 48, // of 24, 48, 72
      turnaround_p90_hours: 67.2, // 48 + 0.8 × (72 − 48), percentile_cont
      orders_first_pass: 3, // O1–O3: none was rejected before its validation
      claims_registered: 0,
      visits_completed: 0,
    });
    expect(await statsOf(agency)).toMatchObject({
      orders_issued: 0,
      claims_registered: 3, // C1, C2, C4
      claims_submitted: 3, // first submissions of C1, C2, C3
      claims_submitted_on_time: 2, // C1, C3
      claims_returned: 1,
      claims_approved: 2,
      claims_first_pass: 1, // C2; C1 was returned before its approval
      approved_amount: "2000.0000", // 1500.50 + 499.50
      currency: "CLP",
      turnaround_median_hours: null,
    });
    expect(await statsOf(hospital)).toMatchObject({ visits_completed: 1, orders_issued: 0, claims_registered: 0 });
  });

  it("replaces the month on a re-run instead of adding to it", async () => {
    const before = await sql(`select * from monthly_statistic where month = '2026-03' order by organization_id`);
    await runJob("2026-03", "stats-2");
    const same = await sql(`select * from monthly_statistic where month = '2026-03' order by organization_id`);
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ computed_at: _c, updated_at: _u, ...rest }) => rest);
    expect(strip(same as Record<string, unknown>[])).toEqual(strip(before as Record<string, unknown>[]));

    // The hospital's only completion is corrected away: its row goes, the others stay.
    await sql(`delete from status_change where entity_type = 'Visit' and created_at = '2026-03-15T10:00:00Z'`);
    await runJob("2026-03", "stats-3");
    expect(await statsOf(hospital)).toBeUndefined();
    expect(await statsOf(lab)).toMatchObject({ orders_issued: 7 });
    const [{ n }] = (await sql(`select count(*)::int as n from monthly_statistic`)) as [{ n: number }];
    expect(n).toBe(2);
  });
});
