import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "../claim/claim.fixtures.js";
import { PDF_BYTES, PNG_BYTES, uploadFile } from "../order/files/files.fixtures.js";
import { ERRORS, mutate, query } from "../branch/branch.fixtures.js";

/**
 * SPEC §8 "Documents", after filing: who may remove or replace a document (whoever may
 * file on its owner now: the registering agency while the claim is DRAFT or RETURNED,
 * operator staff at any stage), that a replaced or removed document stays readable by id
 * as history and leaves lists and checklists, that both are audited; and documents on an
 * appointment without a case, filed under the patient's customer number and the visit's date.
 */
let api: TestApi;
let fx: Fixtures;
let operator: string;
const keys: Record<string, string> = {};
let cov: Coverage;
let clinicId: string;
let claimId: string;

const DOC = "id caseId claimId visitId scanKey removedAt removalReason replacedById replacesId downloadPath";
const upload = async (key: string, bytes = PDF_BYTES, name = "scan.pdf") => {
  const res = await uploadFile(api.url, key, bytes, name);
  expect(res.status).toBe(201);
  return String(res.body.id);
};
type Doc = {
  id: string;
  caseId: string | null;
  visitId: string | null;
  scanKey: string;
  removedAt: string | null;
  removalReason: string | null;
  replacedById: string | null;
  replacesId: string | null;
  downloadPath: string;
};
const attach = (input: Record<string, unknown>, token: string) =>
  mutate<{ document: Doc | null }>(
    api,
    `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { document { ${DOC} } ${ERRORS} } }`,
    input,
    token,
  );
const replace = (input: Record<string, unknown>, token: string) =>
  mutate<{ document: Doc | null }>(
    api,
    `mutation($input: ReplaceDocumentInput!) { replaceDocument(input: $input) { document { ${DOC} } ${ERRORS} } }`,
    input,
    token,
  );
const remove = (input: Record<string, unknown>, token: string) =>
  mutate<{ document: Doc | null }>(
    api,
    `mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) { document { ${DOC} } ${ERRORS} } }`,
    input,
    token,
  );
const claimDocuments = async (token: string) =>
  (
    await query<{ claim: { documents: { id: string }[] } }>(
      api,
      `query($id: ID!) { claim(id: $id) { documents { id } } }`,
      { id: claimId },
      token,
    )
  ).claim.documents.map((d) => d.id);

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const agency = await fx.organization(OrganizationKind.AGENCY);
  const other = await fx.organization(OrganizationKind.AGENCY);
  const clinic = await fx.organization(OrganizationKind.CLINIC);
  const otherClinic = await fx.organization(OrganizationKind.CLINIC);
  clinicId = clinic.id;
  for (const [name, org] of Object.entries({ agency, other, clinic, otherClinic }))
    keys[name] = (await fx.apiKey(org)).secret;
  const op = await fx.user(["OPERATOR"]);
  operator = await loginAs(api.gql, op.email, op.password);
  await dentalFeeSchedule(fx.em);
  const insurer = await fx.organization(OrganizationKind.INSURER);
  cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency, deductible: "0.00" });
  const reg = await mutate<{ claim: { id: string } | null }>(
    api,
    `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { id } ${ERRORS} } }`,
    {
      caseId: cov.kase.id,
      policyId: cov.policy.id,
      liabilityId: cov.liability.id,
      lines: [{ system: "CDT", code: "D0150", quantity: 1 }],
    },
    keys.agency!,
  );
  expect(reg.userErrors).toEqual([]);
  claimId = reg.claim!.id;
}, 300_000);
afterAll(async () => api?.close());

describe("replacing and removing a claim's document", () => {
  let first: Doc;
  let second: Doc;

  it("replaces a document: the claim lists the new one, the old one stays readable by id as history", async () => {
    first = (await attach({ claimId, fileId: await upload(keys.agency!), documentType: "INVOICE" }, keys.agency!))
      .document!;
    const r = await replace(
      { id: first.id, fileId: await upload(keys.agency!, PNG_BYTES, "invoice.png") },
      keys.agency!,
    );
    expect(r.userErrors).toEqual([]);
    second = r.document!;
    expect(second).toMatchObject({ replacesId: first.id, removedAt: null, scanKey: first.scanKey });
    expect(await claimDocuments(keys.agency!)).toEqual([second.id]);
    const old = await query<{ document: Doc }>(
      api,
      `query($id: ID!) { document(id: $id) { ${DOC} } }`,
      { id: first.id },
      keys.agency!,
    );
    expect(old.document).toMatchObject({ replacedById: second.id, removalReason: "REPLACED" });
    expect(old.document.removedAt).not.toBeNull();
    const history = await query<{ documents: { nodes: { id: string }[] } }>(
      api,
      `query($id: ID!) { documents(filter: { claimId: $id, includeRemoved: true }) { nodes { id } } }`,
      { id: claimId },
      keys.agency!,
    );
    expect(history.documents.nodes.map((n) => n.id).sort()).toEqual([first.id, second.id].sort());
    const download = await fetch(`${api.url}${first.downloadPath}`, {
      headers: { authorization: `Bearer ${keys.agency!}` },
    });
    expect(download.status).toBe(200);
    // A replaced document cannot be replaced or removed again.
    expect((await remove({ id: first.id, reason: "duplicate" }, keys.agency!)).userErrors[0]!.code).toBe(
      "DOCUMENT_REMOVED",
    );
  });

  it("lets nobody else touch it: another agency gets NOT_FOUND", async () => {
    const r = await remove({ id: second.id, reason: "not mine" }, keys.other!);
    expect(r.userErrors[0]).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses the agency once the claim is submitted, lets operator staff remove it, with the reason, audited", async () => {
    const { claim } = await query<{ claim: { version: number } }>(
      api,
      `query($id: ID!) { claim(id: $id) { version } }`,
      { id: claimId },
      keys.agency!,
    );
    const submitted = await mutate(
      api,
      `mutation($input: TransitionClaimInput!) { transitionClaim(input: $input) { claim { status } ${ERRORS} } }`,
      { id: claimId, event: "SUBMIT", expectedVersion: claim.version },
      keys.agency!,
    );
    expect(submitted.userErrors).toEqual([]);
    expect((await remove({ id: second.id, reason: "wrong file" }, keys.agency!)).userErrors[0]!.code).toBe(
      "CLAIM_NOT_EDITABLE",
    );
    const r = await remove({ id: second.id, reason: "Illegible scan; the original is on paper." }, operator);
    expect(r.userErrors).toEqual([]);
    expect(r.document).toMatchObject({ removalReason: "Illegible scan; the original is on paper." });
    expect(await claimDocuments(operator)).toEqual([]);
    const audit = await fx.em
      .getConnection()
      .execute<{ action: string }[]>(`select action from audit_event where entity_id in (?, ?) order by created_at`, [
        first.id,
        second.id,
      ]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["document.replace", "document.remove"]));
  });
});

describe("documents on an appointment without a case", () => {
  it("files the clinic's photo under the patient's customer number and the visit's date, seen only by whoever sees the visit", async () => {
    const at = new Date(Date.now() + 2 * 86_400_000);
    const booked = await mutate<{ visit: { id: string } | null }>(
      api,
      `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { visit { id } ${ERRORS} } }`,
      { patientId: cov.patient.id, providerId: clinicId, scheduledAt: at.toISOString() },
      operator,
    );
    expect(booked.userErrors).toEqual([]);
    const visitId = booked.visit!.id;
    const r = await attach(
      { visitId, fileId: await upload(keys.clinic!, PNG_BYTES, "xray.png"), documentType: "PHOTO" },
      keys.clinic!,
    );
    expect(r.userErrors).toEqual([]);
    expect(r.document).toMatchObject({
      caseId: null,
      visitId,
      scanKey: `${cov.patient.customerNumber}${at.toISOString().slice(0, 10).replaceAll("-", "")}`,
    });
    const seen = (token: string) =>
      query<{ visit: { documents: { id: string }[] } | null; document: { id: string } | null }>(
        api,
        `query($v: ID!, $d: ID!) { visit(id: $v) { documents { id } } document(id: $d) { id } }`,
        { v: visitId, d: r.document!.id },
        token,
      );
    expect(await seen(operator)).toEqual({
      visit: { documents: [{ id: r.document!.id }] },
      document: { id: r.document!.id },
    });
    expect(await seen(keys.otherClinic!)).toEqual({ visit: null, document: null });
  });
});
