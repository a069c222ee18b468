import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { AuditEvent } from "../../platform/audit/audit-event.entity.js";
import {
  assignVisits,
  buildVisitWorld,
  pendingFieldVisit,
  listVisits,
  readVisit,
  visitMutation,
  type VisitView,
  type VisitWorld,
} from "./visit-world.fixtures.js";

let api: TestApi;
let w: VisitWorld;

beforeAll(async () => {
  api = await startTestApi();
  w = await buildVisitWorld(api);
});
afterAll(async () => api?.close());

const assign = (visitIds: string[], visitorId: string, token = w.operator, notifySms = true) =>
  assignVisits(api, token, visitIds, visitorId, notifySms);
const pendingVisitOfNewCase = () => pendingFieldVisit(api, w);

describe("visit entry validation", () => {
  let visit: VisitView;
  beforeAll(async () => {
    const pending = await pendingVisitOfNewCase();
    visit = (await assign([pending.id], w.visitor.id, w.operator, false)).visits![0]!;
  });
  const save = (extra: Record<string, unknown>) =>
    visitMutation(
      api,
      "saveVisitFindings",
      { id: visit.id, expectedVersion: visit.version, ...extra },
      w.visitor.token,
    );

  it("refuses a bad IBAN", async () => {
    const res = await save({ bankAccount: { scheme: "IBAN", number: "BG81 BNBG 9661 1020 3456 78" } });
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID_BANK_ACCOUNT", field: ["bankAccount", "number"] }),
    ]);
  });

  it("refuses a policy the patient does not hold and a liability of another policy", async () => {
    const notHeld = await save({
      liabilityLinks: { links: [{ policyId: w.foreignPolicy.id, liabilityId: w.liabilities.foreign.id }] },
    });
    expect(notHeld.userErrors[0]!.code).toBe("POLICY_NOT_HELD_BY_PATIENT");
    const mixed = await save({
      liabilityLinks: { links: [{ policyId: w.individual.id, liabilityId: w.liabilities.groupHosp.id }] },
    });
    expect(mixed.userErrors[0]!.code).toBe("LIABILITY_NOT_IN_POLICY");
  });

  it("refuses a diagnosis that is not ICD-10", async () => {
    const res = await save({ findings: { diagnosisCodes: ["J18.9", "pneumonia"] } });
    expect(res.userErrors[0]).toMatchObject({
      code: "INVALID_DIAGNOSIS_CODE",
      field: ["findings", "diagnosisCodes", "1"],
    });
  });

  it("stores the account encrypted and shows it masked to the assignee, the operator and the hospital", async () => {
    const res = await save({ bankAccount: { scheme: "CN_CARD", number: "6222 0202 0000 0000 006" } });
    expect(res.userErrors).toEqual([]);
    visit = res.visit!;
    const rows = await w.fx.em.getConnection().execute(`select bank_account_enc from visit where id = ?`, [visit.id]);
    expect(rows[0].bank_account_enc).toMatch(/^k1:/);
    expect(rows[0].bank_account_enc).not.toContain("6222");
    // the visitor who entered it reads it as operators do: only billing pays it out
    expect(visit.bankAccount).toBe("•••• 0006");
    // Billing sees a visit's account once the visit produced a claim (visit.flow), not while it is entered.
    expect(await readVisit(api, visit.id, w.billing)).toBeNull();
    expect((await readVisit(api, visit.id, w.hospitalKey))!.bankAccount).toBe("•••• 0006");
    expect((await readVisit(api, visit.id, w.operator))!.bankAccount).toBe("•••• 0006");
    const audits = await w.fx.em.fork().count(AuditEvent, { action: "visit.read.bankAccount", entityId: visit.id });
    expect(audits).toBe(0); // masked reads are not audited: nobody read the account
  });
});

describe("visibility", () => {
  it("a visitor sees only their own visits; hospitals see only theirs", async () => {
    const visit = await pendingVisitOfNewCase();
    await assign([visit.id], w.visitor.id, w.operator, false);
    expect(await readVisit(api, visit.id, w.strangerVisitor.token)).toBeNull();
    expect((await listVisits(api, {}, w.strangerVisitor.token)).map((v) => v.id)).not.toContain(visit.id);
    expect((await listVisits(api, {}, w.visitor.token)).every((v) => v.assigneeId === w.visitor.id)).toBe(true);
    expect(await readVisit(api, visit.id, w.otherHospitalKey)).toBeNull();
    expect((await readVisit(api, visit.id, w.hospitalKey))!.id).toBe(visit.id);
    const foreignAssign = await visitMutation(
      api,
      "transitionVisit",
      { id: visit.id, event: "CANCEL", reason: "x", expectedVersion: 1 },
      w.otherHospitalKey,
    );
    expect(foreignAssign.userErrors[0]!.code).toBe("NOT_FOUND");
  });

  it("the task list searches by visit number, case number and patient name, for staff and the hospital alike", async () => {
    const visit = await pendingVisitOfNewCase();
    const caseNumber = (
      await api.gql<{ visit: { case: { number: string } } }>(
        `query($id: ID!) { visit(id: $id) { case { number } } }`,
        { id: visit.id },
        w.operator,
      )
    ).data.visit.case.number;
    for (const token of [w.operator, w.hospitalKey]) {
      expect((await listVisits(api, { search: visit.number }, token)).map((v) => v.id)).toEqual([visit.id]);
      expect((await listVisits(api, { search: caseNumber }, token)).map((v) => v.id)).toEqual([visit.id]);
      expect(
        (await listVisits(api, { search: "王", status: ["PENDING_ASSIGNMENT"] }, token)).map((v) => v.id),
      ).toContain(visit.id);
    }
    expect(await listVisits(api, { search: visit.number }, w.otherHospitalKey)).toEqual([]);
  });

  it("a visitor's day: their visits in a scheduled window, in the order they take place", async () => {
    const day = Date.now() + 40 * 24 * 3600_000; // a day no other test schedules
    const at = (hours: number) => new Date(day + hours * 3600_000).toISOString();
    const planned: [string, string][] = [];
    for (const when of [at(5), at(1), at(3), at(30)]) {
      const pending = await pendingVisitOfNewCase();
      const res = await api.gql<{ assignVisit: { userErrors: unknown[] } }>(
        `mutation($input: AssignVisitInput!) { assignVisit(input: $input) { userErrors { code } } }`,
        { input: { visitIds: [pending.id], visitorId: w.secondVisitor.id, notifySms: false, scheduledAt: when } },
        w.operator,
      );
      expect(res.data.assignVisit.userErrors).toEqual([]);
      planned.push([pending.id, when]);
    }
    const res = await api.gql<{ visits: { nodes: { id: string; scheduledAt: string }[] } }>(
      `query($filter: VisitFilter) {
        visits(first: 50, filter: $filter, orderBy: { field: SCHEDULED_AT, direction: ASC }) { nodes { id scheduledAt } }
      }`,
      { filter: { scheduledFrom: at(0), scheduledTo: at(24), status: ["SCHEDULED"] } },
      w.secondVisitor.token,
    );
    expect(res.errors).toBeUndefined();
    const byTime = planned.filter(([, when]) => when < at(24)).sort((a, b) => a[1].localeCompare(b[1]));
    expect(res.data.visits.nodes.map((v) => v.id)).toEqual(byTime.map(([id]) => id));
  });
});
