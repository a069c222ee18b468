import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { Case, CaseKind } from "../case/case.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "./claim.fixtures.js";
import { REGISTER, TRANSITION, type ClaimShape, type PayloadShape } from "./claim-graphql.fixtures.js";

let api: TestApi;
let fx: Fixtures;
let agency: Organization;
let insurer: Organization;
let agencyKey: string;
let reviewer: string;
let operator: string;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  agency = await fx.organization(OrganizationKind.AGENCY);
  insurer = await fx.organization(OrganizationKind.INSURER);
  agencyKey = (await fx.apiKey(agency)).secret;
  const rev = await fx.user(["REVIEWER"]);
  const op = await fx.user(["OPERATOR"]);
  reviewer = await loginAs(api.gql, rev.email, rev.password);
  operator = await loginAs(api.gql, op.email, op.password);
  await dentalFeeSchedule(fx.em);
});
afterAll(async () => api?.close());

async function call(doc: string, input: Record<string, unknown>, token: string): Promise<PayloadShape> {
  const res = await api.gql<Record<string, PayloadShape>>(doc, { input }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data)[0]!;
}

/** Another case of the same insured patient, in the same policy year. */
async function anotherCase(cov: Coverage, n: number): Promise<Case> {
  const kase = fx.em.create(Case, {
    number: `CASE-RACE-${Date.now().toString(36)}-${n}`,
    patient: cov.patient,
    kind: CaseKind.OUTPATIENT,
    incidentDate: `2026-03-1${n}`,
    registeredBy: agency,
    scanKey: `${cov.patient.customerNumber}2026031${n}`,
  });
  await fx.em.flush();
  return kase;
}

/** A claim of 2 × D0150 (gross 100.00) taken into review. */
async function claimInReview(cov: Coverage, kase: Case): Promise<ClaimShape> {
  const registered = await call(
    REGISTER,
    {
      caseId: kase.id,
      policyId: cov.policy.id,
      liabilityId: cov.liability.id,
      lines: [{ system: "CDT", code: "D0150", quantity: 2 }],
    },
    agencyKey,
  );
  expect(registered.userErrors).toEqual([]);
  const submitted = await call(
    TRANSITION,
    { id: registered.claim!.id, event: "SUBMIT", expectedVersion: registered.claim!.version },
    agencyKey,
  );
  expect(submitted.userErrors).toEqual([]);
  const inReview = await call(
    TRANSITION,
    { id: submitted.claim!.id, event: "START_REVIEW", expectedVersion: submitted.claim!.version },
    reviewer,
  );
  expect(inReview.userErrors).toEqual([]);
  return inReview.claim!;
}

describe("approvals racing on one policy year", () => {
  it("never consume the same remaining deductible or annual limit twice", async () => {
    // Deductible 30.00, coverage 100 %, annual limit 120.00; three claims of 100.00 each.
    const cov = await insuredPatientWithCase(fx.em, {
      insurer,
      registeredBy: agency,
      deductible: "30.00",
      coverageRate: "1.0000",
      annualLimit: "120.00",
      perClaimLimit: null,
    });
    const claims = [
      await claimInReview(cov, cov.kase),
      await claimInReview(cov, await anotherCase(cov, 1)),
      await claimInReview(cov, await anotherCase(cov, 2)),
    ];

    // All three approvals at once, through the API.
    const approved = await Promise.all(
      claims.map((c) => call(TRANSITION, { id: c.id, event: "APPROVE", expectedVersion: c.version }, reviewer)),
    );
    for (const a of approved) expect(a.userErrors).toEqual([]);
    const totals = approved.map((a) => a.claim!.approvedTotals!);

    // Whichever came first: deductible 30.00 then covered 70.00; the next gets the 50.00
    // left of the annual limit and no deductible; the last gets nothing.
    // Read without the lock, each would take the deductible and 70.00 (210.00 > 120.00).
    const byCovered = [...totals].sort((x, y) => Number(y.covered) - Number(x.covered));
    expect(byCovered.map((t) => [t.deductibleApplied, t.covered, t.patientShare])).toEqual([
      ["30.00", "70.00", "30.00"],
      ["0.00", "50.00", "50.00"],
      ["0.00", "0.00", "100.00"],
    ]);
    // Exactly one got the remainder.
    expect(totals.filter((t) => t.covered === "50.00")).toHaveLength(1);
  });
});

const SERVICE_CODE = `mutation($input: CreateServiceCodeInput!) { createServiceCode(input: $input) {
  serviceCode { id fee currency } userErrors { code field message } } }`;
const POLICY = `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) {
  policy { id deductible currency liabilities { id code annualLimit perClaimLimit } } userErrors { code field message } } }`;
const READ_POLICY = `query($id: ID!) { policy(id: $id) { deductible liabilities { annualLimit perClaimLimit } } }`;
const READ_FEE = `query($id: ID!) { serviceCode(id: $id) { fee } }`;

describe("IRR-scale amounts", () => {
  it("writes and reads back 5,000,000,000,000 rials on a fee, a deductible, a liability limit and a claim", async () => {
    const FIVE_TRILLION = "5000000000000";
    const fee = await api.gql<{
      createServiceCode: { serviceCode: { id: string; fee: string }; userErrors: unknown[] };
    }>(
      SERVICE_CODE,
      {
        input: {
          system: "LOCAL",
          code: "IR-CARDIAC",
          description: "Cardiac surgery",
          fee: FIVE_TRILLION,
          currency: "IRR",
        },
      },
      operator,
    );
    expect(fee.errors).toBeUndefined();
    expect(fee.data.createServiceCode.userErrors).toEqual([]);

    const patient = fx.em.create(Patient, {
      customerNumber: "98765432",
      firstName: "Reza",
      lastName: "Karimi",
      registeredBy: agency,
    } as never);
    await fx.em.flush();
    const created = await api.gql<{
      createPolicy: { policy: { id: string; liabilities: { id: string }[] }; userErrors: unknown[] };
    }>(
      POLICY,
      {
        input: {
          number: "IR-POL-1405-0001",
          type: "INDIVIDUAL",
          insurerId: insurer.id,
          holderName: "Reza Karimi",
          validFrom: "2026-01-01",
          validTo: "2026-12-31",
          deductible: FIVE_TRILLION,
          coverageRate: "0.8000",
          currency: "IRR",
          liabilities: [
            {
              code: "HOSP",
              name: "بستری",
              coverageRate: "0.8000",
              annualLimit: FIVE_TRILLION,
              perClaimLimit: FIVE_TRILLION,
            },
          ],
          memberIds: [patient.id],
        },
      },
      operator,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createPolicy.userErrors).toEqual([]);
    const policy = created.data.createPolicy.policy;

    const readPolicy = await api.gql<{
      policy: { deductible: string; liabilities: { annualLimit: string; perClaimLimit: string }[] };
    }>(READ_POLICY, { id: policy.id }, operator);
    // Policy terms render at their column's scale (2 decimals) whatever the currency.
    expect(readPolicy.data.policy).toEqual({
      deductible: FIVE_TRILLION,
      liabilities: [{ annualLimit: FIVE_TRILLION, perClaimLimit: FIVE_TRILLION }],
    });
    const readFee = await api.gql<{ serviceCode: { fee: string } }>(
      READ_FEE,
      { id: fee.data.createServiceCode.serviceCode.id },
      operator,
    );
    expect(readFee.data.serviceCode.fee).toBe(FIVE_TRILLION);

    // A claim of two such operations: gross 10^13, deductible 5·10^12, covered (10^13 − 5·10^12) × 0.8 = 4·10^12.
    const kase = fx.em.create(Case, {
      number: "CASE-IRR-1",
      patient,
      kind: CaseKind.INPATIENT,
      incidentDate: "2026-05-02",
      registeredBy: agency,
      scanKey: "9876543220260502",
    });
    await fx.em.flush();
    const claim = await call(
      REGISTER,
      {
        caseId: kase.id,
        policyId: policy.id,
        liabilityId: policy.liabilities[0]!.id,
        lines: [{ system: "LOCAL", code: "IR-CARDIAC", quantity: 2 }],
      },
      agencyKey,
    );
    expect(claim.userErrors).toEqual([]);
    expect(claim.claim).toMatchObject({
      currency: "IRR",
      gross: "10000000000000",
      deductibleApplied: FIVE_TRILLION,
      covered: "4000000000000",
      patientShare: "6000000000000",
    });
    expect(claim.claim!.lines[0]).toMatchObject({ unitPrice: FIVE_TRILLION, amount: "10000000000000" });
  });
});
