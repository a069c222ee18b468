import { expect } from "vitest";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import type { TestApi } from "../../test-support/server.fixtures.js";
import { OrganizationKind, type Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Liability, Policy, PolicyMember, PolicyType } from "../policy/policy.entity.js";
import { VisitorHospital, type User } from "../user/user.entity.js";

/** Everyone a visit test needs: staff with tokens, partners with API keys, a patient with two policies. */
export interface VisitWorld {
  fx: Fixtures;
  hospital: Organization;
  otherHospital: Organization;
  clinic: Organization;
  hospitalKey: string;
  otherHospitalKey: string;
  clinicKey: string;
  operator: string;
  /** ADMIN may do what BILLING does: reads payout accounts in clear */
  admin: string;
  reviewer: string;
  billing: string;
  visitor: User & { token: string };
  secondVisitor: User & { token: string };
  strangerVisitor: User & { token: string };
  patient: Patient;
  individual: Policy;
  group: Policy;
  foreignPolicy: Policy;
  liabilities: { hosp: Liability; surgery: Liability; groupHosp: Liability; foreign: Liability };
}

let serial = 0;

export async function buildVisitWorld(api: TestApi): Promise<VisitWorld> {
  const fx = new Fixtures(api.orm);
  const em = fx.em;
  const hospital = await fx.organization(OrganizationKind.HOSPITAL, {
    name: "仁济医院",
    timeZone: "Asia/Shanghai",
    country: "CN",
  } as never);
  const otherHospital = await fx.organization(OrganizationKind.HOSPITAL);
  const clinic = await fx.organization(OrganizationKind.CLINIC, { name: "Clínica Dental Sur" } as never);
  const token = async (u: User & { password: string }) => loginAs(api.gql, u.email, u.password);
  const staff = async (roles: Parameters<Fixtures["user"]>[0], phone: string) => {
    const u = await fx.user(roles, { phone, language: "zh" } as never);
    return Object.assign(u, { token: await token(u) });
  };
  const visitor = await staff(["VISITOR"], "+8613800000001");
  const secondVisitor = await staff(["VISITOR"], "+8613800000002");
  const strangerVisitor = await staff(["VISITOR"], "+8613800000003");
  for (const v of [visitor, secondVisitor]) em.persist(em.create(VisitorHospital, { visitor: v, hospital }));
  em.persist(em.create(VisitorHospital, { visitor: strangerVisitor, hospital: otherHospital }));

  serial += 1;
  const patient = em.create(Patient, {
    customerNumber: `0582${String(1000 + serial).padStart(4, "0")}`,
    firstName: "伟",
    lastName: "王",
    phone: "+8613911112222",
    email: `wang${serial}@example.test`,
    emailConsent: true,
    language: "zh",
    registeredBy: hospital,
  });
  const policy = (type: PolicyType, n: string) =>
    em.create(Policy, {
      number: `${n}-${serial}-${Date.now()}`,
      type,
      insurer: hospital,
      holderName: "王伟",
      validFrom: "2020-01-01",
      validTo: "2099-12-31",
      currency: "CNY",
    });
  const individual = policy(PolicyType.INDIVIDUAL, "IND");
  const group = policy(PolicyType.GROUP, "GRP");
  const foreignPolicy = policy(PolicyType.INDIVIDUAL, "OTHER");
  const liability = (p: Policy, code: string) =>
    em.create(Liability, { policy: p, code, name: code, coverageRate: "0.8000" });
  const liabilities = {
    hosp: liability(individual, "HOSP"),
    surgery: liability(individual, "SURG"),
    groupHosp: liability(group, "HOSP"),
    foreign: liability(foreignPolicy, "HOSP"),
  };
  em.persist([patient, individual, group, foreignPolicy, ...Object.values(liabilities)]);
  em.persist(em.create(PolicyMember, { policy: individual, patient }));
  em.persist(em.create(PolicyMember, { policy: group, patient }));
  await em.flush();

  return {
    fx,
    hospital,
    otherHospital,
    clinic,
    hospitalKey: (await fx.apiKey(hospital)).secret,
    otherHospitalKey: (await fx.apiKey(otherHospital)).secret,
    clinicKey: (await fx.apiKey(clinic)).secret,
    operator: await token(await fx.user(["OPERATOR"])),
    admin: await token(await fx.user(["ADMIN"])),
    reviewer: await token(await fx.user(["REVIEWER"])),
    billing: await token(await fx.user(["BILLING"])),
    visitor,
    secondVisitor,
    strangerVisitor,
    patient,
    individual,
    group,
    foreignPolicy,
    liabilities,
  };
}

export const VISIT_FIELDS = `id number version kind status scheduledAt reminderDueAt remindedAt assigneeId siteId caseId
  conclusion returnReason returnCount bankAccount bankAccountScheme diagnosisCodes ward bed admissionDate availableTransitions
  liabilityLinks { policyId liabilityId policy { number type } liability { code } }`;

export interface VisitView {
  id: string;
  number: string;
  version: number;
  kind: string;
  status: string;
  scheduledAt: string | null;
  reminderDueAt: string | null;
  remindedAt: string | null;
  assigneeId: string | null;
  siteId: string;
  caseId: string | null;
  conclusion: string | null;
  returnReason: string | null;
  returnCount: number;
  bankAccount: string | null;
  bankAccountScheme: string | null;
  diagnosisCodes: string[];
  availableTransitions: string[];
  liabilityLinks: {
    policyId: string;
    liabilityId: string;
    policy: { number: string } | null;
    liability: { code: string } | null;
  }[];
}

export interface UserErrorView {
  code: string;
  field: string[] | null;
  message: string;
}

/** Runs a mutation returning `{ visit, userErrors }` and gives both back. */
export async function visitMutation(
  api: TestApi,
  name: string,
  input: Record<string, unknown>,
  token: string,
): Promise<{ visit: VisitView | null; userErrors: UserErrorView[] }> {
  const inputType = name.charAt(0).toUpperCase() + name.slice(1) + "Input";
  const res = await api.gql<Record<string, { visit: VisitView | null; userErrors: UserErrorView[] }>>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { visit { ${VISIT_FIELDS} } userErrors { code field message } } }`,
    { input },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data[name]!;
}

export async function readVisit(api: TestApi, id: string, token: string): Promise<VisitView | null> {
  const res = await api.gql<{ visit: VisitView | null }>(
    `query($id: ID!) { visit(id: $id) { ${VISIT_FIELDS} } }`,
    { id },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.visit;
}

export async function listVisits(api: TestApi, filter: Record<string, unknown>, token: string): Promise<VisitView[]> {
  const res = await api.gql<{ visits: { nodes: VisitView[]; totalCount: number } }>(
    `query($filter: VisitFilter) { visits(first: 100, filter: $filter) { totalCount nodes { ${VISIT_FIELDS} } } }`,
    { filter },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data.visits.totalCount).toBe(res.data.visits.nodes.length);
  return res.data.visits.nodes;
}

/** A hospital registers an INPATIENT case through GraphQL; returns the case id. */
export async function registerInpatientCase(
  api: TestApi,
  world: VisitWorld,
  hospitalKey = world.hospitalKey,
): Promise<string> {
  const res = await api.gql<{ registerCase: { case: { id: string } | null; userErrors: UserErrorView[] } }>(
    `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { case { id } userErrors { code field message } } }`,
    { input: { patientId: world.patient.id, kind: "INPATIENT", incidentDate: "2026-03-08" } },
    hospitalKey,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data.registerCase.userErrors).toEqual([]);
  return res.data.registerCase.case!.id;
}

/** assignVisit through GraphQL; returns the payload. */
export async function assignVisits(
  api: TestApi,
  token: string,
  visitIds: string[],
  visitorId: string,
  notifySms = true,
) {
  const res = await api.gql<{ assignVisit: { visits: VisitView[] | null; userErrors: UserErrorView[] } }>(
    `mutation($input: AssignVisitInput!) {
      assignVisit(input: $input) { visits { ${VISIT_FIELDS} } userErrors { code field message } }
    }`,
    { input: { visitIds, visitorId, notifySms } },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.assignVisit;
}

/** A new inpatient case registered by the hospital, and the field visit it opened. */
export async function pendingFieldVisit(api: TestApi, world: VisitWorld): Promise<VisitView> {
  const caseId = await registerInpatientCase(api, world);
  const [visit] = await listVisits(api, { caseId }, world.operator);
  expect(visit).toMatchObject({ kind: "FIELD_VISIT", status: "PENDING_ASSIGNMENT", siteId: world.hospital.id, caseId });
  return visit!;
}
