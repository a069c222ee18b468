import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPatient, startKit, type Kit } from "../order/order.fixtures.js";
import { hooksOf } from "../../platform/composition/hooks.js";
import { caseRegistered } from "./case.events.js";
import type { Patient } from "../patient/patient.entity.js";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit?.api.close());

interface CaseView {
  id: string;
  number: string;
  version: number;
  status: string;
  kind: string;
  scanKey: string;
  incidentDate: string;
  registeredById: string;
  hospitalId: string | null;
  availableTransitions: string[];
  history: { event: string; toStatus: string }[];
}
interface Err {
  code: string;
  field: string[] | null;
}
const CASE = `id number version status kind incidentDate scanKey registeredById hospitalId availableTransitions history { event toStatus }`;

async function register(token: string, input: Record<string, unknown>) {
  const res = await kit.q<{ registerCase: { case: CaseView | null; userErrors: Err[] } }>(
    `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { ${CASE} } userErrors { code field } } }`,
    { i: input },
    token,
  );
  return res.registerCase;
}

async function transitionCase(token: string, c: { id: string; version: number }, event: string, reason?: string) {
  const res = await kit.q<{ transitionCase: { case: CaseView | null; userErrors: Err[] } }>(
    `mutation($i: TransitionCaseInput!) { transitionCase(input: $i) { case { ${CASE} } userErrors { code field } } }`,
    { i: { id: c.id, event, reason, expectedVersion: c.version } },
    token,
  );
  return res.transitionCase;
}

async function listCases(token: string, filter: Record<string, unknown>, orderBy?: Record<string, unknown>) {
  const res = await kit.api.gql<{ cases: { nodes: CaseView[] } }>(
    `query($f: CaseFilter, $o: CaseOrder) { cases(first: 100, filter: $f, orderBy: $o) { nodes { ${CASE} } } }`,
    { f: filter, o: orderBy },
    token,
  );
  return res;
}

describe("registerCase", () => {
  let patient: Patient;
  beforeAll(async () => {
    // The hospital's own patient: a partner registers cases only for patients in its scope
    // (declared-policy.int.test.ts proves a foreign one answers like a missing one).
    patient = await newPatient(kit.fx, kit.hospital);
  });

  it("lets a hospital register its own case: the hospital is itself and the scan key is computed", async () => {
    const scanKey = `${patient.customerNumber}20260311`;
    const r = await register(kit.hospitalKey, {
      patientId: patient.id,
      kind: "INPATIENT",
      incidentDate: "2026-03-11",
      scanKey,
    });
    expect(r.userErrors).toEqual([]);
    expect(r.case).toMatchObject({
      status: "OPEN",
      scanKey,
      registeredById: kit.hospital.id,
      hospitalId: kit.hospital.id,
      history: [{ event: "REGISTER", toStatus: "OPEN" }],
    });
    expect(r.case!.number).toMatch(/^CASE-\d{4}-\d{6}$/);
  });

  it("refuses a scan key that does not match, a hospital registering elsewhere, and labs", async () => {
    const bad = await register(kit.hospitalKey, {
      patientId: patient.id,
      kind: "OUTPATIENT",
      incidentDate: "2026-03-11",
      scanKey: "1234567820260311",
    });
    expect(bad.userErrors).toEqual([{ code: "SCAN_KEY_MISMATCH", field: ["scanKey"] }]);
    const elsewhere = await register(kit.hospitalKey, {
      patientId: patient.id,
      kind: "OUTPATIENT",
      incidentDate: "2026-03-11",
      hospitalId: kit.labA.id,
    });
    expect(elsewhere.userErrors[0]!.code).toBe("HOSPITAL_MISMATCH");
    const lab = await kit.api.gql(
      `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } } }`,
      {
        i: { patientId: patient.id, kind: "OUTPATIENT", incidentDate: "2026-03-11" },
      },
      kit.labAKey,
    );
    expect(lab.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("requires a hospital for an operator's inpatient case and refuses future incidents", async () => {
    expect(
      (await register(kit.operator, { patientId: patient.id, kind: "INPATIENT", incidentDate: "2026-01-01" }))
        .userErrors[0]!.code,
    ).toBe("HOSPITAL_REQUIRED");
    const ok = await register(kit.operator, {
      patientId: patient.id,
      kind: "INPATIENT",
      incidentDate: "2026-01-01",
      hospitalId: kit.hospital.id,
    });
    expect(ok.case).toMatchObject({ hospitalId: kit.hospital.id });
    expect(
      (await register(kit.operator, { patientId: patient.id, kind: "OUTPATIENT", incidentDate: "2999-01-01" }))
        .userErrors[0]!.code,
    ).toBe("INCIDENT_DATE_IN_FUTURE");
  });

  it("gives concurrent registrations distinct consecutive numbers", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        register(kit.operator, { patientId: patient.id, kind: "OUTPATIENT", incidentDate: "2026-02-01" }),
      ),
    );
    const seq = results.map((r) => Number(r.case!.number.slice(-6))).sort((a, b) => a - b);
    expect(seq).toEqual(Array.from({ length: 8 }, (_, i) => seq[0]! + i));
  });

  it("runs the registered-case handlers inside the transaction, and a failing handler rolls the case back", async () => {
    const seen: string[] = [];
    const handler = async (_em: unknown, kase: { number: string }) => {
      seen.push(kase.number);
      if (seen.length === 2) throw Object.assign(new Error("boom"), {});
    };
    const removeHandler = hooksOf(kit.api.orm.em).add(caseRegistered, handler as never);
    try {
      await register(kit.operator, { patientId: patient.id, kind: "OUTPATIENT", incidentDate: "2026-02-02" });
      const failed = await kit.api.gql(
        `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } } }`,
        {
          i: { patientId: patient.id, kind: "OUTPATIENT", incidentDate: "2026-02-03" },
        },
        kit.operator,
      );
      expect(failed.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      removeHandler();
    }
    expect(seen).toHaveLength(2);
    const list = await listCases(kit.operator, {
      patientId: patient.id,
      incidentFrom: "2026-02-03",
      incidentTo: "2026-02-03",
    });
    expect(list.data.cases.nodes).toEqual([]);
  });
});

describe("case search and scope", () => {
  it("finds a case by scan key, number and patient name, and rejects a malformed scan key", async () => {
    const p = await newPatient(kit.fx);
    const r = await register(kit.operator, { patientId: p.id, kind: "GLOBAL", incidentDate: "2025-12-24" });
    const key = `${p.customerNumber}20251224`;
    expect((await listCases(kit.operator, { scanKey: key })).data.cases.nodes.map((c) => c.id)).toEqual([r.case!.id]);
    expect((await listCases(kit.operator, { search: r.case!.number })).data.cases.nodes.map((c) => c.id)).toEqual([
      r.case!.id,
    ]);
    expect(
      (await listCases(kit.operator, { search: p.lastName, kind: ["GLOBAL"] })).data.cases.nodes.map((c) => c.id),
    ).toEqual([r.case!.id]);
    const bad = await listCases(kit.operator, { scanKey: "12ab" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("INVALID_SCAN_KEY");
    const sorted = (await listCases(kit.operator, {}, { field: "INCIDENT_DATE", direction: "ASC" })).data.cases.nodes;
    const dates = sorted.map((c) => c.incidentDate);
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort());
  });

  it("shows a partner only its cases: registered, at its hospital, or with an order addressed to it", async () => {
    const hospitalCases = (await listCases(kit.hospitalKey, {})).data.cases.nodes;
    expect(hospitalCases.length).toBeGreaterThan(0);
    expect(hospitalCases.every((c) => c.registeredById === kit.hospital.id || c.hospitalId === kit.hospital.id)).toBe(
      true,
    );
    expect((await listCases(kit.labBKey, {})).data.cases.nodes).toEqual([]);
  });
});

describe("case lifecycle", () => {
  it("closes only when every order is terminal, reopens with a reason, cancels with a reason", async () => {
    const p = await newPatient(kit.fx);
    const c = (await register(kit.operator, { patientId: p.id, kind: "OUTPATIENT", incidentDate: "2026-01-20" })).case!;
    const issued = await kit.q<{ issueOrder: { order: { id: string; version: number } } }>(
      `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { id version } } }`,
      { i: { caseId: c.id, providerId: kit.labA.id, kind: "EXAM", specialty: "audiology", serviceCodes: ["AUD-01"] } },
      kit.operator,
    );
    expect((await transitionCase(kit.operator, c, "CLOSE")).userErrors[0]!.code).toBe("CASE_HAS_OPEN_WORK");
    const o = issued.issueOrder.order;
    await kit.q(
      `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { userErrors { code } } }`,
      { i: { id: o.id, event: "VOID", reason: "no longer needed", expectedVersion: o.version } },
      kit.operator,
    );
    const closed = await transitionCase(kit.operator, c, "CLOSE");
    expect(closed.case).toMatchObject({ status: "CLOSED", availableTransitions: ["REOPEN"] });
    expect((await transitionCase(kit.operator, closed.case!, "REOPEN")).userErrors[0]!.code).toBe("REASON_REQUIRED");
    const reopened = await transitionCase(kit.operator, closed.case!, "REOPEN", "new evidence");
    expect(reopened.case!.status).toBe("OPEN");
    expect((await transitionCase(kit.operator, reopened.case!, "CANCEL")).userErrors[0]!.code).toBe("REASON_REQUIRED");
    const cancelled = await transitionCase(kit.operator, reopened.case!, "CANCEL", "registered twice");
    expect(cancelled.case!.history.map((h) => h.event)).toEqual(["REGISTER", "CLOSE", "REOPEN", "CANCEL"]);
    // Only the operator reopens: a lab is refused for who it is, not for the case's state.
    expect((await transitionCase(kit.labAKey, cancelled.case!, "REOPEN", "x")).userErrors[0]!.code).toBe(
      "TRANSITION_NOT_PERMITTED",
    );
    expect((await transitionCase(kit.operator, cancelled.case!, "REOPEN", "x")).userErrors[0]!.code).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("refuses new orders on a case that is not open", async () => {
    const p = await newPatient(kit.fx);
    const c = (await register(kit.operator, { patientId: p.id, kind: "OUTPATIENT", incidentDate: "2026-01-21" })).case!;
    await transitionCase(kit.operator, c, "CLOSE");
    const res = await kit.q<{ issueOrder: { userErrors: Err[] } }>(
      `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { userErrors { code field } } }`,
      { i: { caseId: c.id, providerId: kit.labA.id, kind: "EXAM", specialty: "audiology", serviceCodes: ["AUD-01"] } },
      kit.operator,
    );
    expect(res.issueOrder.userErrors).toEqual([{ code: "CASE_NOT_OPEN", field: ["caseId"] }]);
  });
});
