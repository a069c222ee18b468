import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind, type Organization } from "../organization/organization.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "../claim/claim.fixtures.js";
import { PDF_BYTES, uploadFile } from "../order/files/files.fixtures.js";
import {
  chooseBranch,
  coverOrganization,
  createBranch,
  ERRORS,
  login,
  mutate,
  query,
  setUserBranches,
} from "./branch.fixtures.js";

/**
 * SPEC §8 "Branches": staff of a branch (分公司) see and work only their branch's cases,
 * orders, visits, claims and documents, by every door (by id, in lists, nested, file
 * downloads); head office sees all; a member of several branches chooses one (机构选择)
 * and sees only that one. An agency's cases land in the branch that covers it.
 */
let api: TestApi;
let fx: Fixtures;
let head: string;
const branch: Record<"TEH" | "ISF", string> = { TEH: "", ISF: "" };
const staff: Record<string, { id: string; email: string; password: string; token: string }> = {};
interface Side {
  agency: Organization;
  clinic: Organization;
  key: string;
  cov: Coverage;
  caseId: string;
  claimId: string;
  orderId: string;
  visitId: string;
  documentId: string;
  downloadPath: string;
}
const side: Record<"A" | "B", Side> = { A: {} as Side, B: {} as Side };

async function intake(s: Side, keyScan: string): Promise<void> {
  const reg = await mutate<{ claim: { id: string; caseId: string } | null }>(
    api,
    `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { id caseId } ${ERRORS} } }`,
    {
      newCase: { patientId: s.cov.patient.id, kind: "OUTPATIENT", incidentDate: "2026-03-12", scanKey: keyScan },
      policyId: s.cov.policy.id,
      liabilityId: s.cov.liability.id,
      lines: [{ system: "CDT", code: "D0150", quantity: 1 }],
    },
    s.key,
  );
  expect(reg.userErrors).toEqual([]);
  s.claimId = reg.claim!.id;
  s.caseId = reg.claim!.caseId;
  const upload = await uploadFile(api.url, s.key, PDF_BYTES, "invoice.pdf");
  expect(upload.status).toBe(201);
  const doc = await mutate<{ document: { id: string; downloadPath: string } | null }>(
    api,
    `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { document { id downloadPath } ${ERRORS} } }`,
    {
      claimId: s.claimId,
      fileId: String(upload.body.id),
      documentType: "INVOICE",
    },
    s.key,
  );
  expect(doc.userErrors).toEqual([]);
  s.documentId = doc.document!.id;
  s.downloadPath = doc.document!.downloadPath;
  const order = await mutate<{ order: { id: string } | null }>(
    api,
    `mutation($input: IssueOrderInput!) { issueOrder(input: $input) { order { id } ${ERRORS} } }`,
    { caseId: s.caseId, providerId: s.clinic.id, kind: "EXAM", specialty: "dental", serviceCodes: ["D0150"] },
    head,
  );
  expect(order.userErrors).toEqual([]);
  s.orderId = order.order!.id;
  // An appointment without a case: it belongs to the branch covering its site.
  const visit = await mutate<{ visit: { id: string } | null }>(
    api,
    `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { visit { id } ${ERRORS} } }`,
    {
      patientId: s.cov.patient.id,
      providerId: s.clinic.id,
      scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    },
    head,
  );
  expect(visit.userErrors).toEqual([]);
  s.visitId = visit.visit!.id;
}

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const admin = await fx.user(["ADMIN"]);
  head = await loginAs(api.gql, admin.email, admin.password);
  branch.TEH = await createBranch(api, head, "TEH", "Tehran province office");
  branch.ISF = await createBranch(api, head, "ISF", "Isfahan province office");
  const insurer = await fx.organization(OrganizationKind.INSURER);
  await dentalFeeSchedule(fx.em);
  for (const [name, code] of [
    ["A", "TEH"],
    ["B", "ISF"],
  ] as const) {
    const s = side[name];
    s.agency = await fx.organization(OrganizationKind.AGENCY, { country: "IR", timeZone: "Asia/Tehran" } as never);
    s.clinic = await fx.organization(OrganizationKind.CLINIC);
    s.key = (await fx.apiKey(s.agency)).secret;
    await coverOrganization(api, head, s.agency.id, branch[code]);
    await coverOrganization(api, head, s.clinic.id, branch[code]);
    s.cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: s.agency });
    await intake(s, `${s.cov.patient.customerNumber}20260312`);
  }
  for (const [name, roles, branches] of [
    ["opA", ["OPERATOR"], ["TEH"]],
    ["opB", ["OPERATOR"], ["ISF"]],
    ["billingA", ["BILLING"], ["TEH"]],
    ["both", ["OPERATOR"], ["TEH", "ISF"]],
  ] as const) {
    const u = await fx.user([...roles]);
    await setUserBranches(
      api,
      head,
      u.id,
      branches.map((b) => branch[b]),
    );
    staff[name] = { id: u.id, email: u.email, password: u.password, token: "" };
    if (branches.length === 1) staff[name]!.token = await loginAs(api.gql, u.email, u.password);
  }
}, 300_000);
afterAll(async () => api?.close());

const ONE = `query($case: ID!, $claim: ID!, $order: ID!, $visit: ID!, $document: ID!) {
  case(id: $case) { id } claim(id: $claim) { id } order(id: $order) { id } visit(id: $visit) { id } document(id: $document) { id } }`;
type One = Record<"case" | "claim" | "order" | "visit" | "document", { id: string } | null>;
const readOne = (s: Side, token: string) =>
  query<One>(
    api,
    ONE,
    { case: s.caseId, claim: s.claimId, order: s.orderId, visit: s.visitId, document: s.documentId },
    token,
  );
const LISTS = `{ cases(first: 100) { nodes { id } } claims(first: 100) { nodes { id } } orders(first: 100) { nodes { id } }
  visits(first: 100) { nodes { id } } documents(first: 100) { nodes { id } } }`;
type Lists = Record<"cases" | "claims" | "orders" | "visits" | "documents", { nodes: { id: string }[] }>;
const ids = (l: Lists) => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v.nodes.map((n) => n.id).sort()]));
const rowsOf = (...ss: Side[]) => ({
  cases: ss.map((s) => s.caseId).sort(),
  claims: ss.map((s) => s.claimId).sort(),
  orders: ss.map((s) => s.orderId).sort(),
  visits: ss.map((s) => s.visitId).sort(),
  documents: ss.map((s) => s.documentId).sort(),
});
const download = (path: string, token: string) =>
  fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("branch staff", () => {
  it("find the agency's case in the branch that covers the agency", async () => {
    const r = await query<{ a: { branch: { code: string } }; b: { branch: { code: string } } }>(
      api,
      `query($a: ID!, $b: ID!) { a: case(id: $a) { branch { code } } b: case(id: $b) { branch { code } } }`,
      { a: side.A.caseId, b: side.B.caseId },
      head,
    );
    expect([r.a.branch.code, r.b.branch.code]).toEqual(["TEH", "ISF"]);
  });

  it("read their branch's case, claim, order, visit and document by id, and not another branch's", async () => {
    expect(await readOne(side.A, staff.opA!.token)).toEqual({
      case: { id: side.A.caseId },
      claim: { id: side.A.claimId },
      order: { id: side.A.orderId },
      visit: { id: side.A.visitId },
      document: { id: side.A.documentId },
    });
    expect(await readOne(side.B, staff.opA!.token)).toEqual({
      case: null,
      claim: null,
      order: null,
      visit: null,
      document: null,
    });
    expect(Object.values(await readOne(side.A, staff.opB!.token)).every((v) => v === null)).toBe(true);
  });

  it("list only their branch's rows (a head-office case is in no branch's list)", async () => {
    expect(ids(await query<Lists>(api, LISTS, {}, staff.opA!.token))).toEqual(rowsOf(side.A));
    expect(ids(await query<Lists>(api, LISTS, {}, staff.opB!.token))).toEqual(rowsOf(side.B));
  });

  it("see only their branch's rows nested in a row they see", async () => {
    const r = await query<{ claim: { case: { orders: { id: string }[]; documents: { id: string }[] } } }>(
      api,
      `query($id: ID!) { claim(id: $id) { case { orders { id } documents { id } } } }`,
      { id: side.A.claimId },
      staff.opA!.token,
    );
    expect(r.claim.case).toEqual({ orders: [{ id: side.A.orderId }], documents: [{ id: side.A.documentId }] });
    // A role's own rule and the branch both apply: billing of Tehran sees Tehran's claims only.
    const billing = await query<Lists>(api, `{ claims(first: 100) { nodes { id } } }`, {}, staff.billingA!.token);
    expect(billing.claims.nodes.map((n) => n.id)).toEqual([side.A.claimId]);
  });

  it("download their branch's document files and not another branch's", async () => {
    expect((await download(side.A.downloadPath, staff.opA!.token)).status).toBe(200);
    expect((await download(side.B.downloadPath, staff.opA!.token)).status).toBe(404);
    expect((await download(side.B.downloadPath, staff.opB!.token)).status).toBe(200);
  });

  it("export and count only their branch's rows (visit CSV, order tray counts)", async () => {
    const exported = async (token: string) =>
      (await (await download("/exports/visits.csv", token)).text()).trim().split(/\r?\n/).length - 1;
    expect(await exported(staff.opA!.token)).toBe(1);
    expect(await exported(head)).toBe(2);
    const counts = await query<{ orderTrayCounts: Record<string, number> }>(
      api,
      `{ orderTrayCounts { inProcess worked toManage closed } }`,
      {},
      staff.opA!.token,
    );
    expect(counts.orderTrayCounts).toEqual({ inProcess: 1, worked: 0, toManage: 0, closed: 0 });
  });

  it("register cases into their own branch", async () => {
    const r = await mutate<{ case: { branch: { code: string } } | null }>(
      api,
      `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { case { branch { code } } ${ERRORS} } }`,
      { patientId: side.B.cov.patient.id, kind: "OUTPATIENT", incidentDate: "2026-04-01" },
      staff.opA!.token,
    );
    expect(r.userErrors).toEqual([]);
    expect(r.case!.branch.code).toBe("TEH");
  });
});

describe("head office", () => {
  it("sees both branches' rows, and the cases in no branch", async () => {
    const all = ids(await query<Lists>(api, LISTS, {}, head));
    for (const [kind, rows] of Object.entries(rowsOf(side.A, side.B)))
      expect(all[kind]).toEqual(expect.arrayContaining(rows));
    expect(all.cases).toContain(side.A.cov.kase.id);
  });

  it("moves a case to another branch, and its rows follow it", async () => {
    const { case: kase } = await query<{ case: { version: number } }>(
      api,
      `query($id: ID!) { case(id: $id) { version } }`,
      { id: side.A.cov.kase.id },
      head,
    );
    const moved = await mutate<{ case: { branch: { code: string } } | null }>(
      api,
      `mutation($input: MoveCaseToBranchInput!) { moveCaseToBranch(input: $input) { case { branch { code } } ${ERRORS} } }`,
      { caseId: side.A.cov.kase.id, branchId: branch.ISF, expectedVersion: kase.version },
      head,
    );
    expect(moved.case!.branch.code).toBe("ISF");
    const seen = await query<{ case: { id: string } | null }>(
      api,
      `query($id: ID!) { case(id: $id) { id } }`,
      { id: side.A.cov.kase.id },
      staff.opB!.token,
    );
    expect(seen.case).toEqual({ id: side.A.cov.kase.id });
    // Branch staff cannot move cases out of their branch.
    const refused = await mutate<{ case: unknown }>(
      api,
      `mutation($input: MoveCaseToBranchInput!) { moveCaseToBranch(input: $input) { case { id } ${ERRORS} } }`,
      { caseId: side.A.caseId, branchId: branch.ISF, expectedVersion: 1 },
      staff.opA!.token,
    );
    expect(refused.userErrors[0]!.code).toBe("HEAD_OFFICE_ONLY");
  });
});

describe("a member of two branches (机构选择)", () => {
  it("must choose a branch after login and sees no branch's rows until then", async () => {
    const s = await login(api, staff.both!.email, staff.both!.password);
    expect(s).toMatchObject({ branchChoiceRequired: true, branch: null, userErrors: [] });
    const lists = ids(await query<Lists>(api, LISTS, {}, s.accessToken!));
    expect(lists).toEqual({ cases: [], claims: [], orders: [], visits: [], documents: [] });
    const viewer = await query<{ viewer: { branchChoiceRequired: boolean; branches: { code: string }[] } }>(
      api,
      `{ viewer { branchChoiceRequired branches { code } } }`,
      {},
      s.accessToken!,
    );
    expect(viewer.viewer).toEqual({ branchChoiceRequired: true, branches: [{ code: "ISF" }, { code: "TEH" }] });
  });

  it("sees only the chosen branch, switches, and keeps the choice across a refresh", async () => {
    const s = await login(api, staff.both!.email, staff.both!.password);
    const teh = await chooseBranch(api, s.refreshToken!, branch.TEH);
    expect(teh).toMatchObject({ branchChoiceRequired: false, branch: { code: "TEH" }, userErrors: [] });
    expect(ids(await query<Lists>(api, LISTS, {}, teh.accessToken!)).claims).toEqual([side.A.claimId]);

    const isf = await chooseBranch(api, teh.refreshToken!, branch.ISF);
    expect(isf.branch).toEqual({ code: "ISF" });
    expect(ids(await query<Lists>(api, LISTS, {}, isf.accessToken!)).claims).toEqual([side.B.claimId]);

    const refreshed = await mutate<{ branch: { code: string } | null; accessToken: string }>(
      api,
      `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken branch { code } ${ERRORS} } }`,
      { refreshToken: isf.refreshToken },
      "",
    );
    expect(refreshed.branch).toEqual({ code: "ISF" });
  });

  it("chooses at login, and cannot choose a branch that is not theirs", async () => {
    const direct = await login(api, staff.both!.email, staff.both!.password, branch.ISF);
    expect(direct.branch).toEqual({ code: "ISF" });
    const single = await login(api, staff.opA!.email, staff.opA!.password, branch.ISF);
    expect(single.userErrors[0]).toMatchObject({ code: "NOT_YOUR_BRANCH", field: ["branchId"] });
    const s = await login(api, staff.opA!.email, staff.opA!.password);
    expect(s.branch).toEqual({ code: "TEH" });
    const refused = await chooseBranch(api, s.refreshToken!, branch.ISF);
    expect(refused.userErrors[0]!.code).toBe("NOT_YOUR_BRANCH");
  });
});
