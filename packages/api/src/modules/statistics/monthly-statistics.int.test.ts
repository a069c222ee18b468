import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { DEFAULT_QUEUE_PREFIX, QUEUE_NAMES } from "../../platform/queues/queue-names.js";

let api: TestApi;
let fx: Fixtures;
let labId: string;
let otherId: string;
let otherOrg: Awaited<ReturnType<Fixtures["organization"]>>;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const lab = await fx.organization(OrganizationKind.LAB, { name: 'Lab, "Central"' });
  const other = await fx.organization(OrganizationKind.CLINIC);
  labId = lab.id;
  otherId = other.id;
  otherOrg = other;
  const insert = `insert into monthly_statistic (id, organization_id, month, orders_issued, orders_confirmed, orders_validated,
      orders_rejected, orders_expired, orders_voided, turnaround_median_hours, turnaround_p90_hours, claims_registered,
      claims_submitted, claims_submitted_on_time, claims_returned, claims_approved, approved_amount, currency, visits_completed, computed_at)
    values (gen_random_uuid(), ?, ?, ?, 1, 1, 0, 0, 0, 24.5, 40, 0, 0, 0, 0, 0, null, null, 0, now())`;
  const conn = api.orm.em.getConnection();
  await conn.execute(insert, [labId, "2026-02", 4]);
  await conn.execute(insert, [labId, "2026-03", 7]);
  await conn.execute(insert, [otherId, "2026-03", 2]);
});
afterAll(async () => api?.close());

const LIST = `query($f: MonthlyStatisticFilter) { monthlyStatistics(filter: $f, first: 10) {
  totalCount nodes { month organizationId ordersIssued turnaroundMedianHours organization { name } } } }`;

describe("monthlyStatistics", () => {
  it("lists a month range for staff, newest month first", async () => {
    const u = await fx.user(["OPERATOR"]);
    const token = await loginAs(api.gql, u.email, u.password);
    const res = await api.gql<{
      monthlyStatistics: { totalCount: number; nodes: { month: string; ordersIssued: number }[] };
    }>(LIST, { f: { organizationId: labId, monthFrom: "2026-01", monthTo: "2026-03" } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.monthlyStatistics.nodes.map((n) => [n.month, n.ordersIssued])).toEqual([
      ["2026-03", 7],
      ["2026-02", 4],
    ]);
  });

  it("shows a partner only its own organisation's figures", async () => {
    const { secret } = await fx.apiKey(otherOrg);
    const res = await api.gql<{ monthlyStatistics: { nodes: { organizationId: string }[] } }>(LIST, {}, secret);
    expect(res.data.monthlyStatistics.nodes.map((n) => n.organizationId)).toEqual([otherId]);
  });
});

describe("recomputeMonthlyStatistics", () => {
  it("queues one job per month for an operator and refuses a malformed month", async () => {
    const u = await fx.user(["OPERATOR"]);
    const token = await loginAs(api.gql, u.email, u.password);
    const M = `mutation($m: String!) { recomputeMonthlyStatistics(input: { month: $m }) { recompute { month jobId } userErrors { code } } }`;
    const res = await api.gql<{ recomputeMonthlyStatistics: { recompute: { jobId: string } } }>(
      M,
      { m: "2026-03" },
      token,
    );
    expect(res.data.recomputeMonthlyStatistics.recompute.jobId).toBe("recompute-2026-03");
    const queue = new Queue(QUEUE_NAMES.monthlyStatistics, {
      connection: { url: api.config.REDIS_URL },
      prefix: DEFAULT_QUEUE_PREFIX,
    });
    const job = await queue.getJob("recompute-2026-03");
    expect(job?.data).toEqual({ month: "2026-03" });
    await job?.remove();
    await queue.close();
    const bad = await api.gql<{ recomputeMonthlyStatistics: { userErrors: { code: string }[] } }>(
      M,
      { m: "2026-13" },
      token,
    );
    expect(bad.data.recomputeMonthlyStatistics.userErrors[0]!.code).toBe("INVALID_MONTH");
  });

  it("is refused to a reviewer", async () => {
    const u = await fx.user(["REVIEWER"]);
    const token = await loginAs(api.gql, u.email, u.password);
    const res = await api.gql(
      `mutation { recomputeMonthlyStatistics(input: { month: "2026-03" }) { userErrors { code } } }`,
      {},
      token,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("GET /exports/monthly-statistics.csv", () => {
  it("exports the month's rows as CSV with quoted names", async () => {
    const u = await fx.user(["OPERATOR"]);
    const token = await loginAs(api.gql, u.email, u.password);
    const res = await fetch(`${api.url}/exports/monthly-statistics.csv?month=2026-03`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^month,organization_id,organization,orders_issued,/);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(labId))).toContain(`2026-03,${labId},"Lab, ""Central""",7,1,1,0,0,0,24.5,40`);
  });

  it("refuses an anonymous caller", async () => {
    const res = await fetch(`${api.url}/exports/monthly-statistics.csv?month=2026-03`);
    expect(res.status).toBe(401);
  });
});

describe("/admin/queues", () => {
  it("opens for an ADMIN, moving a ?token= into a cookie, and refuses other staff", async () => {
    const admin = await fx.user(["ADMIN"]);
    const adminToken = await loginAs(api.gql, admin.email, admin.password);
    const first = await fetch(`${api.url}/admin/queues?token=${adminToken}`, { redirect: "manual" });
    expect(first.status).toBe(303);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    const page = await fetch(`${api.url}/admin/queues`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const apiList = await fetch(`${api.url}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(apiList.status).toBe(200);
    const body = (await apiList.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUE_NAMES).sort());

    const op = await fx.user(["OPERATOR"]);
    const opToken = await loginAs(api.gql, op.email, op.password);
    expect((await fetch(`${api.url}/admin/queues`, { headers: { authorization: `Bearer ${opToken}` } })).status).toBe(
      403,
    );
    expect((await fetch(`${api.url}/admin/queues`)).status).toBe(401);
  });
});
