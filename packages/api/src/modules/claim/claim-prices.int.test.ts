import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "./claim.fixtures.js";
import { CLAIM, REGISTER, type PayloadShape } from "./claim-graphql.fixtures.js";

/**
 * Issue 14 item 12: the fee schedule bounds unit prices unless a reason is given (and then
 * the line is flagged for the reviewer); modifiers are codes of the configured list, so no
 * client sends its own factor.
 */
let api: TestApi;
let fx: Fixtures;
let agency: Organization;
let insurer: Organization;
let agencyKey: string;
let reviewer: string;

const LINE_FIELDS = `priceAboveSchedule lines { serviceCode unitPrice scheduleUnitPrice priceAboveSchedule priceOverrideReason modifiers amount }`;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  agency = await fx.organization(OrganizationKind.AGENCY);
  insurer = await fx.organization(OrganizationKind.INSURER);
  agencyKey = (await fx.apiKey(agency)).secret;
  const rev = await fx.user(["REVIEWER"]);
  reviewer = await loginAs(api.gql, rev.email, rev.password);
  await dentalFeeSchedule(fx.em);
});
afterAll(async () => api?.close());

async function draft(): Promise<{ cov: Coverage; id: string; version: number }> {
  const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency });
  const res = await api.gql<{ registerClaim: PayloadShape }>(
    REGISTER,
    { input: { caseId: cov.kase.id, policyId: cov.policy.id, liabilityId: cov.liability.id } },
    agencyKey,
  );
  expect(res.data.registerClaim.userErrors).toEqual([]);
  const claim = res.data.registerClaim.claim!;
  return { cov, id: claim.id, version: claim.version };
}

async function setLines(claim: { id: string; version: number }, lines: Record<string, unknown>[]) {
  return api.gql<{ setClaimLines: PayloadShape }>(
    `mutation($input: SetClaimLinesInput!) { setClaimLines(input: $input) { claim { id version gross ${LINE_FIELDS} } userErrors { code field message } } }`,
    { input: { id: claim.id, expectedVersion: claim.version, lines } },
    agencyKey,
  );
}

const cleaning = { system: "CDT", code: "D1110", quantity: 1 };

describe("unit prices above the fee schedule", () => {
  it("refuses 999999999999 for a 60.00 service without a reason, and changes nothing", async () => {
    const claim = await draft();
    const res = await setLines(claim, [{ ...cleaning, unitPrice: "999999999999" }]);
    expect(res.data.setClaimLines.claim).toBeNull();
    expect(res.data.setClaimLines.userErrors[0]).toMatchObject({
      code: "PRICE_ABOVE_SCHEDULE",
      field: ["lines", "0", "unitPrice"],
    });
    const rows = await api.orm.em.getConnection().execute(`select 1 from claim_line where claim_id = ?`, [claim.id]);
    expect(rows).toEqual([]);
  });

  it("takes it with a priceOverrideReason and flags the line and the claim for the reviewer", async () => {
    const claim = await draft();
    const res = await setLines(claim, [
      { ...cleaning, unitPrice: "999999999999", priceOverrideReason: "Implant-grade materials, invoice attached" },
      { system: "CDT", code: "D0150", quantity: 1, unitPrice: "45.00" },
    ]);
    expect(res.data.setClaimLines.userErrors).toEqual([]);
    const c = res.data.setClaimLines.claim as unknown as {
      priceAboveSchedule: boolean;
      lines: Record<string, unknown>[];
    };
    expect(c.priceAboveSchedule).toBe(true);
    expect(c.lines[0]).toMatchObject({
      unitPrice: "999999999999.00",
      scheduleUnitPrice: "60.00",
      priceAboveSchedule: true,
      priceOverrideReason: "Implant-grade materials, invoice attached",
    });
    // Below the schedule needs no reason and raises no flag.
    expect(c.lines[1]).toMatchObject({ unitPrice: "45.00", priceAboveSchedule: false, priceOverrideReason: null });
    // The reviewer sees a claim once it is submitted (staff row rules), and the flag with it.
    const submitted = await api.gql<{ transitionClaim: PayloadShape }>(
      `mutation($input: TransitionClaimInput!) { transitionClaim(input: $input) { claim { status } userErrors { code message } } }`,
      { input: { id: claim.id, event: "SUBMIT", expectedVersion: (c as unknown as { version: number }).version } },
      agencyKey,
    );
    expect(submitted.data.transitionClaim.userErrors).toEqual([]);
    const seenByReviewer = await api.gql<{ claim: { priceAboveSchedule: boolean; lines: unknown[] } }>(
      `query($id: ID!) { claim(id: $id) { ${LINE_FIELDS} } }`,
      { id: claim.id },
      reviewer,
    );
    expect(seenByReviewer.data.claim.priceAboveSchedule).toBe(true);
  });

  it("applies the same rule to registerClaim's initial lines", async () => {
    const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency });
    const res = await api.gql<{ registerClaim: PayloadShape }>(
      REGISTER,
      {
        input: {
          caseId: cov.kase.id,
          policyId: cov.policy.id,
          liabilityId: cov.liability.id,
          lines: [{ ...cleaning, unitPrice: "60.01" }],
        },
      },
      agencyKey,
    );
    expect(res.data.registerClaim.claim).toBeNull();
    expect(res.data.registerClaim.userErrors[0]!.code).toBe("PRICE_ABOVE_SCHEDULE");
  });
});

describe("modifiers", () => {
  it("take their factor from the configured list: AH is 1.5 whatever the client wishes", async () => {
    const claim = await draft();
    const res = await setLines(claim, [{ ...cleaning, modifiers: [{ code: "ah" }] }]);
    expect(res.data.setClaimLines.userErrors).toEqual([]);
    const line = (res.data.setClaimLines.claim as unknown as { lines: Record<string, unknown>[] }).lines[0]!;
    expect(line).toMatchObject({ modifiers: [{ code: "AH", factor: "1.5" }], amount: "90.00" });
    const list = await api.gql<{ claimModifiers: { code: string; factor: string }[] }>(
      `{ claimModifiers { code factor description } }`,
      {},
      agencyKey,
    );
    expect(list.data.claimModifiers).toContainEqual(expect.objectContaining({ code: "AH", factor: "1.5000" }));
  });

  it("make a factor of 1000 impossible: the input has no factor at all", async () => {
    const claim = await draft();
    const res = await setLines(claim, [{ ...cleaning, modifiers: [{ code: "AH", factor: "1000" }] }]);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/factor/);
    const after = await api.gql<{ claim: { gross: string; lineCount: number } }>(CLAIM, { id: claim.id }, agencyKey);
    expect(after.data.claim).toMatchObject({ gross: "0.00", lineCount: 0 });
  });

  it("refuse an unknown code with UNKNOWN_MODIFIER at the code", async () => {
    const claim = await draft();
    const res = await setLines(claim, [{ ...cleaning, modifiers: [{ code: "X1000" }] }]);
    expect(res.data.setClaimLines.claim).toBeNull();
    expect(res.data.setClaimLines.userErrors[0]).toMatchObject({
      code: "UNKNOWN_MODIFIER",
      field: ["lines", "0", "modifiers", "0", "code"],
    });
  });
});
