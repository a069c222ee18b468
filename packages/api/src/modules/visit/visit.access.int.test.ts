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

  it("stores the account encrypted, shows it to the assignee in clear with an audit row, masked to the hospital", async () => {
    const res = await save({ bankAccount: { scheme: "CN_CARD", number: "6222 0202 0000 0000 006" } });
    expect(res.userErrors).toEqual([]);
    visit = res.visit!;
    const rows = await w.fx.em.getConnection().execute(`select bank_account_enc from visit where id = ?`, [visit.id]);
    expect(rows[0].bank_account_enc).toMatch(/^k1:/);
    expect(rows[0].bank_account_enc).not.toContain("6222");
    // Billing sees a visit's account once the visit produced a claim (visit.flow), not while it is entered.
    expect(await readVisit(api, visit.id, w.billing)).toBeNull();
    expect((await readVisit(api, visit.id, w.hospitalKey))!.bankAccount).toBe("•••• 0006");
    expect((await readVisit(api, visit.id, w.operator))!.bankAccount).toBe("•••• 0006");
    const audits = await w.fx.em.fork().count(AuditEvent, { action: "visit.read.bankAccount", entityId: visit.id });
    expect(audits).toBe(1); // the assignee's read in the mutation payload
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
});
