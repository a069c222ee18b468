import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Notification } from "../notification/notification.entity.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Claim } from "../claim/claim.entity.js";
import { hooksOf } from "../../platform/composition/hooks.js";
import { visitApproved, type VisitApprovedHandler } from "./visit.events.js";
import {
  assignVisits,
  buildVisitWorld,
  pendingFieldVisit,
  listVisits,
  readVisit,
  visitMutation,
  type VisitWorld,
} from "./visit-world.fixtures.js";

let api: TestApi;
let w: VisitWorld;
const approved: string[] = [];
let removeRecordApproval = () => {};
const recordApproval: VisitApprovedHandler = async (_em, visitId) => {
  approved.push(visitId);
};

beforeAll(async () => {
  api = await startTestApi();
  w = await buildVisitWorld(api);
  removeRecordApproval = hooksOf(api.orm.em).add(visitApproved, recordApproval);
});
afterAll(async () => {
  removeRecordApproval();
  await api?.close();
});

const assign = (visitIds: string[], visitorId: string, token = w.operator, notifySms = true) =>
  assignVisits(api, token, visitIds, visitorId, notifySms);
const pendingVisitOfNewCase = () => pendingFieldVisit(api, w);

const links = () => [
  { policyId: w.individual.id, liabilityId: w.liabilities.hosp.id },
  { policyId: w.group.id, liabilityId: w.liabilities.groupHosp.id },
];
const IBAN = "BG80 BNBG 9661 1020 3456 78";

describe("field visit workflow (探访: 分配 → 录入 → 复核)", () => {
  it("runs from the hospital's inpatient registration to approval with one claim hook per liability link", async () => {
    const first = await pendingVisitOfNewCase();
    const second = await pendingVisitOfNewCase();
    expect(first.number).toMatch(/^VIS-\d{4}-\d{6}$/);

    // 任务分配 in bulk with SMS: one outbox row per visit to the visitor's phone.
    const bulk = await assign([first.id, second.id], w.visitor.id);
    expect(bulk.userErrors).toEqual([]);
    expect(bulk.visits!.map((v) => [v.status, v.assigneeId])).toEqual([
      ["SCHEDULED", w.visitor.id],
      ["SCHEDULED", w.visitor.id],
    ]);
    const sms = await w.fx.em
      .fork()
      .find(Notification, { relatedId: { $in: [first.id, second.id] } }, { orderBy: { createdAt: "ASC" } });
    expect(sms).toHaveLength(2);
    for (const n of sms) {
      expect(n).toMatchObject({
        channel: "SMS",
        recipient: "+8613800000001",
        template: "visit-assigned",
        language: "zh",
      });
      expect(n.body).toContain("王伟".slice(1)); // patient name
      expect(n.body).toContain("仁济医院");
      expect(n.body).toMatch(/CASE-\d{4}-\d{6}/);
      expect(n.dedupeKey).toMatch(new RegExp(`^visit-assigned:${n.relatedId}:${w.visitor.id}:\\d+$`));
    }

    // 任务修改: the second visitor takes the first visit, with an SMS to the new phone.
    const reassigned = await visitMutation(
      api,
      "reassignVisit",
      { id: first.id, visitorId: w.secondVisitor.id, notifySms: true, expectedVersion: bulk.visits![0]!.version },
      w.operator,
    );
    expect(reassigned.userErrors).toEqual([]);
    expect(reassigned.visit).toMatchObject({ status: "SCHEDULED", assigneeId: w.secondVisitor.id });
    expect(await w.fx.em.fork().count(Notification, { relatedId: first.id, recipient: "+8613800000002" })).toBe(1);
    // The first visitor no longer sees it; the new one does.
    expect(await readVisit(api, first.id, w.visitor.token)).toBeNull();

    // 初步探访 by the assignee: findings and links, no bank account yet.
    const v = w.secondVisitor.token;
    const saved = await visitMutation(
      api,
      "saveVisitFindings",
      {
        id: first.id,
        expectedVersion: reassigned.visit!.version,
        findings: {
          admissionDate: "2026-03-08",
          ward: "骨科二病区",
          bed: "12",
          diagnosisCodes: ["s72.0"],
          investigationResult: "属实",
        },
        liabilityLinks: { links: links() },
      },
      v,
    );
    expect(saved.userErrors).toEqual([]);
    expect(saved.visit).toMatchObject({
      status: "IN_PROGRESS",
      diagnosisCodes: ["S72.0"],
      ward: "骨科二病区",
      bankAccount: null,
    });
    expect(saved.visit!.liabilityLinks.map((l) => l.liability!.code).sort()).toEqual(["HOSP", "HOSP"]);

    // 探访完毕 needs a bank account.
    const noAccount = await visitMutation(
      api,
      "concludeVisit",
      { id: first.id, expectedVersion: saved.visit!.version, conclusion: "COMPLETED" },
      v,
    );
    expect(noAccount.userErrors.map((e) => e.code)).toEqual(["BANK_ACCOUNT_REQUIRED"]);

    const concluded = await visitMutation(
      api,
      "concludeVisit",
      {
        id: first.id,
        expectedVersion: saved.visit!.version,
        conclusion: "COMPLETED",
        bankAccount: { scheme: "IBAN", number: IBAN },
      },
      v,
    );
    expect(concluded.userErrors).toEqual([]);
    expect(concluded.visit).toMatchObject({
      status: "IN_REVIEW",
      conclusion: "COMPLETED",
      // the visitor who entered it reads it masked, as operators do; billing pays it out
      bankAccount: "•••• 5678",
    });

    // 回退 by the reviewer, with a reason; the reviewer sees the account masked.
    const returned = await visitMutation(
      api,
      "transitionVisit",
      { id: first.id, event: "RETURN", reason: "缺少住院证明", expectedVersion: concluded.visit!.version },
      w.reviewer,
    );
    expect(returned.userErrors).toEqual([]);
    expect(returned.visit).toMatchObject({
      status: "RETURNED",
      returnReason: "缺少住院证明",
      bankAccount: "•••• 5678",
    });
    // The visitor hears of the return by SMS in their language, not only through a webhook.
    const returnedNotices = await w.fx.em
      .fork()
      .find(Notification, { relatedId: first.id, template: "visit-returned" });
    expect(returnedNotices).toEqual([
      expect.objectContaining({ channel: "SMS", recipient: "+8613800000002", language: "zh" }),
    ]);
    expect(returnedNotices[0]!.body).toContain("缺少住院证明");

    // 回退查询: the visitor finds it under returned, and only theirs.
    const mine = await listVisits(api, { returned: true }, v);
    expect(mine.map((x) => x.id)).toEqual([first.id]);

    // Concluding again from RETURNED passes through SAVE_PRELIMINARY on the way.
    const again = await visitMutation(
      api,
      "concludeVisit",
      {
        id: first.id,
        expectedVersion: returned.visit!.version,
        conclusion: "COMPLETED",
        findings: { investigationResult: "已补充住院证明" },
      },
      v,
    );
    expect(again.userErrors).toEqual([]);
    expect(again.visit!.status).toBe("IN_REVIEW");

    // Billing pays the account out of the visit's claims: before there is one, the visit is not in its remit.
    expect(await readVisit(api, first.id, w.billing)).toBeNull();
    const approvedRes = await visitMutation(
      api,
      "transitionVisit",
      { id: first.id, event: "APPROVE", expectedVersion: again.visit!.version },
      w.reviewer,
    );
    expect(approvedRes.userErrors).toEqual([]);
    expect(approvedRes.visit).toMatchObject({ status: "COMPLETED", availableTransitions: [] });
    expect(approved).toEqual([first.id]);
    // The claim module's handler runs in the same transaction: one DRAFT claim per link.
    const claims = await w.fx.em.fork().find(Claim, { sourceVisitId: first.id });
    expect(claims.map((c) => [c.status, refId(c.liability)]).sort()).toEqual(
      [
        ["DRAFT", w.liabilities.hosp.id],
        ["DRAFT", w.liabilities.groupHosp.id],
      ].sort(),
    );
    expect((await readVisit(api, first.id, w.billing))!.bankAccount).toBe("BG80BNBG96611020345678");

    const history = await api.gql<{
      visit: { history: { fromStatus: string | null; toStatus: string; event: string }[] };
    }>(`query($id: ID!) { visit(id: $id) { history { fromStatus toStatus event } } }`, { id: first.id }, w.reviewer);
    expect(history.data.visit.history.map((h) => h.event)).toEqual([
      "CREATE",
      "ASSIGN",
      "REASSIGN",
      "SAVE_PRELIMINARY",
      "CONCLUDE",
      "RETURN",
      "SAVE_PRELIMINARY",
      "CONCLUDE",
      "APPROVE",
    ]);
  });

  it("NO_LIABILITY needs neither links nor an account, and approval opens no claims", async () => {
    const visit = await pendingVisitOfNewCase();
    const [assigned] = (await assign([visit.id], w.visitor.id, w.operator, false)).visits!;
    const concluded = await visitMutation(
      api,
      "concludeVisit",
      {
        id: visit.id,
        expectedVersion: assigned!.version,
        conclusion: "NO_LIABILITY",
        findings: { investigationResult: "无责任" },
      },
      w.visitor.token,
    );
    expect(concluded.userErrors).toEqual([]);
    expect(concluded.visit).toMatchObject({ status: "IN_REVIEW", conclusion: "NO_LIABILITY" });
    const before = approved.length;
    const done = await visitMutation(
      api,
      "transitionVisit",
      { id: visit.id, event: "APPROVE", expectedVersion: concluded.visit!.version },
      w.reviewer,
    );
    expect(done.visit!.status).toBe("COMPLETED");
    expect(approved.length).toBe(before);
    expect(await w.fx.em.fork().count(Claim, { sourceVisitId: visit.id })).toBe(0);
  });

  it("refuses COMPLETED without a liability link", async () => {
    const visit = await pendingVisitOfNewCase();
    const [assigned] = (await assign([visit.id], w.visitor.id, w.operator, false)).visits!;
    const res = await visitMutation(
      api,
      "concludeVisit",
      {
        id: visit.id,
        expectedVersion: assigned!.version,
        conclusion: "COMPLETED",
        bankAccount: { scheme: "CN_CARD", number: "6222020200000000006" },
      },
      w.visitor.token,
    );
    expect(res.userErrors.map((e) => e.code)).toEqual(["LIABILITY_LINK_REQUIRED"]);
    // All or nothing: the refused conclusion saved nothing either.
    expect((await readVisit(api, visit.id, w.visitor.token))!).toMatchObject({
      status: "SCHEDULED",
      bankAccount: null,
    });
  });
});

describe("assignment rules", () => {
  it("refuses the whole bulk when one visitor does not cover a visit's hospital, naming that visit", async () => {
    const ours = await pendingVisitOfNewCase();
    const theirs = await pendingVisitOfNewCase();
    const res = await assign([ours.id, theirs.id], w.strangerVisitor.id);
    expect(res.visits).toBeNull();
    expect(res.userErrors).toHaveLength(2);
    expect(res.userErrors[0]).toMatchObject({ code: "VISITOR_NOT_LINKED_TO_HOSPITAL", field: ["visitIds", ours.id] });
    expect(res.userErrors[1]!.field).toEqual(["visitIds", theirs.id]);
    expect((await readVisit(api, ours.id, w.operator))!.status).toBe("PENDING_ASSIGNMENT");
    expect(await w.fx.em.fork().count(Notification, { relatedId: { $in: [ours.id, theirs.id] } })).toBe(0);
  });

  it("rolls back the visits that could be assigned when another one cannot", async () => {
    const pending = await pendingVisitOfNewCase();
    const done = await pendingVisitOfNewCase();
    await assign([done.id], w.visitor.id, w.operator, false);
    const res = await assign([pending.id, done.id], w.visitor.id);
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID_TRANSITION", field: ["visitIds", done.id] }),
    ]);
    expect((await readVisit(api, pending.id, w.operator))!.status).toBe("PENDING_ASSIGNMENT");
  });

  it("only operators assign, and only the assignee enters findings", async () => {
    const visit = await pendingVisitOfNewCase();
    const byVisitor = await api.gql(
      `mutation { assignVisit(input: { visitIds: ["${visit.id}"], visitorId: "${w.visitor.id}" }) { userErrors { code } } }`,
      {},
      w.visitor.token,
    );
    expect(byVisitor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [assigned] = (await assign([visit.id], w.visitor.id, w.operator, false)).visits!;
    const byOther = await visitMutation(
      api,
      "saveVisitFindings",
      { id: visit.id, expectedVersion: assigned!.version, findings: { ward: "x" } },
      w.operator,
    );
    expect(byOther.userErrors.map((e) => e.code)).toEqual(["TRANSITION_NOT_PERMITTED"]);
    // A reviewer does not see a visit before it is concluded: the same answer as a missing one.
    const byReviewer = await visitMutation(
      api,
      "saveVisitFindings",
      { id: visit.id, expectedVersion: assigned!.version, findings: { ward: "x" } },
      w.reviewer,
    );
    expect(byReviewer.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });
});
