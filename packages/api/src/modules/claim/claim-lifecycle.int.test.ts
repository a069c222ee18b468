import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { Policy, PolicyStatus } from "../policy/policy.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "./claim.fixtures.js";
import {
  CLAIM,
  DAILY,
  ELIGIBILITY,
  PAY,
  REGISTER,
  SET_LINES,
  TRANSITION,
  type PayloadShape,
} from "./claim-graphql.fixtures.js";

let api: TestApi;
let fx: Fixtures;
let agencyKey: string;
let agencyId: string;
let reviewer: string;
let billing: string;
let cov: Coverage;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const agency = await fx.organization(OrganizationKind.AGENCY, { email: "desk@agency.test" } as never);
  const insurer = await fx.organization(OrganizationKind.INSURER);
  agencyId = agency.id;
  agencyKey = (await fx.apiKey(agency)).secret;
  const rev = await fx.user(["REVIEWER"]);
  const bill = await fx.user(["BILLING"]);
  reviewer = await loginAs(api.gql, rev.email, rev.password);
  billing = await loginAs(api.gql, bill.email, bill.password);
  await dentalFeeSchedule(fx.em);
  // The policy starts expired: the first submission must fail eligibility.
  cov = await insuredPatientWithCase(fx.em, {
    insurer,
    registeredBy: agency,
    status: PolicyStatus.EXPIRED,
    validTo: "2026-01-31",
  });
});
afterAll(async () => api?.close());

const call = async (doc: string, input: Record<string, unknown>, token: string, key: string): Promise<PayloadShape> => {
  const res = await api.gql<Record<string, PayloadShape>>(doc, { input }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data[key]!;
};

const LINES = [
  { system: "CDT", code: "D0150", quantity: 1, discount: "5.00" },
  { system: "CDT", code: "D0210", quantity: 2, modifiers: [{ code: "AH" }] },
  { system: "CDT", code: "D1110", quantity: 1 },
];

describe("an outpatient dental claim from registration to settlement", () => {
  it("runs register → ineligible → submit → return → correct → resubmit → approve lowered → co-pay → remittance → settle", async () => {
    const registered = await call(
      REGISTER,
      { caseId: cov.kase.id, policyId: cov.policy.id, liabilityId: cov.liability.id, kind: "OUTPATIENT", lines: LINES },
      agencyKey,
      "registerClaim",
    );
    expect(registered.userErrors).toEqual([]);
    let claim = registered.claim!;
    expect(claim.number).toMatch(/^CLM-\d{4}-\d{6}$/);
    expect(claim.status).toBe("DRAFT");
    // 50 − 5 = 45; 2 × 40 × 1.5 = 120; 60 → 225; deductible 100; (225 − 100) × 0.8 = 100.
    expect(claim.lines.map((l) => l.amount)).toEqual(["45.00", "120.00", "60.00"]);
    expect(claim).toMatchObject({
      gross: "225.00",
      discountTotal: "5.00",
      deductibleApplied: "100.00",
      covered: "100.00",
      patientShare: "125.00",
      payable: "100.00",
    });
    expect(claim.availableTransitions).toEqual(["SUBMIT", "CANCEL"]);

    // The expired policy: checkEligibility lists the reasons, and SUBMIT returns them as userErrors.
    const elig = await api.gql<{ checkEligibility: { eligible: boolean; reasons: { code: string }[] } }>(
      ELIGIBILITY,
      {
        input: {
          patientId: cov.patient.id,
          policyId: cov.policy.id,
          date: "2026-03-10",
          serviceCodes: [{ system: "CDT", code: "D0150" }],
        },
      },
      agencyKey,
    );
    expect(elig.data.checkEligibility.eligible).toBe(false);
    expect(elig.data.checkEligibility.reasons.map((r) => r.code).sort()).toEqual([
      "COVERAGE_NOT_ACTIVE_ON_DATE",
      "POLICY_NOT_ACTIVE",
    ]);
    const refused = await call(
      TRANSITION,
      { id: claim.id, event: "SUBMIT", expectedVersion: claim.version },
      agencyKey,
      "transitionClaim",
    );
    expect(refused.claim).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual([
      "NOT_ELIGIBLE",
      "POLICY_NOT_ACTIVE",
      "COVERAGE_NOT_ACTIVE_ON_DATE",
    ]);

    // The insurer renews the policy.
    await fx.em.nativeUpdate(Policy, { id: cov.policy.id }, { status: PolicyStatus.ACTIVE, validTo: "2026-12-31" });

    const submitted = await call(
      TRANSITION,
      { id: claim.id, event: "SUBMIT", expectedVersion: claim.version },
      agencyKey,
      "transitionClaim",
    );
    expect(submitted.userErrors).toEqual([]);
    claim = submitted.claim!;
    expect(claim.status).toBe("SUBMITTED");
    expect(claim.deliveredOnTime).toBe(true);
    expect(claim.availableTransitions).toEqual([]);

    claim = (
      await call(
        TRANSITION,
        { id: claim.id, event: "START_REVIEW", expectedVersion: claim.version },
        reviewer,
        "transitionClaim",
      )
    ).claim!;
    expect(claim.status).toBe("IN_REVIEW");
    expect(claim.availableTransitions).toEqual(["RETURN", "APPROVE", "DENY"]);

    const noReason = await call(
      TRANSITION,
      { id: claim.id, event: "RETURN", expectedVersion: claim.version },
      reviewer,
      "transitionClaim",
    );
    expect(noReason.userErrors[0]!.code).toBe("RETURN_REASON_REQUIRED");
    const returned = await call(
      TRANSITION,
      {
        id: claim.id,
        event: "RETURN",
        expectedVersion: claim.version,
        returnReasons: [
          { code: "MISSING_INVOICE", text: "Attach the cleaning invoice." },
          { code: "WRONG_DISCOUNT", text: "The cleaning had a 10.00 discount." },
        ],
      },
      reviewer,
      "transitionClaim",
    );
    expect(returned.userErrors).toEqual([]);
    claim = returned.claim!;
    expect(claim.status).toBe("RETURNED");
    expect(claim.returnReasons.map((r) => r.code)).toEqual(["MISSING_INVOICE", "WRONG_DISCOUNT"]);
    expect(claim.history.at(-1)).toMatchObject({ event: "RETURN", reasonCode: "MISSING_INVOICE,WRONG_DISCOUNT" });

    const corrected = await call(
      SET_LINES,
      { id: claim.id, expectedVersion: claim.version, lines: [LINES[0], LINES[1], { ...LINES[2], discount: "10.00" }] },
      agencyKey,
      "setClaimLines",
    );
    expect(corrected.userErrors).toEqual([]);
    claim = corrected.claim!;
    expect(claim.gross).toBe("215.00");

    claim = (
      await call(
        TRANSITION,
        { id: claim.id, event: "SUBMIT", expectedVersion: claim.version },
        agencyKey,
        "transitionClaim",
      )
    ).claim!;
    expect(claim.status).toBe("SUBMITTED");
    claim = (
      await call(
        TRANSITION,
        { id: claim.id, event: "START_REVIEW", expectedVersion: claim.version },
        reviewer,
        "transitionClaim",
      )
    ).claim!;

    const xray = claim.lines[1]!;
    const approved = await call(
      TRANSITION,
      {
        id: claim.id,
        event: "APPROVE",
        expectedVersion: claim.version,
        approvedLines: [{ lineId: xray.id, approvedAmount: "100.00", reason: "After-hours modifier allowed at 1.25" }],
      },
      reviewer,
      "transitionClaim",
    );
    expect(approved.userErrors).toEqual([]);
    claim = approved.claim!;
    expect(claim.status).toBe("APPROVED");
    expect(claim.lines[1]).toMatchObject({ amount: "120.00", approvedAmount: "100.00" });
    // 45 + 100 + 50 = 195; (195 − 100) × 0.8 = 76.00; patient 119.00.
    expect(claim.approvedTotals).toEqual({
      gross: "195.00",
      deductibleApplied: "100.00",
      covered: "76.00",
      patientShare: "119.00",
      payable: "76.00",
    });
    expect(claim.outstanding).toEqual({ patient: "119.00", insurer: "76.00" });

    const early = await call(
      TRANSITION,
      { id: claim.id, event: "SETTLE", reference: "REM-1", expectedVersion: claim.version },
      billing,
      "transitionClaim",
    );
    expect(early.userErrors[0]!.code).toBe("INSURER_PAYMENT_INCOMPLETE");

    const copay = await call(
      PAY,
      {
        claimId: claim.id,
        payer: "PATIENT",
        amount: "119.00",
        currency: "EUR",
        method: "CASH",
        reference: "R-1",
        idempotencyKey: "copay-1",
      },
      agencyKey,
      "recordPayment",
    );
    expect(copay.userErrors).toEqual([]);
    const again = await call(
      PAY,
      {
        claimId: claim.id,
        payer: "PATIENT",
        amount: "119.00",
        currency: "EUR",
        method: "CASH",
        reference: "R-1",
        idempotencyKey: "copay-1",
      },
      agencyKey,
      "recordPayment",
    );
    expect(again.claim!.paid.patient).toBe("119.00");
    const agencyAsInsurer = await call(
      PAY,
      { claimId: claim.id, payer: "INSURER", amount: "76.00", currency: "EUR", method: "TRANSFER" },
      agencyKey,
      "recordPayment",
    );
    expect(agencyAsInsurer.userErrors[0]!.code).toBe("NOT_PERMITTED");
    const remittance = await call(
      PAY,
      {
        claimId: claim.id,
        payer: "INSURER",
        amount: "76.00",
        currency: "EUR",
        method: "TRANSFER",
        reference: "REM-2026-77",
      },
      billing,
      "recordPayment",
    );
    expect(remittance.claim!.outstanding).toEqual({ patient: "0.00", insurer: "0.00" });
    claim = remittance.claim!;

    const settled = await call(
      TRANSITION,
      { id: claim.id, event: "SETTLE", reference: "REM-2026-77", expectedVersion: claim.version },
      billing,
      "transitionClaim",
    );
    expect(settled.userErrors).toEqual([]);
    expect(settled.claim).toMatchObject({ status: "SETTLED", settlementReference: "REM-2026-77" });
    expect(settled.claim!.history.map((h) => h.toStatus)).toEqual([
      "DRAFT",
      "SUBMITTED",
      "IN_REVIEW",
      "RETURNED",
      "SUBMITTED",
      "IN_REVIEW",
      "APPROVED",
      "SETTLED",
    ]);

    const today = DateTime.now().setZone("America/Santiago").toISODate();
    const daily = await api.gql<{ dailyCollections: unknown[] }>(DAILY, { date: today, org: agencyId }, billing);
    expect(daily.data.dailyCollections).toEqual([
      {
        date: today,
        organizationId: agencyId,
        currency: "EUR",
        received: [
          { payer: "INSURER", method: "TRANSFER", amount: "76.00", count: 1 },
          { payer: "PATIENT", method: "CASH", amount: "119.00", count: 1 },
        ],
        receivedPatient: "119.00",
        receivedInsurer: "76.00",
        outstandingPatient: "0.00",
        outstandingInsurer: "0.00",
        outstandingClaims: 0,
      },
    ]);
    const read = await api.gql<{ claim: { status: string } }>(CLAIM, { id: claim.id }, agencyKey);
    expect(read.data.claim.status).toBe("SETTLED");
  });
});
