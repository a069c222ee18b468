import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "../claim/claim.fixtures.js";
import { PDF_BYTES, PNG_BYTES, uploadFile } from "../order/files/files.fixtures.js";

/**
 * SPEC §8 "Intake by partners" and "Documents", through GraphQL and the REST doors: an
 * agency opens the file and the claim in one call, files its documents, and SUBMIT names
 * what the checklist still misses; nobody else sees those documents by any door.
 */
let api: TestApi;
let fx: Fixtures;
const keys: Record<string, string> = {};
let admin: string;
let reviewer: string;
let cov: Coverage;
let clinicCov: Coverage;

const ERRORS = "userErrors { code field message }";
const REGISTER = `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) {
  claim { id version status caseId case { id scanKey registeredById } } ${ERRORS} } }`;
const ATTACH = `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) {
  document { id scanKey fileName contentType size caseId claimId visitId downloadPath documentType { code } } ${ERRORS} } }`;
const TRANSITION = `mutation($input: TransitionClaimInput!) { transitionClaim(input: $input) {
  claim { id version status } ${ERRORS} } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) {
  claim { id paid { patient insurer } } ${ERRORS} } }`;
const CHECKLIST = `query($id: ID!) { claim(id: $id) { id version
  documents { id documentType { code } }
  documentChecklist { present documentCount documentType { code name } } } }`;
const LINES = [{ system: "CDT", code: "D0150", quantity: 1 }];

type Payload<K extends string, T> = Record<K, T | null> & {
  userErrors: { code: string; field: string[] | null; message: string }[];
};

async function mutate<T>(doc: string, input: Record<string, unknown>, token: string): Promise<T> {
  const res = await api.gql<Record<string, T>>(doc, { input }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data)[0]!;
}

async function upload(token: string, bytes = PDF_BYTES, name = "scan.pdf"): Promise<string> {
  const res = await uploadFile(api.url, token, bytes, name);
  expect(res.status).toBe(201);
  return String(res.body.id);
}

const download = (path: string, token: string) =>
  fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const orgs = {
    agency: await fx.organization(OrganizationKind.AGENCY, { country: "IR", timeZone: "Asia/Tehran" } as never),
    foreignAgency: await fx.organization(OrganizationKind.AGENCY),
    clinic: await fx.organization(OrganizationKind.CLINIC),
    insurer: await fx.organization(OrganizationKind.INSURER),
    foreignInsurer: await fx.organization(OrganizationKind.INSURER),
  };
  for (const [name, org] of Object.entries(orgs)) keys[name] = (await fx.apiKey(org)).secret;
  const adminUser = await fx.user(["ADMIN"]);
  const reviewerUser = await fx.user(["REVIEWER"]);
  admin = await loginAs(api.gql, adminUser.email, adminUser.password);
  reviewer = await loginAs(api.gql, reviewerUser.email, reviewerUser.password);
  await dentalFeeSchedule(fx.em);
  cov = await insuredPatientWithCase(fx.em, { insurer: orgs.insurer, registeredBy: orgs.agency });
  clinicCov = await insuredPatientWithCase(fx.em, {
    insurer: orgs.insurer,
    registeredBy: orgs.clinic,
    deductible: "0.00",
  });

  // The checklist of an outpatient claim: the signed claim form and the invoice.
  const types = await api.gql<{ documentTypes: { id: string; code: string; version: number }[] }>(
    `{ documentTypes { id code version } }`,
    {},
    admin,
  );
  for (const code of ["CLAIM_FORM", "INVOICE"]) {
    const t = types.data.documentTypes.find((x) => x.code === code)!;
    const r = await mutate<Payload<"documentType", unknown>>(
      `mutation($input: UpdateDocumentTypeInput!) { updateDocumentType(input: $input) { documentType { code requiredForClaimKinds } ${ERRORS} } }`,
      { id: t.id, expectedVersion: t.version, requiredForClaimKinds: ["OUTPATIENT"] },
      admin,
    );
    expect(r.userErrors).toEqual([]);
  }
}, 120_000);
afterAll(async () => api?.close());

let claimId: string;
let caseId: string;
let invoiceId: string;
let formId: string;

describe("an agency's intake: file, claim and documents", () => {
  it("opens the case (scan key) and the claim in one idempotent call, and files a second claim of the incident in the same case", async () => {
    const scanKey = `${cov.patient.customerNumber}20260312`;
    const input = {
      newCase: { patientId: cov.patient.id, kind: "OUTPATIENT", incidentDate: "2026-03-12", scanKey },
      policyId: cov.policy.id,
      liabilityId: cov.liability.id,
      lines: LINES,
      idempotencyKey: "intake-0001",
    };
    const first = await mutate<
      Payload<"claim", { id: string; status: string; caseId: string; case: { scanKey: string } }>
    >(REGISTER, input, keys.agency!);
    expect(first.userErrors).toEqual([]);
    expect(first.claim).toMatchObject({ status: "DRAFT", case: { scanKey } });
    claimId = first.claim!.id;
    caseId = first.claim!.caseId;

    const retried = await mutate<Payload<"claim", { id: string }>>(REGISTER, input, keys.agency!);
    expect(retried.claim!.id).toBe(claimId);

    const second = await mutate<Payload<"claim", { id: string; caseId: string }>>(
      REGISTER,
      { ...input, idempotencyKey: "intake-0002" },
      keys.agency!,
    );
    expect(second.claim!.id).not.toBe(claimId);
    expect(second.claim!.caseId).toBe(caseId);
    const cases = await api.gql<{ cases: { totalCount: number } }>(
      `query($k: String) { cases(filter: { scanKey: $k }) { totalCount } }`,
      { k: scanKey },
      keys.agency!,
    );
    expect(cases.data.cases.totalCount).toBe(1);

    const wrongKey = await mutate<Payload<"claim", unknown>>(
      REGISTER,
      { ...input, newCase: { ...input.newCase, scanKey: "1234567820260312" }, idempotencyKey: "intake-0003" },
      keys.agency!,
    );
    expect(wrongKey.userErrors.map((e) => e.code)).toEqual(["SCAN_KEY_MISMATCH"]);
  });

  it("refuses SUBMIT while a required document is missing, naming the type; accepts it once filed", async () => {
    const invoice = await mutate<Payload<"document", { id: string; scanKey: string; claimId: string }>>(
      ATTACH,
      { fileId: await upload(keys.agency!), documentType: "INVOICE", claimId, idempotencyKey: "doc-invoice" },
      keys.agency!,
    );
    expect(invoice.userErrors).toEqual([]);
    expect(invoice.document).toMatchObject({ claimId, scanKey: `${cov.patient.customerNumber}20260312` });
    invoiceId = invoice.document!.id;

    let claim = (
      await api.gql<{ claim: { version: number; documentChecklist: unknown[] } }>(
        CHECKLIST,
        { id: claimId },
        keys.agency!,
      )
    ).data.claim;
    expect(claim.documentChecklist).toEqual([
      { present: false, documentCount: 0, documentType: { code: "CLAIM_FORM", name: "Claim form" } },
      { present: true, documentCount: 1, documentType: { code: "INVOICE", name: "Invoice" } },
    ]);
    const refused = await mutate<Payload<"claim", unknown>>(
      TRANSITION,
      { id: claimId, event: "SUBMIT", expectedVersion: claim.version },
      keys.agency!,
    );
    expect(refused.claim).toBeNull();
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ code: "REQUIRED_DOCUMENT_MISSING", field: ["documents", "CLAIM_FORM"] }),
    ]);
    expect(refused.userErrors[0]!.message).toContain("Claim form");

    // Filed on the case itself, the signed form serves every claim of the file.
    const form = await mutate<Payload<"document", { id: string; claimId: string | null }>>(
      ATTACH,
      { fileId: await upload(keys.agency!, PNG_BYTES, "form.png"), documentType: "CLAIM_FORM", caseId },
      keys.agency!,
    );
    expect(form.userErrors).toEqual([]);
    formId = form.document!.id;
    claim = (
      await api.gql<{ claim: { version: number; documentChecklist: unknown[] } }>(
        CHECKLIST,
        { id: claimId },
        keys.agency!,
      )
    ).data.claim;
    const submitted = await mutate<Payload<"claim", { status: string }>>(
      TRANSITION,
      { id: claimId, event: "SUBMIT", expectedVersion: claim.version },
      keys.agency!,
    );
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.claim!.status).toBe("SUBMITTED");
  });

  it("lets the reviewer see and open every document of the claim, and audits each download", async () => {
    const r = await api.gql<{ claim: { documents: { id: string; documentType: { code: string } }[] } }>(
      CHECKLIST,
      { id: claimId },
      reviewer,
    );
    expect(r.data.claim.documents.map((d) => d.id).sort()).toEqual([invoiceId, formId].sort());
    const res = await download(`/documents/${invoiceId}/file`, reviewer);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    expect(res.headers.get("content-disposition")).toContain(`${cov.patient.customerNumber}20260312_INVOICE_`);
    const audit = await api.orm.em
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int n from audit_event where action = 'document.download' and entity_id = ? and actor_kind = 'STAFF'`,
        [invoiceId],
      );
    expect(audit[0]!.n).toBe(1);
  });

  it("keeps a document invisible to a foreign partner by id, in lists, in nested fields and on the REST download", async () => {
    const foreign = keys.foreignAgency!;
    const byId = await api.gql<{ document: unknown; claim: unknown; case: unknown }>(
      `query($d: ID!, $c: ID!, $k: ID!) { document(id: $d) { id } claim(id: $c) { id } case(id: $k) { id } }`,
      { d: invoiceId, c: claimId, k: caseId },
      foreign,
    );
    expect(byId.data).toEqual({ document: null, claim: null, case: null });
    const lists = await api.gql<{
      documents: { totalCount: number };
      claims: { nodes: { documents: { id: string }[] }[] };
      cases: { nodes: { documents: { id: string }[] }[] };
    }>(
      `{ documents(first: 100) { totalCount } claims(first: 100) { nodes { documents { id } } }
         cases(first: 100) { nodes { documents { id } } } }`,
      {},
      foreign,
    );
    expect(lists.data.documents.totalCount).toBe(0);
    const nested = [...lists.data.claims.nodes, ...lists.data.cases.nodes].flatMap((n) => n.documents.map((d) => d.id));
    expect(nested).not.toContain(invoiceId);
    // A foreign document answers exactly like a missing one, on every door.
    const missing = crypto.randomUUID();
    const [a, b] = await Promise.all([
      download(`/documents/${invoiceId}/file`, foreign),
      download(`/documents/${missing}/file`, foreign),
    ]);
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(await a.text()).toBe(await b.text());
    const attachForeign = await mutate<Payload<"document", unknown>>(
      ATTACH,
      { fileId: await upload(foreign), documentType: "INVOICE", claimId },
      foreign,
    );
    const attachMissing = await mutate<Payload<"document", unknown>>(
      ATTACH,
      { fileId: await upload(foreign), documentType: "INVOICE", claimId: missing },
      foreign,
    );
    expect(attachForeign).toEqual(attachMissing);
    // Nor through the file's own door: the agency uploaded it, the foreign agency did not.
    const fileId = (
      await api.orm.em
        .getConnection()
        .execute<{ file_id: string }[]>(`select file_id from document where id = ?`, [invoiceId])
    )[0]!.file_id;
    expect((await download(`/files/${fileId}`, foreign)).status).toBe(404);
  });
});

describe("clinics and insurers in the claim's money", () => {
  it("a clinic registers its patient's claim and records the co-pay; the insurer reads it and records its remittance", async () => {
    const clinic = keys.clinic!;
    const reg = await mutate<Payload<"claim", { id: string; version: number }>>(
      REGISTER,
      { caseId: clinicCov.kase.id, policyId: clinicCov.policy.id, liabilityId: clinicCov.liability.id, lines: LINES },
      clinic,
    );
    expect(reg.userErrors).toEqual([]);
    const id = reg.claim!.id;
    for (const code of ["CLAIM_FORM", "INVOICE"])
      expect(
        (
          await mutate<Payload<"document", unknown>>(
            ATTACH,
            { fileId: await upload(clinic), documentType: code, claimId: id },
            clinic,
          )
        ).userErrors,
      ).toEqual([]);
    let version = reg.claim!.version;
    for (const [event, token] of [
      ["SUBMIT", clinic],
      ["START_REVIEW", reviewer],
      ["APPROVE", reviewer],
    ] as const) {
      const r = await mutate<Payload<"claim", { version: number; status: string }>>(
        TRANSITION,
        { id, event, expectedVersion: version },
        token,
      );
      expect(r.userErrors).toEqual([]);
      version = r.claim!.version;
    }
    const pay = (payer: string, amount: string, token: string) =>
      mutate<Payload<"claim", { paid: { patient: string; insurer: string } }>>(
        PAY,
        { claimId: id, payer, amount, currency: "EUR", method: payer === "PATIENT" ? "CARD" : "TRANSFER" },
        token,
      );
    expect((await pay("PATIENT", "10.00", clinic)).claim!.paid.patient).toBe("10.00");
    expect((await pay("INSURER", "1.00", clinic)).userErrors.map((e) => e.code)).toEqual(["NOT_PERMITTED"]);

    const insurer = keys.insurer!;
    const read = await api.gql<{
      claims: { nodes: { id: string }[] };
      claim: { case: { scanKey: string }; payments: { payer: string }[]; documents: { id: string }[] };
    }>(
      `query($id: ID!) { claims(first: 100) { nodes { id } } claim(id: $id) { case { scanKey } payments { payer } documents { id } } }`,
      { id },
      insurer,
    );
    expect(read.data.claims.nodes.map((n) => n.id)).toContain(id);
    expect(read.data.claims.nodes.map((n) => n.id)).toContain(claimId);
    expect(read.data.claim.case.scanKey).toBe(clinicCov.kase.scanKey);
    expect(read.data.claim.payments.map((p) => p.payer)).toEqual(["PATIENT"]);
    expect(read.data.claim.documents).toHaveLength(2);
    expect((await pay("PATIENT", "1.00", insurer)).userErrors.map((e) => e.code)).toEqual(["NOT_PERMITTED"]);
    expect((await pay("INSURER", "5.00", insurer)).claim!.paid.insurer).toBe("5.00");
    // The insurer reads the claim's documents but files none on it.
    expect(
      (
        await mutate<Payload<"document", unknown>>(
          ATTACH,
          { fileId: await upload(insurer), documentType: "INVOICE", claimId: id },
          insurer,
        )
      ).userErrors.map((e) => e.code),
    ).toEqual(["NOT_PERMITTED"]);

    const other = keys.foreignInsurer!;
    expect(
      (await api.gql<{ claim: unknown }>(`query($id: ID!) { claim(id: $id) { id } }`, { id }, other)).data.claim,
    ).toBeNull();
    expect((await pay("INSURER", "1.00", other)).userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });

  it("an agency and a clinic register cases themselves; a lab may not", async () => {
    const REGISTER_CASE = `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { case { id registeredById scanKey } ${ERRORS} } }`;
    const input = { patientId: clinicCov.patient.id, kind: "OUTPATIENT", incidentDate: "2026-04-02" };
    const byClinic = await mutate<Payload<"case", { scanKey: string }>>(REGISTER_CASE, input, keys.clinic!);
    expect(byClinic.userErrors).toEqual([]);
    expect(byClinic.case!.scanKey).toBe(`${clinicCov.patient.customerNumber}20260402`);
    // The clinic's patient is not the agency's: it answers like a missing one.
    const byAgency = await mutate<Payload<"case", unknown>>(REGISTER_CASE, input, keys.agency!);
    expect(byAgency.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
    const lab = (await fx.apiKey(await fx.organization(OrganizationKind.LAB))).secret;
    const byLab = await api.gql(REGISTER_CASE, { input }, lab);
    expect(byLab.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
