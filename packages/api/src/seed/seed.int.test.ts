import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test-support/server.fixtures.js";
import { loginAs } from "../test-support/entities.fixtures.js";
import { DEMO_API_KEYS, DEMO_LOGINS, DEMO_TODAY, fullApiKey, seedDemoData, type SeedResult } from "./index.js";

let api: TestApi;
let result: SeedResult;

// The demo region (200 patients, hashed passwords, two months of orders, visits and claims)
// is seeded once for every test of it: minutes on a busy machine, so the deadline is wide.
beforeAll(async () => {
  api = await startTestApi();
  result = await seedDemoData(api.orm);
}, 900_000);
afterAll(async () => api?.close());

async function counts(): Promise<Record<string, number>> {
  const rows = await api.orm.em.getConnection().execute<{ t: string; n: number }[]>(
    `select 'organization' t, count(*)::int n from organization
     union all select 'app_user', count(*)::int from app_user
     union all select 'patient', count(*)::int from patient
     union all select 'policy', count(*)::int from policy
     union all select 'liability', count(*)::int from liability
     union all select 'policy_member', count(*)::int from policy_member
     union all select 'service_code', count(*)::int from service_code
     union all select 'api_key', count(*)::int from api_key
     union all select 'work_calendar', count(*)::int from work_calendar`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

describe("demo seed", () => {
  it("gives the operator branches with partners, cases and staff in each, and head-office staff", async () => {
    const rows = await api.orm.em
      .getConnection()
      .execute<{ code: string; partners: number; cases: number; staff: number }[]>(
        `select b.code,
         (select count(*)::int from organization o where o.branch_id = b.id) as partners,
         (select count(*)::int from medical_case c where c.branch_id = b.id) as cases,
         (select count(*)::int from user_branch ub where ub.branch_id = b.id) as staff
       from branch b order by b.code`,
      );
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(Object.keys(byCode)).toEqual(["SHA", "SOF", "THR", "VAL"]);
    for (const code of ["SHA", "VAL"]) {
      expect(byCode[code]!.cases).toBeGreaterThan(0);
      expect(byCode[code]!.staff).toBe(2);
    }
    const head = await api.orm.em.getConnection().execute<{ n: number }[]>(
      `select count(*)::int n from app_user u join organization o on o.id = u.organization_id
           where o.kind = 'OPERATOR' and not exists (select 1 from user_branch ub where ub.user_id = u.id)`,
    );
    expect(head[0]!.n).toBe(6);
  });

  it("seeds a fresh database with the demo region", async () => {
    expect(result.seeded).toBe(true);
    const c = await counts();
    expect(c).toMatchObject({
      organization: 15,
      // 9 staff and 4 partner users
      app_user: 13,
      patient: 200,
      service_code: 19,
      api_key: 6,
      work_calendar: 4,
    });
    expect(c.policy).toBeGreaterThan(10);
    expect(c.liability).toBe(c.policy! * 3);
    expect(c.policy_member).toBeGreaterThan(150);
    const kinds = await api.orm.em
      .getConnection()
      .execute<{ kind: string; n: number }[]>(
        `select kind, count(*)::int n from organization group by kind order by kind`,
      );
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      OPERATOR: 1,
      CLINIC: 3,
      LAB: 3,
      HOSPITAL: 2,
      INTERCONSULTANT: 2,
      AGENCY: 2,
      INSURER: 2,
    });
    const iran = await api.orm.em
      .getConnection()
      .execute(`select weekend_days from work_calendar where country = 'IR'`);
    expect(iran[0].weekend_days).toEqual([5]);
    expect(result.credentials.logins.map((l) => l.email)).toEqual(DEMO_LOGINS.map((l) => l.email));
    // The dashboard has figures at once: the statistics of the current month exist.
    const month = DEMO_TODAY.slice(0, 7);
    const stats = await api.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int n from monthly_statistic where month = ?`, [month]);
    expect(stats[0]!.n).toBeGreaterThan(0);
    // History is dated when the seed says it happened (two months of work, 7 h per step),
    // so the dashboard's turnaround reads hours and days, not the seconds the seed ran.
    const [history] = await api.orm.em.getConnection().execute<{ months: number; hours: number }[]>(
      `select count(distinct to_char(s.created_at, 'YYYY-MM'))::int as months,
              (percentile_cont(0.5) within group (order by extract(epoch from v.created_at - o.created_at) / 3600))::float as hours
         from status_change s
         join attention_order o on o.id = s.entity_id
         join status_change v on v.entity_id = o.id and v.to_status = 'VALIDATED_FOR_BILLING'
        where s.entity_type = 'Order' and s.event = 'ISSUE'`,
    );
    expect(history!.months).toBeGreaterThanOrEqual(2);
    expect(history!.hours).toBeGreaterThan(24);
  });

  it("stores national ids encrypted and patients in four languages", async () => {
    const rows = await api.orm.em
      .getConnection()
      .execute<{ language: string; enc: string }[]>(`select language, national_id_enc enc from patient`);
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(["es", "zh", "fa", "bg"]));
    expect(rows.every((r) => r.enc.startsWith("k1:"))).toBe(true);
  });

  it("gives working demo logins, visitors linked to hospitals, and working demo API keys", async () => {
    const admin = DEMO_LOGINS.find((l) => l.key === "admin")!;
    const token = await loginAs(api.gql, admin.email, admin.password);
    const users = await api.gql<{ users: { nodes: { email: string; coveredHospitals: { kind: string }[] }[] } }>(
      `{ users(filter: { role: VISITOR }) { nodes { email coveredHospitals { kind } } } }`,
      {},
      token,
    );
    const visitors = users.data.users.nodes;
    expect(visitors.map((v) => v.email).sort()).toEqual(["visitor1@clinigraph.demo", "visitor2@clinigraph.demo"]);
    expect(
      visitors.every((v) => v.coveredHospitals.length > 0 && v.coveredHospitals.every((h) => h.kind === "HOSPITAL")),
    ).toBe(true);
    for (const k of DEMO_API_KEYS) {
      const res = await api.gql<{ viewer: { kind: string; roles: string[] } }>(
        `{ viewer { kind roles } }`,
        {},
        fullApiKey(k),
      );
      expect(res.data.viewer).toEqual({ kind: "PARTNER", roles: [k.kind] });
    }
  });

  it("seeds nothing the second time, with or without --force", async () => {
    const before = await counts();
    const again = await seedDemoData(api.orm);
    expect(again.seeded).toBe(false);
    const forced = await seedDemoData(api.orm, { force: true });
    expect(forced.seeded).toBe(false);
    expect(await counts()).toEqual(before);
    // The credentials are still reported so `pnpm dev` can print them on every start.
    expect(again.credentials.apiKeys).toHaveLength(DEMO_API_KEYS.length);
  });
});

describe("demo visits", () => {
  it("seeds field visits in every state and appointments with reminders due", async () => {
    const sql = api.orm.em.getConnection();
    const byStatus = await sql.execute<{ kind: string; status: string; n: number }[]>(
      `select kind, status, count(*)::int n from visit group by kind, status`,
    );
    const count = (kind: string, status?: string) =>
      byStatus.filter((r) => r.kind === kind && (!status || r.status === status)).reduce((a, r) => a + r.n, 0);
    expect(count("FIELD_VISIT")).toBeGreaterThanOrEqual(30);
    for (const s of [
      "PENDING_ASSIGNMENT",
      "SCHEDULED",
      "IN_PROGRESS",
      "IN_REVIEW",
      "RETURNED",
      "COMPLETED",
      "CANCELLED",
    ])
      expect(count("FIELD_VISIT", s), s).toBeGreaterThan(0);
    expect(count("APPOINTMENT")).toBe(40);
    for (const s of ["SCHEDULED", "COMPLETED", "NO_SHOW", "CANCELLED"])
      expect(count("APPOINTMENT", s), s).toBeGreaterThan(0);

    const [due] = await sql.execute<{ now: number; tomorrow: number }[]>(
      `select count(*) filter (where reminder_due_at <= now())::int as now,
              count(*) filter (where reminder_due_at > now() and reminder_due_at <= now() + interval '1 day')::int as tomorrow
         from visit where kind = 'APPOINTMENT' and status = 'SCHEDULED' and reminded_at is null`,
    );
    expect(due!.now).toBeGreaterThan(0);
    expect(due!.tomorrow).toBeGreaterThan(0);
    const [sms] = await sql.execute<{ n: number }[]>(
      `select count(*)::int n from notification where template = 'visit-assigned'`,
    );
    expect(sms!.n).toBeGreaterThan(20);
    const [claims] = await sql.execute<{ n: number }[]>(
      `select count(*)::int n from claim c join visit v on v.id = c.source_visit_id where v.status = 'COMPLETED'`,
    );
    expect(claims!.n).toBeGreaterThan(0);
  });
});

describe("demo claims", () => {
  it("seeds 60 claims in every state, with payments that match what is owed", async () => {
    const db = api.orm.em.getConnection();
    // The agencies' outpatient claims; the visits step adds INPATIENT drafts of its own.
    const byStatus = await db.execute<{ status: string; n: number }[]>(
      `select status, count(*)::int n from claim where kind = 'OUTPATIENT' group by status`,
    );
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({
      DRAFT: 10,
      SUBMITTED: 7,
      IN_REVIEW: 7,
      RETURNED: 8,
      APPROVED: 10,
      SETTLED: 12,
      DENIED: 3,
      CANCELLED: 3,
    });
    const settledOwing = await db.execute<{ n: number }[]>(
      `select count(*)::int n from claim where status = 'SETTLED' and (outstanding_insurer <> 0 or outstanding_patient <> 0)`,
    );
    expect(settledOwing[0]!.n).toBe(0);
    const payments = await db.execute<{ n: number }[]>(`select count(*)::int n from payment`);
    expect(payments[0]!.n).toBeGreaterThanOrEqual(22);
  });
});
