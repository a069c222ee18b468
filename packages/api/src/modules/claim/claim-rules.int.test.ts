import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM } from "../../platform/auth/principal.js";
import { Notification } from "../notification/notification.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage, type CoverageOptions } from "./claim.fixtures.js";
import {
  CLAIM,
  CLAIMS,
  ELIGIBILITY,
  ESTIMATE,
  REGISTER,
  SET_LINES,
  TRANSITION,
  type ClaimShape,
  type PayloadShape,
} from "./claim-graphql.fixtures.js";
import { createClaim } from "./claim.service.js";
import { ClaimKind } from "./claim.enums.js";
import { flagOverdueClaim } from "./claim.overdue.js";

let api: TestApi;
let fx: Fixtures;
let agency: Organization;
let insurer: Organization;
let agencyKey: string;
let reviewer: string;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  agency = await fx.organization(OrganizationKind.AGENCY, { email: "agency-a@agency.test" } as never);
  insurer = await fx.organization(OrganizationKind.INSURER);
  agencyKey = (await fx.apiKey(agency)).secret;
  const rev = await fx.user(["REVIEWER"]);
  reviewer = await loginAs(api.gql, rev.email, rev.password);
  await dentalFeeSchedule(fx.em);
});
afterAll(async () => api?.close());

async function call(doc: string, input: Record<string, unknown>, token: string): Promise<PayloadShape> {
  const res = await api.gql<Record<string, PayloadShape>>(doc, { input }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data)[0]!;
}

const coverage = (o: Partial<CoverageOptions> = {}) =>
  insuredPatientWithCase(fx.em, { insurer, registeredBy: agency, ...o });

async function register(cov: Coverage, lines: unknown[], token = agencyKey, kase = cov.kase): Promise<ClaimShape> {
  const res = await call(
    REGISTER,
    { caseId: kase.id, policyId: cov.policy.id, liabilityId: cov.liability.id, lines },
    token,
  );
  expect(res.userErrors).toEqual([]);
  return res.claim!;
}

/** Submits, reviews and approves as-is; returns the approved claim. */
async function approve(claim: ClaimShape): Promise<ClaimShape> {
  let c = claim;
  for (const [event, token] of [
    ["SUBMIT", agencyKey],
    ["START_REVIEW", reviewer],
    ["APPROVE", reviewer],
  ] as const) {
    const res = await call(TRANSITION, { id: c.id, event, expectedVersion: c.version }, token);
    expect(res.userErrors).toEqual([]);
    c = res.claim!;
  }
  return c;
}

const cleaning = (quantity: number) => [{ system: "CDT", code: "D1110", quantity }];

describe("policy-year usage", () => {
  it("consumes the deductible across two claims of the same policy year", async () => {
    const first = await coverage({ deductible: "100.00" });
    // 60 of the 100 deductible goes to the first claim, nothing is covered.
    const a = await approve(await register(first, cleaning(1)));
    expect(a.approvedTotals).toMatchObject({
      gross: "60.00",
      deductibleApplied: "60.00",
      covered: "0.00",
      patientShare: "60.00",
    });
    // The second claim (same patient, same policy, same year) only has 40 left to take.
    const second = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency, incidentDate: "2026-06-01" });
    const sameCase = { ...first, kase: second.kase };
    await fx.em.nativeUpdate("Case", { id: second.kase.id }, { patient: first.patient.id });
    const b = await register(sameCase, cleaning(2));
    expect(b).toMatchObject({ gross: "120.00", deductibleApplied: "40.00", covered: "64.00", patientShare: "56.00" });
    const elig = await api.gql<{ checkEligibility: { deductibleRemaining: string } }>(
      ELIGIBILITY,
      { input: { patientId: first.patient.id, policyId: first.policy.id, date: "2026-06-01", serviceCodes: [] } },
      agencyKey,
    );
    expect(elig.data.checkEligibility.deductibleRemaining).toBe("40.00");
    // A claim in the next policy year starts with the whole deductible again.
    const nextYear = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency, incidentDate: "2027-01-15" });
    await fx.em.nativeUpdate("Case", { id: nextYear.kase.id }, { patient: first.patient.id });
    const c = await register({ ...first, kase: nextYear.kase }, cleaning(1));
    expect(c.deductibleApplied).toBe("60.00");
  });

  it("caps the covered amount at what is left of the annual limit, then refuses eligibility", async () => {
    const cov = await coverage({
      deductible: "0.00",
      coverageRate: "1.0000",
      annualLimit: "150.00",
      perClaimLimit: null,
    });
    const a = await approve(await register(cov, cleaning(2)));
    expect(a.approvedTotals).toMatchObject({ covered: "120.00" });
    const b = await approve(await register(cov, cleaning(1)));
    expect(b.approvedTotals).toMatchObject({ gross: "60.00", covered: "30.00", patientShare: "30.00" });
    expect(b.appliedCaps).toEqual(["ANNUAL_LIMIT"]);
    const third = await register(cov, cleaning(1));
    expect(third.covered).toBe("0.00");
    const refused = await call(
      TRANSITION,
      { id: third.id, event: "SUBMIT", expectedVersion: third.version },
      agencyKey,
    );
    expect(refused.userErrors.map((e) => e.code)).toEqual(["NOT_ELIGIBLE", "ANNUAL_LIMIT_EXHAUSTED"]);
  });
});

describe("estimateCost", () => {
  it("takes the claim's line input (unit price, discount, modifiers) without a provider, and prices it as the claim does", async () => {
    const cov = await coverage({ deductible: "0.00", coverageRate: "0.7000" });
    const lines = [
      { system: "CDT", code: "D0150", quantity: 2, discount: "10.00", modifiers: [{ code: "AH" }] },
      { system: "CDT", code: "D0210", quantity: 1, unitPrice: "35.5" },
    ];
    const est = await api.gql<{ estimateCost: Record<string, unknown> }>(
      `query($input: EstimateInput!) { estimateCost(input: $input) {
        gross covered patientShare coverageRate eligibility { eligible }
        lines { code unitPrice discount modifiers amount priceAboveSchedule } } }`,
      {
        input: {
          patientId: cov.patient.id,
          policyId: cov.policy.id,
          liabilityId: cov.liability.id,
          date: "2026-03-10",
          lines,
        },
      },
      agencyKey,
    );
    expect(est.errors).toBeUndefined();
    // (2 × 50 − 10) × 1.5 = 135; 35.50 below the fee needs no reason; (135 + 35.50) × 0.7 = 119.35.
    expect(est.data.estimateCost).toMatchObject({
      gross: "170.50",
      covered: "119.35",
      patientShare: "51.15",
      coverageRate: "0.7000",
      eligibility: { eligible: true },
      lines: [
        {
          code: "D0150",
          unitPrice: "50.00",
          discount: "10.00",
          modifiers: ["AH"],
          amount: "135.00",
          priceAboveSchedule: false,
        },
        {
          code: "D0210",
          unitPrice: "35.50",
          discount: "0.00",
          modifiers: [],
          amount: "35.50",
          priceAboveSchedule: false,
        },
      ],
    });
    const claim = await register(cov, lines);
    expect({ gross: claim.gross, covered: claim.covered, patientShare: claim.patientShare }).toEqual({
      gross: "170.50",
      covered: "119.35",
      patientShare: "51.15",
    });
  });

  it("equals the submitted totals for the same lines ((exam + X-ray) × coefficient)", async () => {
    const cov = await coverage({ deductible: "0.00", coverageRate: "0.7000" });
    const provider = await fx.organization(OrganizationKind.CLINIC);
    const lines = [
      { system: "CDT", code: "D0150", quantity: 1 },
      { system: "CDT", code: "D0210", quantity: 1 },
    ];
    const est = await api.gql<{ estimateCost: Record<string, unknown> }>(
      ESTIMATE,
      {
        input: {
          patientId: cov.patient.id,
          policyId: cov.policy.id,
          liabilityId: cov.liability.id,
          providerId: provider.id,
          date: "2026-03-10",
          lines,
        },
      },
      agencyKey,
    );
    // (50 + 40) × 0.7 = 63.
    expect(est.data.estimateCost).toMatchObject({
      gross: "90.00",
      covered: "63.00",
      patientShare: "27.00",
      coverageRate: "0.7000",
      eligibility: { eligible: true },
    });
    const claim = await register(cov, lines);
    const submitted = await call(
      TRANSITION,
      { id: claim.id, event: "SUBMIT", expectedVersion: claim.version },
      agencyKey,
    );
    const c = submitted.claim!;
    expect({
      gross: c.gross,
      deductibleApplied: c.deductibleApplied,
      covered: c.covered,
      patientShare: c.patientShare,
      payable: c.payable,
    }).toEqual({
      gross: est.data.estimateCost.gross,
      deductibleApplied: est.data.estimateCost.deductibleApplied,
      covered: est.data.estimateCost.covered,
      patientShare: est.data.estimateCost.patientShare,
      payable: est.data.estimateCost.payable,
    });
  });
});

describe("estimateCost on what cannot be priced", () => {
  const ESTIMATE_WITH_REASONS = `query($input: EstimateInput!) { estimateCost(input: $input) {
    currency gross covered payable lines { code } eligibility { eligible reasons { code } } } }`;

  it("answers an unknown policy with reasons, as checkEligibility does, and no amounts", async () => {
    const cov = await coverage();
    const provider = await fx.organization(OrganizationKind.CLINIC);
    const input = {
      patientId: cov.patient.id,
      policyId: "00000000-0000-4000-8000-000000000000",
      providerId: provider.id,
      date: "2026-03-10",
      lines: [{ system: "CDT", code: "D0150", quantity: 1 }],
    };
    const est = await api.gql<{ estimateCost: Record<string, unknown> }>(ESTIMATE_WITH_REASONS, { input }, agencyKey);
    expect(est.status).toBe(200);
    expect(est.errors).toBeUndefined();
    expect(est.data.estimateCost).toEqual({
      currency: null,
      gross: null,
      covered: null,
      payable: null,
      lines: [],
      eligibility: { eligible: false, reasons: [{ code: "POLICY_NOT_FOUND" }] },
    });
    const eligibility = await api.gql<{ checkEligibility: { reasons: { code: string }[] } }>(
      ELIGIBILITY,
      { input: { patientId: input.patientId, policyId: input.policyId, date: input.date, serviceCodes: [] } },
      agencyKey,
    );
    expect(eligibility.data.checkEligibility.reasons.map((r) => r.code)).toEqual(["POLICY_NOT_FOUND"]);
  });

  it("answers an unknown service code with its reason and no amounts", async () => {
    const cov = await coverage();
    const provider = await fx.organization(OrganizationKind.CLINIC);
    const est = await api.gql<{ estimateCost: Record<string, unknown> }>(
      ESTIMATE_WITH_REASONS,
      {
        input: {
          patientId: cov.patient.id,
          policyId: cov.policy.id,
          providerId: provider.id,
          date: "2026-03-10",
          lines: [{ system: "CDT", code: "NOPE", quantity: 1 }],
        },
      },
      agencyKey,
    );
    expect(est.errors).toBeUndefined();
    expect(est.data.estimateCost).toMatchObject({
      gross: null,
      lines: [],
      eligibility: { eligible: false, reasons: [{ code: "SERVICE_CODE_UNKNOWN" }] },
    });
  });
});

describe("delivery deadline", () => {
  it("falls 15 working days after registration, skipping Chile's Fiestas Patrias, and the overdue flag is raised once", async () => {
    const cov = await coverage();
    const em = forkFor(api.orm, SYSTEM);
    const org = await em.findOneOrFail(Organization, { id: agency.id });
    // Monday 14 September 2026, 10:00 in Santiago; 18 September (Friday) is a holiday.
    const claim = await createClaim(
      em,
      SYSTEM,
      null,
      { kase: cov.kase, policy: cov.policy, liability: cov.liability, kind: ClaimKind.OUTPATIENT, registeredBy: org },
      new Date("2026-09-14T13:00:00Z"),
    );
    await em.flush();
    // Without the holiday it would be Monday 5 October; with it, the end of Tuesday 6 October (UTC−3).
    expect(claim.deliveryDueAt.toISOString()).toBe("2026-10-07T02:59:59.999Z");
    expect(await flagOverdueClaim(em, claim.id, new Date("2026-10-07T02:00:00Z"))).toBe(false);
    expect(await flagOverdueClaim(em, claim.id, new Date("2026-10-07T12:00:00Z"))).toBe(true);
    expect(await flagOverdueClaim(em, claim.id, new Date("2026-10-08T12:00:00Z"))).toBe(false);
    const notes = await em.find(Notification, { template: "claim-overdue", relatedId: claim.id });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ recipient: "agency-a@agency.test", template: "claim-overdue" });
    const listed = await api.gql<{ claims: { nodes: { id: string }[] } }>(
      CLAIMS,
      { filter: { overdue: true } },
      agencyKey,
    );
    expect(listed.data.claims.nodes.map((n) => n.id)).toContain(claim.id);
  });
});

describe("scoping", () => {
  it("agency B neither lists, reads nor changes agency A's claims", async () => {
    const cov = await coverage();
    const claim = await register(cov, cleaning(1));
    const other = await fx.organization(OrganizationKind.AGENCY);
    const otherKey = (await fx.apiKey(other)).secret;
    const read = await api.gql<{ claim: unknown }>(CLAIM, { id: claim.id }, otherKey);
    expect(read.data.claim).toBeNull();
    const list = await api.gql<{ claims: { totalCount: number } }>(CLAIMS, {}, otherKey);
    expect(list.data.claims.totalCount).toBe(0);
    const submit = await call(TRANSITION, { id: claim.id, event: "SUBMIT", expectedVersion: claim.version }, otherKey);
    expect(submit.userErrors[0]!.code).toBe("NOT_FOUND");
    const lines = await call(SET_LINES, { id: claim.id, expectedVersion: claim.version, lines: cleaning(3) }, otherKey);
    expect(lines.userErrors[0]!.code).toBe("NOT_FOUND");
    // Nor can it file a claim on agency A's case.
    const steal = await call(
      REGISTER,
      { caseId: cov.kase.id, policyId: cov.policy.id, liabilityId: cov.liability.id },
      otherKey,
    );
    expect(steal.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["caseId"] });
    // Agency A still sees its own claims.
    const own = await api.gql<{ claims: { totalCount: number } }>(CLAIMS, {}, agencyKey);
    expect(own.data.claims.totalCount).toBeGreaterThan(0);
  });
});

describe("money input", () => {
  it.each([
    [{ unitPrice: "1e309" }, "INVALID_AMOUNT", ["lines", "0", "unitPrice"]],
    [{ quantity: -1 }, "INVALID_QUANTITY", ["lines", "0", "quantity"]],
    [{ discount: "1.005" }, "TOO_MANY_DECIMALS", ["lines", "0", "discount"]],
    [{ modifiers: [{ code: "ZZ9" }] }, "UNKNOWN_MODIFIER", ["lines", "0", "modifiers", "0", "code"]],
    [{ unitPrice: "999999999999" }, "PRICE_ABOVE_SCHEDULE", ["lines", "0", "unitPrice"]],
  ])("refuses %j with a userError at the field", async (patch, code, field) => {
    const cov = await coverage();
    const claim = await register(cov, cleaning(1));
    const res = await call(
      SET_LINES,
      { id: claim.id, expectedVersion: claim.version, lines: [{ ...cleaning(1)[0], ...patch }] },
      agencyKey,
    );
    expect(res.claim).toBeNull();
    expect(res.userErrors[0]).toMatchObject({ code, field });
    const after = await api.gql<{ claim: ClaimShape }>(CLAIM, { id: claim.id }, agencyKey);
    expect(after.data.claim.gross).toBe("60.00");
  });
});
