import { expect } from "vitest";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { REGISTER, TRANSITION, type PayloadShape } from "../claim/claim-graphql.fixtures.js";
import { dentalFeeSchedule, insuredPatientWithCase, type Coverage } from "../claim/claim.fixtures.js";
import { PDF_BYTES, uploadFile } from "../order/files/files.fixtures.js";
import { attach, fire, issueOrder, startKit, type Kit } from "../order/order.fixtures.js";
import { OrganizationKind, type Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Visit } from "../visit/visit.entity.js";
import { VisitKind, VisitStatus } from "../visit/visit.enums.js";

/**
 * A world for the FHIR tests: the order kit (operator, two labs, a hospital, a patient with a
 * case) with an order in evaluation at lab A and its final report file, an agency's dental
 * claim with an invoice, approved by a reviewer,
 * a field visit at the hospital and an appointment at lab A; a second agency sees none of it.
 */
export interface FhirWorld {
  kit: Kit;
  agency: Organization;
  agencyKey: string;
  otherAgencyKey: string;
  insurerKey: string;
  reviewer: string;
  cov: Coverage;
  orderId: string;
  orderNumber: string;
  claimId: string;
  claimNumber: string;
  fieldVisitId: string;
  appointmentId: string;
  reportId: string;
  documentId: string;
  /** GET under /fhir/R4 with a Bearer credential. */
  fhir: (path: string, token?: string | null, headers?: Record<string, string>) => Promise<FhirAnswer>;
}

export interface FhirAnswer {
  status: number;
  contentType: string;

  body: any;
}

export const NATIONAL_ID = "12345678-9";

export async function buildFhirWorld(): Promise<FhirWorld> {
  const kit = await startKit();
  const { fx, api } = kit;
  const agency = await fx.organization(OrganizationKind.AGENCY);
  const otherAgency = await fx.organization(OrganizationKind.AGENCY);
  const insurer = await fx.organization(OrganizationKind.INSURER);
  const rev = await fx.user(["REVIEWER"]);
  const reviewer = await loginAs(api.gql, rev.email, rev.password);
  await dentalFeeSchedule(fx.em);
  const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency });
  cov.patient.nationalIdEnc = fieldCipher().encrypt(NATIONAL_ID);
  await fx.em.flush();

  const confirmed = await fire(kit, kit.labAKey, await issueOrder(kit), "CONFIRM");
  const order = await fire(kit, kit.labAKey, confirmed, "START_EVALUATION");
  const reportFile = await uploadFile(api.url, kit.labAKey, PDF_BYTES, "report.pdf");
  expect(reportFile.status).toBe(201);
  const attached = await attach(kit, kit.labAKey, order.id, "FINAL", { fileId: String(reportFile.body.id) });
  expect(attached.userErrors).toEqual([]);

  const agencyKey = (await fx.apiKey(agency)).secret;
  const call = async (doc: string, input: Record<string, unknown>, token: string, key: string) => {
    const res = await api.gql<Record<string, PayloadShape>>(doc, { input }, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data[key]!.userErrors).toEqual([]);
    return res.data[key]!.claim!;
  };
  let claim = await call(
    REGISTER,
    {
      caseId: cov.kase.id,
      policyId: cov.policy.id,
      liabilityId: cov.liability.id,
      kind: "OUTPATIENT",
      lines: [
        { system: "CDT", code: "D0150", quantity: 1, discount: "5.00" },
        { system: "CDT", code: "D1110", quantity: 1 },
      ],
    },
    agencyKey,
    "registerClaim",
  );
  const invoice = await uploadFile(api.url, agencyKey, PDF_BYTES, "invoice.pdf");
  const doc = await api.gql<{ attachDocument: { document: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { document { id } userErrors { code message } } }`,
    { input: { fileId: String(invoice.body.id), documentType: "INVOICE", claimId: claim.id } },
    agencyKey,
  );
  expect(doc.data.attachDocument.userErrors).toEqual([]);
  for (const [event, token] of [
    ["SUBMIT", agencyKey],
    ["START_REVIEW", reviewer],
    ["APPROVE", reviewer],
  ] as const)
    claim = await call(TRANSITION, { id: claim.id, event, expectedVersion: claim.version }, token, "transitionClaim");

  const patient = await fx.em.findOneOrFail(Patient, { id: kit.patient.id });
  const fieldVisit = fx.em.create(Visit, {
    number: `VIS-2026-${Date.now().toString().slice(-6)}`,
    kind: VisitKind.FIELD_VISIT,
    status: VisitStatus.PENDING_ASSIGNMENT,
    case: kit.caseId,
    patient,
    site: kit.hospital,
    admissionDate: "2026-01-09",
    diagnosisCodes: ["S72.0"],
  } as never);
  const appointment = fx.em.create(Visit, {
    number: `VIS-2026-${(Date.now() + 1).toString().slice(-6)}`,
    kind: VisitKind.APPOINTMENT,
    status: VisitStatus.SCHEDULED,
    patient,
    site: kit.labA,
    orderId: order.id,
    scheduledAt: new Date("2026-02-03T10:30:00Z"),
  } as never);
  await fx.em.flush();

  const fhir: FhirWorld["fhir"] = async (path, token, headers = {}) => {
    const res = await fetch(`${api.url}/fhir/R4${path}`, {
      headers: { accept: "application/fhir+json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    const text = await res.text();
    return {
      status: res.status,
      contentType: res.headers.get("content-type") ?? "",
      body: text ? JSON.parse(text) : null,
    };
  };
  return {
    kit,
    agency,
    agencyKey,
    otherAgencyKey: (await fx.apiKey(otherAgency)).secret,
    insurerKey: (await fx.apiKey(insurer)).secret,
    reviewer,
    cov,
    orderId: order.id,
    orderNumber: order.number,
    claimId: claim.id,
    claimNumber: claim.number,
    fieldVisitId: fieldVisit.id,
    appointmentId: appointment.id,
    reportId: attached.order!.reports[0]!.id,
    documentId: doc.data.attachDocument.document!.id,
    fhir,
  };
}
