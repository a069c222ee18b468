import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { Case, CaseKind } from "../case/case.entity.js";
import { Patient } from "./patient.entity.js";
import { NATIONAL_ID_MASK } from "./national-id.js";

let api: TestApi;
let fx: Fixtures;
let clinicA: Organization;
let clinicAKey: string;
let clinicBKey: string;
let hospitalKey: string;
let hospital: Organization;
let adminToken: string;
let operatorToken: string;

const PATIENT_FIELDS = `id version status customerNumber firstName lastName birthDate phone email nationalId declaredInsurance
  registeredById availableTransitions history { fromStatus toStatus event }`;
const REGISTER = `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { ${PATIENT_FIELDS} } userErrors { code field message } } }`;
const TRANSITION = `mutation($i: TransitionPatientInput!) { transitionPatient(input: $i) { patient { id status version } userErrors { code field message } } }`;
const UPDATE = `mutation($i: UpdatePatientInput!) { updatePatient(input: $i) { patient { id version phone } userErrors { code field message } } }`;
const GET = `query($id: ID!) { patient(id: $id) { ${PATIENT_FIELDS} } }`;

interface PatientOut {
  id: string;
  version: number;
  status: string;
  customerNumber: string;
  nationalId: string | null;
  declaredInsurance: string | null;
  availableTransitions: string[];
  history: { fromStatus: string | null; toStatus: string; event: string }[];
}
interface Payload {
  patient: PatientOut | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

async function register(input: Record<string, unknown>, token = clinicAKey): Promise<Payload> {
  const res = await api.gql<{ registerPatient: Payload }>(REGISTER, { i: input }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.registerPatient;
}

const intake = (extra: Record<string, unknown> = {}) => ({
  firstName: "Ivana",
  lastName: "Petrova",
  birthDate: "1988-04-12",
  phone: "+359888123456",
  email: "ivana.petrova@example.bg",
  language: "bg",
  smsConsent: true,
  emailConsent: true,
  nationalId: "8804120000",
  ...extra,
});

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  clinicA = await fx.organization(OrganizationKind.CLINIC);
  const clinicB = await fx.organization(OrganizationKind.CLINIC);
  hospital = await fx.organization(OrganizationKind.HOSPITAL);
  clinicAKey = (await fx.apiKey(clinicA)).secret;
  clinicBKey = (await fx.apiKey(clinicB)).secret;
  hospitalKey = (await fx.apiKey(hospital)).secret;
  const admin = await fx.user(["ADMIN"]);
  const operator = await fx.user(["OPERATOR"]);
  adminToken = await loginAs(api.gql, admin.email, admin.password);
  operatorToken = await loginAs(api.gql, operator.email, operator.password);
});
afterAll(async () => api?.close());

describe("patient intake (dental seed steps 1–4)", () => {
  it("registers a PROSPECT with a generated 8-digit customer number and a history that starts at PROSPECT", async () => {
    const { patient, userErrors } = await register(intake());
    expect(userErrors).toEqual([]);
    expect(patient!.status).toBe("PROSPECT");
    expect(patient!.customerNumber).toMatch(/^[1-9]\d{7}$/);
    expect(patient!.availableTransitions).toEqual(["ACTIVATE"]);
    // StatusChange rows are staff-only until the platform gives them a scope rule.
    const asStaff = await api.gql<{ patient: PatientOut }>(GET, { id: patient!.id }, operatorToken);
    expect(asStaff.data.patient.history).toEqual([{ fromStatus: null, toStatus: "PROSPECT", event: "REGISTER" }]);
    expect(asStaff.data.patient.availableTransitions).toEqual(["ACTIVATE"]);
  });

  it("ACTIVATE by the registering clinic queues one welcome e-mail in the patient's language", async () => {
    const { patient } = await register(intake({ email: "welcome@example.bg" }));
    const res = await api.gql<{ transitionPatient: Payload }>(
      TRANSITION,
      { i: { id: patient!.id, event: "ACTIVATE", expectedVersion: patient!.version } },
      clinicAKey,
    );
    expect(res.data.transitionPatient.userErrors).toEqual([]);
    expect(res.data.transitionPatient.patient!.status).toBe("ACTIVE");
    const rows = await api.orm.em
      .getConnection()
      .execute(
        `select channel, recipient, template, language, body, dedupe_key, status from notification where patient_id = ?`,
        [patient!.id],
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: "EMAIL",
      recipient: "welcome@example.bg",
      template: "patient-welcome",
      language: "bg",
      dedupe_key: `patient-welcome:${patient!.id}`,
      status: "QUEUED",
    });
    expect(rows[0].body).toContain("Ivana");
    expect(rows[0].body).toContain("Здравейте");
  });

  it("queues no welcome e-mail without e-mail consent", async () => {
    const { patient } = await register(intake({ emailConsent: false }));
    await api.gql(
      TRANSITION,
      { i: { id: patient!.id, event: "ACTIVATE", expectedVersion: patient!.version } },
      operatorToken,
    );
    const rows = await api.orm.em
      .getConnection()
      .execute(`select 1 from notification where patient_id = ?`, [patient!.id]);
    expect(rows).toHaveLength(0);
  });

  it("refuses DEACTIVATE by a clinic (operator only) and allows it for the operator", async () => {
    const { patient } = await register(intake({ emailConsent: false }));
    const act = await api.gql<{ transitionPatient: Payload }>(
      TRANSITION,
      { i: { id: patient!.id, event: "ACTIVATE", expectedVersion: patient!.version } },
      clinicAKey,
    );
    const v = act.data.transitionPatient.patient!.version;
    const byClinic = await api.gql<{ transitionPatient: Payload }>(
      TRANSITION,
      { i: { id: patient!.id, event: "DEACTIVATE", expectedVersion: v } },
      clinicAKey,
    );
    expect(byClinic.data.transitionPatient.userErrors[0]!.code).toBe("TRANSITION_NOT_PERMITTED");
    const byOperator = await api.gql<{ transitionPatient: Payload }>(
      TRANSITION,
      { i: { id: patient!.id, event: "DEACTIVATE", expectedVersion: v, reason: "moved abroad" } },
      operatorToken,
    );
    expect(byOperator.data.transitionPatient.patient!.status).toBe("INACTIVE");
  });

  it("keeps a partner's declared policy number as unverified text (no membership), and unknown insurance as text", async () => {
    const insurer = await fx.organization(OrganizationKind.INSURER);
    const created = await api.gql<{ createPolicy: { policy: { id: string } | null; userErrors: unknown[] } }>(
      `mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { policy { id } userErrors { code field message } } }`,
      {
        i: {
          number: "POL-DENT-1",
          type: "INDIVIDUAL",
          insurerId: insurer.id,
          holderName: "Ivana Petrova",
          validFrom: "2026-01-01",
          validTo: "2026-12-31",
          currency: "EUR",
          liabilities: [{ code: "DENT", name: "Dental", coverageRate: "0.8" }],
        },
      },
      adminToken,
    );
    expect(created.data.createPolicy.userErrors).toEqual([]);
    const matched = await register(intake({ insurance: { policyNumber: "POL-DENT-1", insurerName: "DZI" } }));
    const members = await api.orm.em
      .getConnection()
      .execute(`select policy_id from policy_member where patient_id = ?`, [matched.patient!.id]);
    // Only the insurer or operator staff create memberships (declared-policy.int.test.ts).
    expect(members).toEqual([]);
    expect(matched.patient!.declaredInsurance).toBe("Insurer: DZI; Policy: POL-DENT-1");
    const unmatched = await register(intake({ insurance: { policyNumber: "UNKNOWN-9", insurerName: "Bulstrad" } }));
    expect(unmatched.patient!.declaredInsurance).toBe("Insurer: Bulstrad; Policy: UNKNOWN-9");
  });
});

describe("national id", () => {
  it("is ciphertext in the column, clear for the registering partner and ADMIN (audited), masked for other staff", async () => {
    const { patient } = await register(intake({ nationalId: "8804127531" }));
    const raw = await api.orm.em
      .getConnection()
      .execute(`select national_id_enc, national_id_index from patient where id = ?`, [patient!.id]);
    expect(raw[0].national_id_enc).toMatch(/^k1:/);
    expect(raw[0].national_id_enc).not.toContain("8804127531");
    // The clinic entered it: its own entry reads back as written (one masking rule per field).
    expect(patient!.nationalId).toBe("8804127531");
    const asOperator = await api.gql<{ patient: PatientOut }>(GET, { id: patient!.id }, operatorToken);
    expect(asOperator.data.patient.nationalId).toBe(NATIONAL_ID_MASK);
    const asAdmin = await api.gql<{ patient: PatientOut }>(GET, { id: patient!.id }, adminToken);
    expect(asAdmin.data.patient.nationalId).toBe("8804127531");
    const audits = await api.orm.em
      .getConnection()
      .execute(`select actor_kind from audit_event where action = 'patient.read.nationalId' and entity_id = ?`, [
        patient!.id,
      ]);
    expect(audits.map((a) => String(a.actor_kind)).sort()).toEqual(["PARTNER", "STAFF"]);
  });

  it("finds a patient by national id through the blind index", async () => {
    const { patient } = await register(intake({ nationalId: "7701019999" }));
    const res = await api.gql<{ patients: { nodes: { id: string }[] } }>(
      `{ patients(filter: { nationalId: "7701019999" }) { nodes { id } } }`,
      {},
      adminToken,
    );
    expect(res.data.patients.nodes.map((n) => n.id)).toEqual([patient!.id]);
  });
});

describe("idempotent registration", () => {
  it("creates one row for the same key sent twice in sequence", async () => {
    const input = intake({ idempotencyKey: "intake-seq-1", lastName: "Sequential" });
    const a = await register(input);
    const b = await register(input);
    expect(b.patient!.id).toBe(a.patient!.id);
    const n = await api.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from patient where last_name = 'Sequential'`);
    expect(n[0].n).toBe(1);
  });

  it("creates one row for the same key sent concurrently", async () => {
    const input = intake({ idempotencyKey: "intake-par-1", lastName: "Concurrent" });
    const results = await Promise.all([register(input), register(input), register(input)]);
    expect(new Set(results.map((r) => r.patient?.id)).size).toBe(1);
    const n = await api.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from patient where last_name = 'Concurrent'`);
    expect(n[0].n).toBe(1);
  });

  it("refuses the same key with a different input with IDEMPOTENCY_KEY_REUSED", async () => {
    await register(intake({ idempotencyKey: "intake-reuse-1" }));
    const again = await register(intake({ idempotencyKey: "intake-reuse-1", firstName: "Other" }));
    expect(again.patient).toBeNull();
    expect(again.userErrors[0]!.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});

describe("validation and versions", () => {
  it.each([
    ["phone", { phone: "0888 123 456" }],
    ["birthDate", { birthDate: "2026-02-30" }],
    ["email", { email: "not-an-email" }],
    ["customerNumber", { customerNumber: "12345" }],
  ])("refuses a bad %s with VALIDATION_FAILED naming the field", async (field, bad) => {
    const res = await register(intake(bad));
    expect(res.patient).toBeNull();
    expect(res.userErrors[0]).toMatchObject({ code: "VALIDATION_FAILED", field: [field] });
  });

  it("reports every broken field of one input, each at its path", async () => {
    const res = await register(intake({ phone: "0888 123 456", email: "not-an-email", birthDate: "2026-02-30" }));
    expect(res.patient).toBeNull();
    expect(res.userErrors.map((e) => e.field?.[0]).sort()).toEqual(["birthDate", "email", "phone"]);
    expect(new Set(res.userErrors.map((e) => e.code))).toEqual(new Set(["VALIDATION_FAILED"]));
  });

  it("refuses a stale expectedVersion with STALE_VERSION and changes nothing", async () => {
    const { patient } = await register(intake({ phone: "+359888000001" }));
    const ok = await api.gql<{ updatePatient: Payload & { patient: { version: number; phone: string } | null } }>(
      UPDATE,
      { i: { id: patient!.id, expectedVersion: patient!.version, phone: "+359888000002" } },
      clinicAKey,
    );
    expect(ok.data.updatePatient.userErrors).toEqual([]);
    const stale = await api.gql<{ updatePatient: Payload }>(
      UPDATE,
      { i: { id: patient!.id, expectedVersion: patient!.version, phone: "+359888000003" } },
      clinicAKey,
    );
    expect(stale.data.updatePatient.userErrors[0]!.code).toBe("STALE_VERSION");
    const row = await api.orm.em
      .getConnection()
      .execute(`select phone, version from patient where id = ?`, [patient!.id]);
    expect(row[0]).toEqual({ phone: "+359888000002", version: patient!.version + 1 });
  });
});

describe("partner scoping", () => {
  it("hides clinic A's patient from clinic B: by id, in lists and for updates", async () => {
    const { patient } = await register(intake({ lastName: "Hidden" }));
    const byId = await api.gql<{ patient: PatientOut | null }>(GET, { id: patient!.id }, clinicBKey);
    expect(byId.data.patient).toBeNull();
    const list = await api.gql<{ patients: { totalCount: number; nodes: { id: string }[] } }>(
      `{ patients(first: 100, filter: { search: "Hidden" }) { totalCount nodes { id } } }`,
      {},
      clinicBKey,
    );
    expect(list.data.patients).toEqual({ totalCount: 0, nodes: [] });
    const upd = await api.gql<{ updatePatient: Payload }>(
      UPDATE,
      { i: { id: patient!.id, expectedVersion: patient!.version, phone: "+359888999999" } },
      clinicBKey,
    );
    expect(upd.data.updatePatient.userErrors[0]!.code).toBe("NOT_FOUND");
    const own = await api.gql<{ patient: PatientOut | null }>(GET, { id: patient!.id }, clinicAKey);
    expect(own.data.patient!.id).toBe(patient!.id);
  });

  it("shows a hospital the patients of cases at that hospital (raw subquery in the scope filter)", async () => {
    const { patient } = await register(intake({ lastName: "Inpatient" }));
    const before = await api.gql<{ patient: PatientOut | null }>(GET, { id: patient!.id }, hospitalKey);
    expect(before.data.patient).toBeNull();
    const kase = fx.em.create(Case, {
      number: "CASE-2026-990001",
      patient: fx.em.getReference(Patient, patient!.id),
      kind: CaseKind.INPATIENT,
      incidentDate: "2026-03-01",
      registeredBy: fx.em.getReference(Organization, clinicA.id),
      hospital: fx.em.getReference(Organization, hospital.id),
      scanKey: `${patient!.customerNumber}20260301`,
    });
    await fx.em.persist(kase).flush();
    const after = await api.gql<{ patient: PatientOut | null }>(GET, { id: patient!.id }, hospitalKey);
    expect(after.data.patient!.id).toBe(patient!.id);
    const list = await api.gql<{ patients: { nodes: { id: string }[] } }>(
      `{ patients(first: 100) { nodes { id } } }`,
      {},
      hospitalKey,
    );
    expect(list.data.patients.nodes.map((n) => n.id)).toEqual([patient!.id]);
  });
});
