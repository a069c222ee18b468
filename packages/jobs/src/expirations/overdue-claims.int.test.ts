import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures } from "../test-support/sql.fixtures.js";
import { flagOverdueClaims } from "./flag-overdue-claims.js";

let h: Harness;
let f: SqlFixtures;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) =>
  h.orm.em.getConnection().execute(q, p) as Promise<T[]>;

beforeAll(async () => {
  h = await createHarness(7);
  f = new SqlFixtures(h.orm);
});
afterAll(async () => h?.close());

describe("overdue claim sweep", () => {
  it("flags each overdue DRAFT or RETURNED claim once and notifies its agency once, with two workers sweeping", async () => {
    const agency = await f.organization({ kind: "AGENCY" });
    await sql(`update organization set email = 'claims@agency.test' where id = ?`, [agency]);
    const insurer = await f.organization({ kind: "INSURER" });
    const patient = await f.patient();
    const [{ id: caseId }] = (await sql(
      `insert into medical_case (id, number, patient_id, kind, incident_date, registered_by_id, scan_key)
       values (gen_random_uuid(), 'CASE-C-1', ?, 'OUTPATIENT', '2026-02-01', ?, '1234567820260201') returning id`,
      [patient, agency],
    )) as [{ id: string }];
    const [{ id: policy }] = (await sql(
      `insert into policy (id, number, type, insurer_id, holder_name, valid_from, valid_to, currency)
       values (gen_random_uuid(), 'POL-C', 'INDIVIDUAL', ?, 'Ana', '2026-01-01', '2026-12-31', 'CLP') returning id`,
      [insurer],
    )) as [{ id: string }];
    const [{ id: liability }] = (await sql(
      `insert into liability (id, policy_id, code, name, coverage_rate) values (gen_random_uuid(), ?, 'OUT', 'Outpatient', 0.8) returning id`,
      [policy],
    )) as [{ id: string }];
    const claim = async (number: string, status: string, dueInHours: number, flagged = false) =>
      (
        (await sql(
          `insert into claim (id, number, case_id, policy_id, liability_id, kind, registered_by_id, currency, applied_caps, return_reasons,
                              delivery_due_at, overdue_flagged_at, status, line_count, gross, discount_total, deductible_applied,
                              covered, patient_share, payable, paid_patient, paid_insurer, outstanding_patient, outstanding_insurer)
           values (gen_random_uuid(), ?, ?, ?, ?, 'OUTPATIENT', ?, 'CLP', '[]', '[]', now() + ? * interval '1 hour', ?, ?,
                   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) returning id`,
          [number, caseId, policy, liability, agency, dueInHours, flagged ? new Date() : null, status],
        )) as [{ id: string }]
      )[0].id;
    const draft = await claim("CLM-1", "DRAFT", -2);
    const returned = await claim("CLM-2", "RETURNED", -2);
    await claim("CLM-3", "DRAFT", -2, true); // flagged by an earlier sweep
    await claim("CLM-4", "DRAFT", +24); // not due yet
    await claim("CLM-5", "SUBMITTED", -2); // delivered, late or not

    const a = await h.start({ consume: [] });
    const b = await h.start({ consume: [] });
    const [byA, byB] = await Promise.all([flagOverdueClaims(a), flagOverdueClaims(b)]);
    expect(byA + byB).toBe(2);
    expect(await flagOverdueClaims(a)).toBe(0);

    const flagged = await sql<{ number: string }>(
      `select number from claim where overdue_flagged_at is not null order by number`,
    );
    expect(flagged.map((r) => r.number)).toEqual(["CLM-1", "CLM-2", "CLM-3"]);
    const notices = await sql<{ related_id: string; recipient: string }>(
      `select related_id, recipient from notification where template = 'claim-overdue' order by related_id`,
    );
    expect(notices.map((n) => n.related_id).sort()).toEqual([draft, returned].sort());
    expect(notices.every((n) => n.recipient === "claims@agency.test")).toBe(true);
  });
});
