import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";

/**
 * Issue 14 item 2: a partner's declared policy number is never a membership. Only the
 * policy's insurer or operator staff create memberships; until then eligibility says
 * MEMBERSHIP_NOT_VERIFIED and claims against the policy are refused. registerCase never
 * tells a partner whether someone else's patient exists.
 */
let api: TestApi;
let fx: Fixtures;
let hospitalKey: string;
let clinicKey: string;
let insurerKey: string;
let otherInsurerKey: string;
let operatorToken: string;
let insurer: Organization;
let policy: { id: string; number: string; liabilityId: string };

interface Err {
  code: string;
  field: string[] | null;
  message: string;
}
const ERR = "userErrors { code field message }";

async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await api.gql<T>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

async function registerPatient(token: string, lastName: string, policyNumber?: string) {
  const d = await gql<{
    registerPatient: {
      patient: { id: string; declaredPolicyNumber: string | null; declaredPolicyVerified: boolean | null } | null;
      userErrors: Err[];
    };
  }>(
    `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) {
      patient { id declaredPolicyNumber declaredPolicyVerified } ${ERR} } }`,
    {
      i: {
        firstName: "Petar",
        lastName,
        ...(policyNumber ? { insurance: { policyNumber, insurerName: "Somebody else's insurer" } } : {}),
      },
    },
    token,
  );
  expect(d.registerPatient.userErrors).toEqual([]);
  return d.registerPatient.patient!;
}

async function registerCase(token: string, patientId: string) {
  const d = await gql<{ registerCase: { case: { id: string } | null; userErrors: Err[] } }>(
    `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } ${ERR} } }`,
    { i: { patientId, kind: "OUTPATIENT", incidentDate: "2026-03-02" } },
    token,
  );
  return d.registerCase;
}

async function registerClaim(token: string, caseId: string) {
  const d = await gql<{ registerClaim: { claim: { id: string } | null; userErrors: Err[] } }>(
    `mutation($i: RegisterClaimInput!) { registerClaim(input: $i) { claim { id } ${ERR} } }`,
    { i: { caseId, policyId: policy.id, liabilityId: policy.liabilityId } },
    token,
  );
  return d.registerClaim;
}

async function eligibility(token: string, patientId: string, policyId?: string) {
  const d = await gql<{ checkEligibility: { eligible: boolean; reasons: { code: string }[] } }>(
    `query($i: EligibilityInput!) { checkEligibility(input: $i) { eligible reasons { code } } }`,
    { i: { patientId, date: "2026-03-02", serviceCodes: [], ...(policyId ? { policyId } : {}) } },
    token,
  );
  return d.checkEligibility;
}

async function addMember(token: string, patientId: string) {
  const d = await gql<{ addPolicyMember: { policy: { id: string } | null; userErrors: Err[] } }>(
    `mutation($i: PolicyLinkInput!) { addPolicyMember(input: $i) { policy { id } ${ERR} } }`,
    { i: { policyId: policy.id, targetId: patientId } },
    token,
  );
  return d.addPolicyMember;
}

const memberships = async (patientId: string) =>
  api.orm.em.getConnection().execute(`select policy_id from policy_member where patient_id = ?`, [patientId]);

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const hospital = await fx.organization(OrganizationKind.HOSPITAL);
  hospitalKey = (await fx.apiKey(hospital)).secret;
  clinicKey = (await fx.apiKey(await fx.organization(OrganizationKind.CLINIC))).secret;
  insurer = await fx.organization(OrganizationKind.INSURER);
  insurerKey = (await fx.apiKey(insurer)).secret;
  otherInsurerKey = (await fx.apiKey(await fx.organization(OrganizationKind.INSURER))).secret;
  const operator = await fx.user(["OPERATOR"]);
  operatorToken = await loginAs(api.gql, operator.email, operator.password);
  const created = await gql<{
    createPolicy: { policy: { id: string; number: string; liabilities: { id: string }[] } | null; userErrors: Err[] };
  }>(
    `mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { policy { id number liabilities { id } } ${ERR} } }`,
    {
      i: {
        number: `POL-INS-${Date.now()}`,
        type: "INDIVIDUAL",
        holderName: "Someone insured",
        validFrom: "2026-01-01",
        validTo: "2026-12-31",
        currency: "EUR",
        liabilities: [{ code: "OUTP", name: "Outpatient", coverageRate: "0.8" }],
      },
    },
    insurerKey,
  );
  expect(created.createPolicy.userErrors).toEqual([]);
  const p = created.createPolicy.policy!;
  policy = { id: p.id, number: p.number, liabilityId: p.liabilities[0]!.id };
});
afterAll(async () => api?.close());

describe("a partner's declared policy number", () => {
  it("no longer enrols: a hospital declaring another insurer's policy, then a case, then a claim, is refused", async () => {
    const patient = await registerPatient(hospitalKey, "Attacker-Enrolled", policy.number);
    expect(patient).toMatchObject({ declaredPolicyNumber: policy.number, declaredPolicyVerified: false });
    expect(await memberships(patient.id)).toEqual([]);

    const kase = await registerCase(hospitalKey, patient.id);
    expect(kase.userErrors).toEqual([]);
    const claim = await registerClaim(hospitalKey, kase.case!.id);
    expect(claim.claim).toBeNull();
    expect(claim.userErrors).toEqual([{ code: "NOT_FOUND", field: ["policyId"], message: "Policy not found." }]);
    const claims = await api.orm.em.getConnection().execute(`select 1 from claim where case_id = ?`, [kase.case!.id]);
    expect(claims).toEqual([]);
  });

  it("makes eligibility answer MEMBERSHIP_NOT_VERIFIED until the insurer confirms, then eligible", async () => {
    const patient = await registerPatient(hospitalKey, "Awaiting-Insurer", policy.number);
    const before = await eligibility(hospitalKey, patient.id);
    expect(before.eligible).toBe(false);
    expect(before.reasons.map((r) => r.code)).toEqual(["MEMBERSHIP_NOT_VERIFIED"]);
    const named = await eligibility(insurerKey, patient.id, policy.id);
    expect(named.reasons.map((r) => r.code)).toEqual(["MEMBERSHIP_NOT_VERIFIED"]);

    const confirmed = await addMember(insurerKey, patient.id);
    expect(confirmed.userErrors).toEqual([]);
    expect(await memberships(patient.id)).toEqual([{ policy_id: policy.id }]);
    const after = await eligibility(hospitalKey, patient.id);
    expect(after).toEqual({ eligible: true, reasons: [] });
    const seen = await gql<{ patient: { declaredPolicyVerified: boolean } }>(
      `query($id: ID!) { patient(id: $id) { declaredPolicyVerified } }`,
      { id: patient.id },
      hospitalKey,
    );
    expect(seen.patient.declaredPolicyVerified).toBe(true);

    const kase = await registerCase(hospitalKey, patient.id);
    const claim = await registerClaim(hospitalKey, kase.case!.id);
    expect(claim.userErrors).toEqual([]);
    expect(claim.claim!.id).toBeTruthy();
  });

  it("is confirmed by operator staff too, never by another insurer or the declaring partner", async () => {
    const patient = await registerPatient(clinicKey, "Awaiting-Operator", policy.number);
    const foreign = await addMember(otherInsurerKey, patient.id);
    expect(foreign.userErrors[0]!.code).toBe("NOT_FOUND");
    const byPartner = await api.gql(
      `mutation($i: PolicyLinkInput!) { addPolicyMember(input: $i) { policy { id } } }`,
      { i: { policyId: policy.id, targetId: patient.id } },
      clinicKey,
    );
    expect(byPartner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await memberships(patient.id)).toEqual([]);

    const byOperator = await addMember(operatorToken, patient.id);
    expect(byOperator.userErrors).toEqual([]);
    expect(await memberships(patient.id)).toEqual([{ policy_id: policy.id }]);
    expect((await eligibility(clinicKey, patient.id)).eligible).toBe(true);
  });

  it("lets operator staff registering the patient confirm the declared number at once", async () => {
    const patient = await registerPatient(operatorToken, "Operator-Intake", policy.number);
    expect(patient.declaredPolicyVerified).toBe(true);
    expect(await memberships(patient.id)).toEqual([{ policy_id: policy.id }]);
  });
});

describe("registerCase for a patient outside the partner's scope", () => {
  it("answers exactly like a patient that does not exist", async () => {
    const foreignPatient = await registerPatient(clinicKey, "Someone-Elses");
    const foreign = await registerCase(hospitalKey, foreignPatient.id);
    const missing = await registerCase(hospitalKey, randomUUID());
    expect(foreign.case).toBeNull();
    expect(foreign.userErrors).toEqual([{ code: "NOT_FOUND", field: ["patientId"], message: "Patient not found." }]);
    expect(foreign.userErrors).toEqual(missing.userErrors);
    const cases = await api.orm.em
      .getConnection()
      .execute(`select 1 from medical_case where patient_id = ?`, [foreignPatient.id]);
    expect(cases).toEqual([]);
  });
});
