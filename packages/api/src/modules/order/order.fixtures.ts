/**
 * Shared set-up for the order module's integration tests: an operator, two labs, a
 * hospital, a patient with a case, fee-schedule codes and the form templates.
 */
import { expect } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind, type Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { ServiceCode } from "../service-code/service-code.entity.js";
import { seedFormTemplates } from "./form-templates.seed.js";

export interface Kit {
  api: TestApi;
  fx: Fixtures;
  operator: string;
  billing: string;
  labA: Organization;
  labB: Organization;
  hospital: Organization;
  labAKey: string;
  labBKey: string;
  hospitalKey: string;
  patient: Patient;
  caseId: string;
  /** Runs an operation and fails the test on top-level errors. */
  q: <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string) => Promise<T>;
}

let patientCounter = 0;

export async function newPatient(fx: Fixtures, registeredBy?: Organization): Promise<Patient> {
  patientCounter += 1;
  const p = fx.em.create(Patient, {
    customerNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
    firstName: "María",
    lastName: `González ${patientCounter}`,
    registeredBy: registeredBy ?? null,
  } as never);
  await fx.em.persist(p).flush();
  return p;
}

export async function startKit(env: Record<string, string> = {}): Promise<Kit> {
  const api = await startTestApi(env);
  const fx = new Fixtures(api.orm);
  const op = await fx.user(["OPERATOR"]);
  const bill = await fx.user(["BILLING"]);
  const labA = await fx.organization(OrganizationKind.LAB, {
    email: "lab-a@example.test",
    phone: "+56922222222",
  } as never);
  const labB = await fx.organization(OrganizationKind.LAB);
  const hospital = await fx.organization(OrganizationKind.HOSPITAL);
  for (const [code, fee, currency] of [
    ["TRAUMA-01", "45000.50", "CLP"],
    ["TRAUMA-02", "12000.25", "CLP"],
    ["PSY-01", "80000", "CLP"],
    ["AUD-01", "30000", "CLP"],
    ["USD-01", "100", "USD"],
  ] as const) {
    fx.em.persist(fx.em.create(ServiceCode, { system: "LOCAL", code, description: code, fee, currency } as never));
  }
  await fx.em.flush();
  await seedFormTemplates(fx.em);
  const patient = await newPatient(fx);
  const operator = await loginAs(api.gql, op.email, op.password);
  const billing = await loginAs(api.gql, bill.email, bill.password);
  const q: Kit["q"] = async (query, variables, token) => {
    const res = await api.gql(query, variables, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data as never;
  };
  const reg = await q<{ registerCase: { case: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } userErrors { code message } } }`,
    { i: { patientId: patient.id, kind: "OUTPATIENT", incidentDate: "2026-01-10" } },
    operator,
  );
  expect(reg.registerCase.userErrors).toEqual([]);
  return {
    api,
    fx,
    operator,
    billing,
    labA,
    labB,
    hospital,
    labAKey: (await fx.apiKey(labA)).secret,
    labBKey: (await fx.apiKey(labB)).secret,
    hospitalKey: (await fx.apiKey(hospital)).secret,
    patient,
    caseId: reg.registerCase.case!.id,
    q,
  };
}

export const ORDER_FIELDS = `id number version status kind specialty confirmBy dueAt overdue amount currency
  providerId caseId availableTransitions rejection { code label text at }
  reports { id kind form templateVersion fileId }
  history { fromStatus toStatus event reason reasonCode actorKind }`;

export interface OrderView {
  id: string;
  number: string;
  version: number;
  status: string;
  confirmBy: string;
  dueAt: string;
  overdue: boolean;
  amount: string;
  currency: string;
  availableTransitions: string[];
  rejection: { code: string; label: string; text: string; at: string } | null;
  reports: { id: string; kind: string; form: unknown; templateVersion: number | null; fileId: string | null }[];
  history: {
    fromStatus: string | null;
    toStatus: string;
    event: string;
    reason: string | null;
    reasonCode: string | null;
    actorKind: string;
  }[];
}

export interface UserErr {
  code: string;
  field: string[] | null;
  message: string;
}

export async function issueOrder(kit: Kit, overrides: Record<string, unknown> = {}): Promise<OrderView> {
  const res = await kit.q<{ issueOrder: { order: OrderView | null; userErrors: UserErr[] } }>(
    `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { ${ORDER_FIELDS} } userErrors { code field message } } }`,
    {
      i: {
        caseId: kit.caseId,
        providerId: kit.labA.id,
        kind: "EXAM",
        specialty: "traumatology",
        serviceCodes: ["TRAUMA-01", "TRAUMA-02"],
        ...overrides,
      },
    },
    kit.operator,
  );
  expect(res.issueOrder.userErrors).toEqual([]);
  return res.issueOrder.order!;
}

export async function transition(
  kit: Kit,
  token: string,
  order: { id: string; version: number },
  event: string,
  extra: Record<string, unknown> = {},
): Promise<{ order: OrderView | null; userErrors: UserErr[] }> {
  const res = await kit.q<{ transitionOrder: { order: OrderView | null; userErrors: UserErr[] } }>(
    `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { ${ORDER_FIELDS} } userErrors { code field message } } }`,
    { i: { id: order.id, event, expectedVersion: order.version, ...extra } },
    token,
  );
  return res.transitionOrder;
}

/** Fires an event that must succeed; returns the new order view. */
export async function fire(kit: Kit, token: string, order: { id: string; version: number }, event: string, extra = {}) {
  const res = await transition(kit, token, order, event, extra);
  expect(res.userErrors, `${event}: ${JSON.stringify(res.userErrors)}`).toEqual([]);
  return res.order!;
}

export const TRAUMA_FORM = {
  diagnosis: "Fractura de radio distal",
  affectedSegment: "UPPER_LIMB",
  functionalLoss: 15,
  examinedAt: "2026-02-01",
};

export async function attach(
  kit: Kit,
  token: string,
  orderId: string,
  kind: string,
  content: { form?: unknown; fileId?: string },
  idempotencyKey?: string,
): Promise<{ order: OrderView | null; userErrors: UserErr[] }> {
  const res = await kit.q<{ attachOrderReport: { order: OrderView | null; userErrors: UserErr[] } }>(
    `mutation($i: AttachOrderReportInput!) { attachOrderReport(input: $i) { order { ${ORDER_FIELDS} } userErrors { code field message } } }`,
    { i: { orderId, kind, ...content, idempotencyKey } },
    token,
  );
  return res.attachOrderReport;
}

/** Moves a fresh order to the given state through the machine, as the real actors would. */
export async function orderIn(kit: Kit, status: string): Promise<OrderView> {
  let o = await issueOrder(kit);
  if (status === "ISSUED") return o;
  if (status === "SUSPENDED") return fire(kit, kit.operator, o, "SUSPEND", { reason: "paperwork" });
  o = await fire(kit, kit.labAKey, o, "CONFIRM");
  if (status === "CONFIRMED") return o;
  o = await fire(kit, kit.labAKey, o, "START_EVALUATION");
  if (status === "IN_EVALUATION") return o;
  const attached = await attach(kit, kit.labAKey, o.id, "FINAL", { form: TRAUMA_FORM });
  expect(attached.userErrors).toEqual([]);
  o = await fire(kit, kit.labAKey, attached.order!, "SUBMIT_FOR_REVIEW");
  if (status === "IN_VERIFICATION") return o;
  if (status === "REJECTED")
    return fire(kit, kit.operator, o, "REJECT", { reasonCode: "INCOMPLETE_REPORT", reason: "Falta anexo" });
  o = await fire(kit, kit.operator, o, "APPROVE");
  if (status === "VALIDATED_FOR_BILLING") return o;
  throw new Error(`orderIn: unsupported ${status}`);
}
