import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind, type Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";

/**
 * Issue 21 item 1: a value written is read back in one format by every query that shows it:
 * money with exactly its currency's minor digits (CLP none, EUR two), rates with 4 decimals,
 * whatever the input's trailing zeros and whichever query or echo shows it.
 */
let api: TestApi;
let operator: string;
let insurer: Organization;
let patientId: string;

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  const op = await fx.user(["OPERATOR"]);
  operator = await loginAs(api.gql, op.email, op.password);
  insurer = await fx.organization(OrganizationKind.INSURER);
  const clinic = await fx.organization(OrganizationKind.CLINIC);
  const patient = fx.em.create(Patient, {
    customerNumber: "05829001",
    firstName: "Ana",
    lastName: "Rojas",
    phone: "+56911112222",
    language: "es",
    registeredBy: clinic,
  } as never);
  await fx.em.persist(patient).flush();
  patientId = patient.id;
});
afterAll(async () => api?.close());

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await api.gql<T>(query, variables, operator);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const POLICY_FIELDS = `id deductible coverageRate currency liabilities { id code coverageRate annualLimit perClaimLimit }`;

describe("money and rates read back in one format", () => {
  it("a CLP policy: the echo, policy(id), policies and checkEligibility show the same strings", async () => {
    const created = await gql<{ createPolicy: { policy: Record<string, unknown> & { id: string } } }>(
      `mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { policy { ${POLICY_FIELDS} } userErrors { code field } } }`,
      {
        i: {
          number: `RT-${Date.now()}`,
          type: "INDIVIDUAL",
          insurerId: insurer.id,
          holderName: "Ana Rojas",
          validFrom: "2026-01-01",
          validTo: "2026-12-31",
          deductible: "50000.00",
          coverageRate: "0.7",
          currency: "CLP",
          liabilities: [
            {
              code: "OUTP",
              name: "Ambulatorio",
              coverageRate: "0.80",
              annualLimit: "1000000",
              perClaimLimit: "200000.0",
            },
          ],
          memberIds: [patientId],
        },
      },
    );
    const expected = {
      deductible: "50000",
      coverageRate: "0.7000",
      currency: "CLP",
      liabilities: [{ code: "OUTP", coverageRate: "0.8000", annualLimit: "1000000", perClaimLimit: "200000" }],
    };
    const echo = created.createPolicy.policy;
    expect(echo).toMatchObject(expected);
    const read = await gql<{ policy: unknown }>(`query($id: ID!) { policy(id: $id) { ${POLICY_FIELDS} } }`, {
      id: echo.id,
    });
    expect(read.policy).toMatchObject(expected);
    const list = await gql<{ policies: { nodes: { id: string }[] } }>(
      `{ policies(first: 100) { nodes { ${POLICY_FIELDS} } } }`,
      {},
    );
    expect(list.policies.nodes.find((n) => n.id === echo.id)).toMatchObject(expected);
    const liabilityId = (echo.liabilities as { id: string }[])[0]!.id;
    const eligibility = await gql<{ checkEligibility: Record<string, unknown> }>(
      `query($i: EligibilityInput!) { checkEligibility(input: $i) {
        currency deductible deductibleRemaining coverageRate
        limitsRemaining { coverageRate annualLimit annualUsed annualRemaining perClaimLimit } } }`,
      { i: { patientId, policyId: echo.id, liabilityId, date: "2026-06-01", serviceCodes: [] } },
    );
    expect(eligibility.checkEligibility).toMatchObject({
      currency: "CLP",
      deductible: "50000",
      deductibleRemaining: "50000",
      coverageRate: "0.8000",
      limitsRemaining: [
        {
          coverageRate: "0.8000",
          annualLimit: "1000000",
          annualUsed: "0",
          annualRemaining: "1000000",
          perClaimLimit: "200000",
        },
      ],
    });
  });

  it("refuses a CLP amount with digits below the peso instead of showing it rounded", async () => {
    const res = await gql<{ createServiceCode: { userErrors: { code: string; field: string[] }[] } }>(
      `mutation($i: CreateServiceCodeInput!) { createServiceCode(input: $i) { serviceCode { id } userErrors { code field } } }`,
      { i: { system: "LOCAL", code: "RT-HALF", description: "Half a peso", fee: "35000.50", currency: "CLP" } },
    );
    expect(res.createServiceCode.userErrors).toEqual([{ code: "TOO_MANY_DECIMALS", field: ["fee"] }]);
  });

  it("a fee in CLP and one in EUR: the echo, serviceCode(id) and serviceCodes show each currency's digits", async () => {
    const make = async (code: string, fee: string, currency: string) =>
      (
        await gql<{ createServiceCode: { serviceCode: { id: string; fee: string } } }>(
          `mutation($i: CreateServiceCodeInput!) { createServiceCode(input: $i) { serviceCode { id fee } userErrors { code } } }`,
          { i: { system: "LOCAL", code, description: code, fee, currency } },
        )
      ).createServiceCode.serviceCode;
    const clp = await make("RT-CLP", "35000.00", "CLP");
    const eur = await make("RT-EUR", "12.5", "EUR");
    expect([clp.fee, eur.fee]).toEqual(["35000", "12.50"]);
    for (const [sc, fee] of [
      [clp, "35000"],
      [eur, "12.50"],
    ] as const) {
      const one = await gql<{ serviceCode: { fee: string } }>(`query($id: ID!) { serviceCode(id: $id) { fee } }`, {
        id: sc.id,
      });
      expect(one.serviceCode.fee).toBe(fee);
    }
    const list = await gql<{ serviceCodes: { nodes: { id: string; fee: string }[] } }>(
      `{ serviceCodes(first: 100, filter: { system: "LOCAL" }) { nodes { id fee } } }`,
      {},
    );
    expect(
      list.serviceCodes.nodes
        .filter((n) => n.id === clp.id || n.id === eur.id)
        .map((n) => n.fee)
        .sort(),
    ).toEqual(["12.50", "35000"]);
  });
});
