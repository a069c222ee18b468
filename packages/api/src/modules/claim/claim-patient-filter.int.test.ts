import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "./claim.fixtures.js";
import { CLAIMS, REGISTER, type PayloadShape } from "./claim-graphql.fixtures.js";

let api: TestApi;
let agencyKey: string;
let operator: string;
const covered: Coverage[] = [];
const numbers: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  const agency = await fx.organization(OrganizationKind.AGENCY);
  const insurer = await fx.organization(OrganizationKind.INSURER);
  agencyKey = (await fx.apiKey(agency)).secret;
  const op = await fx.user(["OPERATOR"]);
  operator = await loginAs(api.gql, op.email, op.password);
  await dentalFeeSchedule(fx.em);
  for (let i = 0; i < 2; i++) {
    const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency });
    covered.push(cov);
    const res = await api.gql<{ registerClaim: PayloadShape }>(
      REGISTER,
      {
        input: {
          caseId: cov.kase.id,
          policyId: cov.policy.id,
          liabilityId: cov.liability.id,
          kind: "OUTPATIENT",
          lines: [{ system: "CDT", code: "D1110", quantity: 1 }],
        },
      },
      agencyKey,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.registerClaim.userErrors).toEqual([]);
    numbers.push(res.data.registerClaim.claim!.number);
  }
});
afterAll(async () => api?.close());

type Claims = { claims: { totalCount: number; nodes: { number: string }[] } };

describe("ClaimFilter.patientId", () => {
  it("lists the claims of one patient, through their cases, for staff and for the registering partner", async () => {
    for (const token of [operator, agencyKey]) {
      const res = await api.gql<Claims>(CLAIMS, { filter: { patientId: covered[0]!.patient.id } }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.claims.nodes.map((n) => n.number)).toEqual([numbers[0]]);
    }
  });

  it("with a case of another patient, finds nothing", async () => {
    const res = await api.gql<Claims>(
      CLAIMS,
      { filter: { patientId: covered[0]!.patient.id, caseId: covered[1]!.kase.id } },
      operator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.claims.totalCount).toBe(0);
  });
});
