import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { insuredPatientWithCase, type Coverage } from "./claim.fixtures.js";
import { REGISTER, type PayloadShape } from "./claim-graphql.fixtures.js";

/**
 * Issue 21 item 4: a discount lies in the range its service code is configured with
 * (`ServiceCode.maxDiscountRate`, a share of quantity × unit price), enforced by the claim
 * engine wherever a line is priced (setClaimLines, registerClaim, estimateCost), with an
 * error naming the range.
 */
let api: TestApi;
let fx: Fixtures;
let agency: Organization;
let insurer: Organization;
let agencyKey: string;
let admin: string;

type ServiceCodePayload = {
  serviceCode: { id: string; version: number; maxDiscountRate: string | null } | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
};

const CREATE_CODE = `mutation($input: CreateServiceCodeInput!) { createServiceCode(input: $input) {
  serviceCode { id version maxDiscountRate } userErrors { code field message } } }`;
const UPDATE_CODE = `mutation($input: UpdateServiceCodeInput!) { updateServiceCode(input: $input) {
  serviceCode { id version maxDiscountRate } userErrors { code field message } } }`;
const SET_LINES = `mutation($input: SetClaimLinesInput!) { setClaimLines(input: $input) {
  claim { id version gross lines { discount amount } } userErrors { code field message } } }`;
const ESTIMATE = `query($input: EstimateInput!) { estimateCost(input: $input) { gross lines { discount amount } } }`;

let codeId: string;
let codeVersion: number;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  agency = await fx.organization(OrganizationKind.AGENCY);
  insurer = await fx.organization(OrganizationKind.INSURER);
  agencyKey = (await fx.apiKey(agency)).secret;
  const a = await fx.user(["ADMIN"]);
  admin = await loginAs(api.gql, a.email, a.password);
  const created = await api.gql<{ createServiceCode: ServiceCodePayload }>(
    CREATE_CODE,
    {
      input: {
        system: "CDT",
        code: "D0120",
        description: "Periodic oral evaluation",
        fee: "25.00",
        currency: "EUR",
        maxDiscountRate: "0.25",
      },
    },
    admin,
  );
  expect(created.data.createServiceCode.userErrors).toEqual([]);
  codeId = created.data.createServiceCode.serviceCode!.id;
  codeVersion = created.data.createServiceCode.serviceCode!.version;
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
  return { cov, id: res.data.registerClaim.claim!.id, version: res.data.registerClaim.claim!.version };
}

const evaluation = (discount: string) => ({ system: "CDT", code: "D0120", quantity: 2, discount });

describe("a service code's discount range", () => {
  it("is configured on the code as a Rate and read back in the Rate format", async () => {
    const res = await api.gql<{ serviceCodes: { nodes: { maxDiscountRate: string | null }[] } }>(
      `query { serviceCodes(filter: { search: "D0120" }) { nodes { maxDiscountRate } } }`,
      {},
      admin,
    );
    expect(res.data.serviceCodes.nodes).toEqual([{ maxDiscountRate: "0.2500" }]);
  });

  it("refuses a rate outside 0..1 on the code", async () => {
    const res = await api.gql<{ updateServiceCode: ServiceCodePayload }>(
      UPDATE_CODE,
      { input: { id: codeId, expectedVersion: codeVersion, maxDiscountRate: "1.5" } },
      admin,
    );
    expect(res.data.updateServiceCode.userErrors).toMatchObject([
      { code: "VALIDATION_FAILED", field: ["maxDiscountRate"] },
    ]);
  });

  it("lets setClaimLines take a discount up to the bound (2 × 25.00 × 0.25 = 12.50)", async () => {
    const claim = await draft();
    const res = await api.gql<{ setClaimLines: PayloadShape }>(
      SET_LINES,
      { input: { id: claim.id, expectedVersion: claim.version, lines: [evaluation("12.50")] } },
      agencyKey,
    );
    expect(res.data.setClaimLines.userErrors).toEqual([]);
    expect(res.data.setClaimLines.claim).toMatchObject({
      gross: "37.50",
      lines: [{ discount: "12.50", amount: "37.50" }],
    });
  });

  it("refuses one cent more with DISCOUNT_OUT_OF_RANGE on the line's discount, naming the range, and writes nothing", async () => {
    const claim = await draft();
    const res = await api.gql<{ setClaimLines: PayloadShape }>(
      SET_LINES,
      { input: { id: claim.id, expectedVersion: claim.version, lines: [evaluation("12.51")] } },
      agencyKey,
    );
    expect(res.status).toBe(200);
    expect(res.data.setClaimLines.claim).toBeNull();
    expect(res.data.setClaimLines.userErrors).toEqual([
      {
        code: "DISCOUNT_OUT_OF_RANGE",
        field: ["lines", "0", "discount"],
        message:
          "Discount 12.51 is outside the allowed range for CDT:D0120: 0..12.50 EUR (at most 25 % of quantity × unit price 50.00).",
      },
    ]);
    const rows = await api.orm.em.getConnection().execute(`select 1 from claim_line where claim_id = ?`, [claim.id]);
    expect(rows).toEqual([]);
  });

  it("holds for estimateCost too: a query's bad input is HTTP 400 with the same code and path", async () => {
    const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency });
    const input = (discount: string) => ({
      patientId: cov.patient.id,
      policyId: cov.policy.id,
      liabilityId: cov.liability.id,
      date: "2026-03-10",
      lines: [evaluation(discount)],
    });
    const ok = await api.gql<{ estimateCost: { gross: string } }>(ESTIMATE, { input: input("12.50") }, agencyKey);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.estimateCost.gross).toBe("37.50");
    const refused = await api.gql(ESTIMATE, { input: input("20.00") }, agencyKey);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining("0..12.50 EUR"),
      extensions: { code: "DISCOUNT_OUT_OF_RANGE", field: ["lines", "0", "discount"] },
    });
  });

  it("keeps lines set under an older range when the range is tightened (only new pricing is checked)", async () => {
    const claim = await draft();
    const set = await api.gql<{ setClaimLines: PayloadShape }>(
      SET_LINES,
      { input: { id: claim.id, expectedVersion: claim.version, lines: [evaluation("12.50")] } },
      agencyKey,
    );
    expect(set.data.setClaimLines.userErrors).toEqual([]);
    const tightened = await api.gql<{ updateServiceCode: ServiceCodePayload }>(
      UPDATE_CODE,
      { input: { id: codeId, expectedVersion: codeVersion, maxDiscountRate: "0.1" } },
      admin,
    );
    expect(tightened.data.updateServiceCode.userErrors).toEqual([]);
    codeVersion = tightened.data.updateServiceCode.serviceCode!.version;
    const submitted = await api.gql<{ transitionClaim: PayloadShape }>(
      `mutation($input: TransitionClaimInput!) { transitionClaim(input: $input) { claim { status gross } userErrors { code message } } }`,
      {
        input: {
          id: claim.id,
          event: "SUBMIT",
          expectedVersion: (set.data.setClaimLines.claim as unknown as { version: number }).version,
        },
      },
      agencyKey,
    );
    expect(submitted.data.transitionClaim.userErrors).toEqual([]);
    expect(submitted.data.transitionClaim.claim).toMatchObject({ status: "SUBMITTED", gross: "37.50" });
  });
});
