import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM } from "../../platform/auth/principal.js";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind, type Organization } from "../organization/organization.entity.js";
import { attach, fire, issueOrder, startKit, TRAUMA_FORM, type Kit, type OrderView } from "../order/order.fixtures.js";
import { dentalFeeSchedule, insuredPatientWithCase } from "../claim/claim.fixtures.js";
import { TRANSITION as CLAIM_TRANSITION } from "../claim/claim-graphql.fixtures.js";
import { computeMonthlyStatistics } from "./monthly-statistics.service.js";

/**
 * Issue #16 item 6 end to end: every order and claim below goes through the real state
 * machines over GraphQL, each mutation at the instant the test names (vitest fakes Date;
 * timers stay real), then March 2026 is computed as the worker computes it and read back
 * through GraphQL, the ranking and the CSV. The expected figures are counted by hand in
 * the comments.
 */
let kit: Kit;
let reviewer: string;
let visitor: string;
let insurer: Organization;
let agency1: { org: Organization; key: string };
let agency2: { org: Organization; key: string };

function at(iso: string): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}
afterEach(() => vi.useRealTimers());

/** An order to `lab` issued on 2 March with the given report deadline, confirmed and in evaluation. */
async function orderInEvaluation(lab: Organization, key: string, dueAt: string): Promise<OrderView> {
  at("2026-03-02T10:00:00Z");
  const o = await issueOrder(kit, {
    providerId: lab.id,
    confirmBy: "2026-03-03T10:00:00Z",
    dueAt,
  });
  at("2026-03-02T12:00:00Z");
  return fire(kit, key, await fire(kit, key, o, "CONFIRM"), "START_EVALUATION");
}

/** Attaches a FINAL report and submits it for review at `when`. */
async function deliver(o: OrderView, key: string, when: string, event = "SUBMIT_FOR_REVIEW"): Promise<OrderView> {
  at(when);
  const attached = await attach(kit, key, o.id, "FINAL", { form: TRAUMA_FORM });
  expect(attached.userErrors).toEqual([]);
  return fire(kit, key, attached.order!, event);
}

async function approveOrder(o: OrderView, when: string): Promise<OrderView> {
  at(when);
  return fire(kit, kit.operator, o, "APPROVE");
}

interface ClaimView {
  id: string;
  version: number;
  status: string;
}

async function claimEvent(c: ClaimView, event: string, token: string, when: string, extra = {}): Promise<ClaimView> {
  at(when);
  const res = await kit.api.gql<{ transitionClaim: { claim: ClaimView | null; userErrors: unknown[] } }>(
    CLAIM_TRANSITION,
    { input: { id: c.id, event, expectedVersion: c.version, ...extra } },
    token,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.transitionClaim.userErrors, event).toEqual([]);
  return res.data.transitionClaim.claim!;
}

async function registerClaim(agency: { org: Organization; key: string }, when: string): Promise<ClaimView> {
  const cov = await insuredPatientWithCase(kit.fx.em, {
    insurer,
    registeredBy: agency.org,
    incidentDate: "2026-02-01",
  });
  at(when);
  const res = await kit.api.gql<{ registerClaim: { claim: ClaimView | null; userErrors: unknown[] } }>(
    `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { id version status } userErrors { code message } } }`,
    {
      input: {
        caseId: cov.kase.id,
        policyId: cov.policy.id,
        liabilityId: cov.liability.id,
        lines: [{ system: "CDT", code: "D1110", quantity: 1 }],
      },
    },
    agency.key,
  );
  expect(res.data.registerClaim.userErrors).toEqual([]);
  return res.data.registerClaim.claim!;
}

/** SUBMIT at `submitAt`, START_REVIEW an hour later. */
async function submitForReview(c: ClaimView, key: string, submitAt: string): Promise<ClaimView> {
  const submitted = await claimEvent(c, "SUBMIT", key, submitAt);
  return claimEvent(submitted, "START_REVIEW", reviewer, new Date(Date.parse(submitAt) + 3_600_000).toISOString());
}

async function windowsOf(id: string, key: string): Promise<{ dueAt: string; deliveredAt: string | null }[]> {
  vi.useRealTimers();
  const res = await kit.api.gql<{ claim: { deliveryWindows: { dueAt: string; deliveredAt: string | null }[] } }>(
    `query($id: ID!) { claim(id: $id) { deliveryWindows { dueAt deliveredAt } } }`,
    { id },
    key,
  );
  return res.data.claim.deliveryWindows;
}

beforeAll(async () => {
  kit = await startKit();
  const rev = await kit.fx.user(["REVIEWER"]);
  reviewer = await loginAs(kit.api.gql, rev.email, rev.password);
  const vis = await kit.fx.user(["VISITOR"]);
  visitor = await loginAs(kit.api.gql, vis.email, vis.password);
  insurer = await kit.fx.organization(OrganizationKind.INSURER);
  await dentalFeeSchedule(kit.fx.em);
  for (const name of ["Agencia Norte", "Agencia Sur"]) {
    const org = await kit.fx.organization(OrganizationKind.AGENCY, { name } as never);
    const agency = { org, key: (await kit.fx.apiKey(org)).secret };
    if (name === "Agencia Norte") agency1 = agency;
    else agency2 = agency;
  }

  // Lab A. O1, O2: delivered by their deadline, approved first time.
  const o1 = await orderInEvaluation(kit.labA, kit.labAKey, "2026-03-10T18:00:00Z");
  await approveOrder(await deliver(o1, kit.labAKey, "2026-03-05T10:00:00Z"), "2026-03-06T10:00:00Z");
  const o2 = await orderInEvaluation(kit.labA, kit.labAKey, "2026-03-12T18:00:00Z");
  await approveOrder(await deliver(o2, kit.labAKey, "2026-03-04T10:00:00Z"), "2026-03-05T10:00:00Z");
  // O3: delivered on time, rejected, resubmitted with a new report, approved: not first pass.
  let o3 = await deliver(
    await orderInEvaluation(kit.labA, kit.labAKey, "2026-03-15T18:00:00Z"),
    kit.labAKey,
    "2026-03-06T10:00:00Z",
  );
  at("2026-03-07T10:00:00Z");
  o3 = await fire(kit, kit.operator, o3, "REJECT", { reasonCode: "INCOMPLETE_REPORT", reason: "Falta anexo" });
  o3 = await deliver(o3, kit.labAKey, "2026-03-09T10:00:00Z", "RESUBMIT");
  await approveOrder(o3, "2026-03-10T10:00:00Z");
  // O4: delivered a day after its deadline, approved first time: first pass, late.
  const o4 = await orderInEvaluation(kit.labA, kit.labAKey, "2026-03-08T18:00:00Z");
  await approveOrder(await deliver(o4, kit.labAKey, "2026-03-09T10:00:00Z"), "2026-03-11T10:00:00Z");
  // O5: due on 20 March, never delivered: late.
  await orderInEvaluation(kit.labA, kit.labAKey, "2026-03-20T18:00:00Z");
  // O6: voided on 10 March before its deadline of 25 March: no outcome, left out.
  const o6 = await orderInEvaluation(kit.labA, kit.labAKey, "2026-03-25T18:00:00Z");
  at("2026-03-10T10:00:00Z");
  await fire(kit, kit.operator, o6, "VOID", { reason: "Caso cerrado" });

  // Lab B. P1: on time, first pass.
  const p1 = await orderInEvaluation(kit.labB, kit.labBKey, "2026-03-10T18:00:00Z");
  await approveOrder(await deliver(p1, kit.labBKey, "2026-03-03T10:00:00Z"), "2026-03-04T10:00:00Z");

  // Agencia Norte. C1: delivered on time, approved first time.
  const c1 = await submitForReview(
    await registerClaim(agency1, "2026-03-02T12:00:00Z"),
    agency1.key,
    "2026-03-03T12:00:00Z",
  );
  await claimEvent(c1, "APPROVE", reviewer, "2026-03-05T12:00:00Z");
  // C2: delivered on time, returned, delivered again on time, approved: not first pass.
  let c2 = await submitForReview(
    await registerClaim(agency1, "2026-03-02T12:00:00Z"),
    agency1.key,
    "2026-03-03T12:00:00Z",
  );
  c2 = await claimEvent(c2, "RETURN", reviewer, "2026-03-04T12:00:00Z", {
    returnReasons: [{ code: "DOCS", text: "Falta la factura" }],
  });
  c2 = await submitForReview(c2, agency1.key, "2026-03-06T12:00:00Z");
  await claimEvent(c2, "APPROVE", reviewer, "2026-03-09T12:00:00Z");
  // C3: registered on 2 March and never delivered: its window lapses in March, late.
  await registerClaim(agency1, "2026-03-02T12:00:00Z");
  // C4: cancelled on 5 March, before its window's end: left out.
  const c4 = await registerClaim(agency1, "2026-03-02T12:00:00Z");
  await claimEvent(c4, "CANCEL", agency1.key, "2026-03-05T12:00:00Z", { reason: "Duplicado" });
  // C5: registered in February, delivered after its window closed in March: late, still in review.
  const c5 = await registerClaim(agency1, "2026-02-20T12:00:00Z");
  const c5Due = (await windowsOf(c5.id, agency1.key))[0]!.dueAt;
  await submitForReview(c5, agency1.key, new Date(Date.parse(c5Due) + 86_400_000).toISOString());

  // Agencia Sur. D1: on time, first pass.
  const d1 = await submitForReview(
    await registerClaim(agency2, "2026-03-02T12:00:00Z"),
    agency2.key,
    "2026-03-03T12:00:00Z",
  );
  await claimEvent(d1, "APPROVE", reviewer, "2026-03-04T12:00:00Z");
  vi.useRealTimers();

  // The hand counts below assume every window of these claims ends in March (15 working
  // days from early March, or from 20 February): check the premise, not just the result.
  const dues = await kit.api.orm.em
    .fork()
    .getConnection()
    .execute<{ due: string }[]>(
      `select w.value->>'dueAt' as due from claim c cross join lateral jsonb_array_elements(c.delivery_windows) w
        where c.registered_by_id in (?, ?)`,
      [agency1.org.id, agency2.org.id],
    );
  expect(dues).toHaveLength(7); // C1–C5 one each, C2 a second after its return, D1
  for (const { due } of dues) expect(due.slice(0, 7)).toBe("2026-03");

  expect(await computeMonthlyStatistics(forkFor(kit.api.orm, SYSTEM), "2026-03", "UTC")).toBeGreaterThanOrEqual(4);
});
afterAll(async () => kit?.api.close());

const RATE = "numerator denominator ratio percent";
const FIGURES = `query($org: ID!) { monthlyStatistics(first: 5, filter: { organizationId: $org, monthFrom: "2026-03", monthTo: "2026-03" }) {
  nodes { month ordersValidated ordersFirstPass ordersDue ordersDueOnTime claimsApproved claimsFirstPass
          claimDeliveriesDue claimDeliveriesOnTime
          ordersFirstPassRate { ${RATE} } ordersOnTimeRate { ${RATE} }
          claimsFirstPassRate { ${RATE} } claimsOnTimeRate { ${RATE} } } } }`;

async function figuresOf(org: Organization) {
  const res = await kit.api.gql<{ monthlyStatistics: { nodes: Record<string, unknown>[] } }>(
    FIGURES,
    { org: org.id },
    kit.operator,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.monthlyStatistics.nodes).toHaveLength(1);
  return res.data.monthlyStatistics.nodes[0]!;
}

const RANKING = `query($input: SupervisionRankingInput!) { supervisionRanking(input: $input) {
  measure totalCount entries { rank organizationId organization { name } months measured { ${RATE} } } } }`;

describe("first-pass and on-time figures of March 2026", () => {
  it("counts a lab's orders: first pass from the status history, on time by the deadlines falling in March", async () => {
    expect(await figuresOf(kit.labA)).toEqual({
      month: "2026-03",
      ordersValidated: 4, // O1–O4
      ordersFirstPass: 3, // O1, O2, O4; O3 was rejected before its approval
      ordersDue: 5, // O1–O5; O6 was voided before its deadline
      ordersDueOnTime: 3, // O1, O2, O3 (its first delivery); O4 came a day late, O5 never
      claimsApproved: 0,
      claimsFirstPass: 0,
      claimDeliveriesDue: 0,
      claimDeliveriesOnTime: 0,
      ordersFirstPassRate: { numerator: 3, denominator: 4, ratio: "0.7500", percent: "75.00" },
      ordersOnTimeRate: { numerator: 3, denominator: 5, ratio: "0.6000", percent: "60.00" },
      claimsFirstPassRate: { numerator: 0, denominator: 0, ratio: null, percent: null },
      claimsOnTimeRate: { numerator: 0, denominator: 0, ratio: null, percent: null },
    });
  });

  it("counts an agency's claims: a return spoils the first pass, each delivery window is a deadline", async () => {
    expect(await figuresOf(agency1.org)).toMatchObject({
      claimsApproved: 2, // C1, C2
      claimsFirstPass: 1, // C1; C2 was returned
      claimDeliveriesDue: 5, // C1, C2 twice, C3, C5; C4 was cancelled before its window ended
      claimDeliveriesOnTime: 3, // C1, C2 twice; C3 never delivered, C5 a day late
      claimsFirstPassRate: { numerator: 1, denominator: 2, ratio: "0.5000", percent: "50.00" },
      claimsOnTimeRate: { numerator: 3, denominator: 5, ratio: "0.6000", percent: "60.00" },
      ordersFirstPassRate: { numerator: 0, denominator: 0, ratio: null, percent: null },
    });
  });

  it("ranks the labs by first pass and the agencies by on-time delivery, best first", async () => {
    const labs = await kit.api.gql<{ supervisionRanking: Record<string, unknown> }>(
      RANKING,
      { input: { monthFrom: "2026-03", monthTo: "2026-03", measure: "ORDERS_FIRST_PASS", kind: "LAB" } },
      reviewer,
    );
    expect(labs.errors).toBeUndefined();
    expect(labs.data.supervisionRanking).toEqual({
      measure: "ORDERS_FIRST_PASS",
      totalCount: 2,
      entries: [
        {
          rank: 1,
          organizationId: kit.labB.id,
          organization: { name: kit.labB.name },
          months: 1,
          measured: { numerator: 1, denominator: 1, ratio: "1.0000", percent: "100.00" },
        },
        {
          rank: 2,
          organizationId: kit.labA.id,
          organization: { name: kit.labA.name },
          months: 1,
          measured: { numerator: 3, denominator: 4, ratio: "0.7500", percent: "75.00" },
        },
      ],
    });

    const agencies = await kit.api.gql<{
      supervisionRanking: { entries: { rank: number; organizationId: string; measured: { percent: string } }[] };
    }>(RANKING, { input: { monthFrom: "2026-02", monthTo: "2026-03", measure: "CLAIMS_ON_TIME" } }, kit.operator);
    // Without a kind filter the labs are left out all the same: they have no claim windows.
    expect(agencies.data.supervisionRanking.entries.map((e) => [e.rank, e.organizationId, e.measured.percent])).toEqual(
      [
        [1, agency2.org.id, "100.00"],
        [2, agency1.org.id, "60.00"],
      ],
    );
  });

  it("keeps the ranking from partners and visitors and refuses a reversed month range", async () => {
    const input = { monthFrom: "2026-03", monthTo: "2026-03", measure: "CLAIMS_FIRST_PASS" };
    for (const token of [agency1.key, visitor]) {
      const res = await kit.api.gql(RANKING, { input }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const reversed = await kit.api.gql(RANKING, { input: { ...input, monthFrom: "2026-04" } }, kit.operator);
    expect(reversed.errors?.[0]?.extensions?.code).toBe("INVALID_MONTH_RANGE");
  });

  it("exports the counts and the rates in the CSV", async () => {
    const res = await fetch(`${kit.api.url}/exports/monthly-statistics.csv?month=2026-03`, {
      headers: { authorization: `Bearer ${kit.operator}` },
    });
    expect(res.status).toBe(200);
    const [header, ...rows] = (await res.text()).trim().split("\r\n");
    const columns = header!.split(",");
    const labRow = rows.find((r) => r.includes(kit.labA.id))!.split(",");
    const agencyRow = rows.find((r) => r.includes(agency1.org.id))!.split(",");
    const value = (row: string[], column: string) => row[columns.indexOf(column)];
    expect(columns.slice(-10)).toEqual([
      "orders_first_pass",
      "orders_due",
      "orders_due_on_time",
      "claims_first_pass",
      "claim_deliveries_due",
      "claim_deliveries_on_time",
      "orders_first_pass_rate",
      "orders_on_time_rate",
      "claims_first_pass_rate",
      "claims_on_time_rate",
    ]);
    expect(columns.slice(-10).map((c) => value(labRow, c))).toEqual([
      "3",
      "5",
      "3",
      "0",
      "0",
      "0",
      "0.7500",
      "0.6000",
      "",
      "",
    ]);
    expect(value(agencyRow, "claims_first_pass_rate")).toBe("0.5000");
    expect(value(agencyRow, "claims_on_time_rate")).toBe("0.6000");
  });
});
