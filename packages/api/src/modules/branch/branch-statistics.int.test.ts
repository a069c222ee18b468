import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind, type Organization } from "../organization/organization.entity.js";
import { MonthlyStatistic } from "../statistics/monthly-statistic.entity.js";
import { coverOrganization, createBranch, query, setUserBranches } from "./branch.fixtures.js";
import { BRANCH_COUNTS } from "./branch-statistics.js";

/**
 * Monthly statistics rolled up by branch (SPEC §8): the figures of the organisations under
 * each branch's coverage summed, the rates derived from the sums (never averaged), in
 * GraphQL and the CSV; a branch session sees its own branch only.
 *
 * The fixture, month 2026-01 (counts not named are 0):
 *   Tehran (TEH):  agency A  claims approved 4, first pass 3, deliveries due 5, on time 4, 100.50 EUR
 *                  clinic A  orders issued 3, validated 2, first pass 1, due 4, on time 3;
 *                            claims approved 2, first pass 2, 20.25 EUR
 *   Isfahan (ISF): agency B  claims approved 1, first pass 0, deliveries due 2, on time 1, 7.00 EUR
 *   no branch:     lab X     orders validated 5, first pass 5
 * so Tehran: orders first pass 1/2 = 0.5000, on time 3/4 = 0.7500, claims first pass
 * (3+2)/(4+2) = 5/6 = 0.8333, on time 4/5 = 0.8000, approved 120.75 EUR; Isfahan: claims
 * first pass 0/1 = 0.0000, on time 1/2 = 0.5000; head office's partners: orders first pass 1.0000.
 * A row of 2026-02 (agency A) stays out of January's figures.
 */
let api: TestApi;
let head: string;
let tehranStaff: string;
const branch: Record<string, string> = {};

async function figures(
  fx: Fixtures,
  org: Organization,
  month: string,
  counts: Partial<Record<string, number>>,
  amount: string | null,
) {
  const row = fx.em.create(MonthlyStatistic, {
    organization: org,
    month,
    ...Object.fromEntries(BRANCH_COUNTS.map((c) => [c, counts[c] ?? 0])),
    approvedAmount: amount,
    currency: amount ? "EUR" : null,
    computedAt: new Date(),
  } as never);
  await fx.em.persist(row).flush();
}

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  const admin = await fx.user(["ADMIN"]);
  head = await loginAs(api.gql, admin.email, admin.password);
  branch.TEH = await createBranch(api, head, "TEH", "Tehran province office");
  branch.ISF = await createBranch(api, head, "ISF", "Isfahan province office");
  const agencyA = await fx.organization(OrganizationKind.AGENCY);
  const clinicA = await fx.organization(OrganizationKind.CLINIC);
  const agencyB = await fx.organization(OrganizationKind.AGENCY);
  const labX = await fx.organization(OrganizationKind.LAB);
  await coverOrganization(api, head, agencyA.id, branch.TEH);
  await coverOrganization(api, head, clinicA.id, branch.TEH);
  await coverOrganization(api, head, agencyB.id, branch.ISF);
  await figures(
    fx,
    agencyA,
    "2026-01",
    { claimsApproved: 4, claimsFirstPass: 3, claimDeliveriesDue: 5, claimDeliveriesOnTime: 4 },
    "100.50",
  );
  await figures(
    fx,
    clinicA,
    "2026-01",
    {
      ordersIssued: 3,
      ordersValidated: 2,
      ordersFirstPass: 1,
      ordersDue: 4,
      ordersDueOnTime: 3,
      claimsApproved: 2,
      claimsFirstPass: 2,
    },
    "20.25",
  );
  await figures(fx, agencyB, "2026-01", { claimsApproved: 1, claimDeliveriesDue: 2, claimDeliveriesOnTime: 1 }, "7.00");
  await figures(fx, labX, "2026-01", { ordersValidated: 5, ordersFirstPass: 5 }, null);
  await figures(fx, agencyA, "2026-02", { claimsApproved: 9, claimsFirstPass: 9 }, "1.00");
  const op = await fx.user(["OPERATOR"]);
  await setUserBranches(api, head, op.id, [branch.TEH]);
  tehranStaff = await loginAs(api.gql, op.email, op.password);
}, 300_000);
afterAll(async () => api?.close());

const ROLLUP = `query($from: String!, $to: String!) { branchMonthlyStatistics(monthFrom: $from, monthTo: $to) {
  branch { code } month organizations ordersIssued ordersValidated claimsApproved approvedAmount currency
  ordersFirstPassRate { ratio } ordersOnTimeRate { ratio } claimsFirstPassRate { ratio } claimsOnTimeRate { ratio } } }`;
interface Rollup {
  branchMonthlyStatistics: {
    branch: { code: string } | null;
    month: string;
    organizations: number;
    claimsApproved: number;
    approvedAmount: string | null;
    ordersFirstPassRate: { ratio: string | null };
    ordersOnTimeRate: { ratio: string | null };
    claimsFirstPassRate: { ratio: string | null };
    claimsOnTimeRate: { ratio: string | null };
  }[];
}

describe("monthly statistics by branch", () => {
  it("sums each branch's organisations and derives the rates from the sums", async () => {
    const r = await query<Rollup>(api, ROLLUP, { from: "2026-01", to: "2026-01" }, head);
    expect(r.branchMonthlyStatistics).toEqual([
      expect.objectContaining({
        branch: null,
        organizations: 1,
        ordersValidated: 5,
        ordersFirstPassRate: { ratio: "1.0000" },
        claimsFirstPassRate: { ratio: null },
        approvedAmount: null,
      }),
      expect.objectContaining({
        branch: { code: "ISF" },
        organizations: 1,
        claimsApproved: 1,
        claimsFirstPassRate: { ratio: "0.0000" },
        claimsOnTimeRate: { ratio: "0.5000" },
        approvedAmount: "7.00",
        currency: "EUR",
      }),
      {
        branch: { code: "TEH" },
        month: "2026-01",
        organizations: 2,
        ordersIssued: 3,
        ordersValidated: 2,
        claimsApproved: 6,
        approvedAmount: "120.75",
        currency: "EUR",
        ordersFirstPassRate: { ratio: "0.5000" },
        ordersOnTimeRate: { ratio: "0.7500" },
        claimsFirstPassRate: { ratio: "0.8333" },
        claimsOnTimeRate: { ratio: "0.8000" },
      },
    ]);
  });

  it("gives a branch session its own branch only, month by month", async () => {
    const r = await query<Rollup>(api, ROLLUP, { from: "2026-01", to: "2026-02" }, tehranStaff);
    expect(r.branchMonthlyStatistics.map((s) => [s.branch?.code, s.month, s.claimsApproved])).toEqual([
      ["TEH", "2026-01", 6],
      ["TEH", "2026-02", 9],
    ]);
    // The per-organisation list is confined the same way.
    const list = await query<{ monthlyStatistics: { totalCount: number } }>(
      api,
      `{ monthlyStatistics(filter: { monthFrom: "2026-01", monthTo: "2026-01" }) { totalCount } }`,
      {},
      tehranStaff,
    );
    expect(list.monthlyStatistics.totalCount).toBe(2);
  });

  it("exports the roll-up as CSV with the same figures", async () => {
    const res = await fetch(`${api.url}/exports/branch-statistics.csv?month=2026-01`, {
      headers: { authorization: `Bearer ${tehranStaff}` },
    });
    expect(res.status).toBe(200);
    const [header, ...rows] = (await res.text()).trim().split("\r\n");
    const cols = header!.split(",");
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(rows[0]!.split(",").map((v, i) => [cols[i], v]));
    expect(row).toMatchObject({
      month: "2026-01",
      branch_code: "TEH",
      organizations: "2",
      claims_approved: "6",
      approved_amount: "120.75",
      claims_first_pass_rate: "0.8333",
      orders_on_time_rate: "0.7500",
    });
  });
});
