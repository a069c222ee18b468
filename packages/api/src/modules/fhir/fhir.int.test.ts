import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEvent } from "../../platform/audit/audit-event.entity.js";
import { fhirSchemaErrors } from "./fhir-schema.fixtures.js";
import { buildFhirWorld, NATIONAL_ID, type FhirAnswer, type FhirWorld } from "./fhir-world.fixtures.js";
import { FHIR_RESOURCES } from "./fhir.resources.js";

let w: FhirWorld;
const answers: FhirAnswer[] = [];

beforeAll(async () => {
  fhirSchemaErrors({ resourceType: "Bundle", type: "searchset" });
  w = await buildFhirWorld();
});
afterAll(async () => w?.kit.api.close());

/** GET and keep the answer: every answer of this file is validated against the R4 schema at the end. */
async function get(path: string, token: string | null = w.kit.operator, headers: Record<string, string> = {}) {
  const a = await w.fhir(path, token, headers);
  answers.push(a);
  return a;
}

const sid = (name: string) => `${w.kit.api.config.FHIR_SYSTEM_BASE}/sid/${name}`;

const ids = (bundle: any): string[] =>
  (bundle.entry ?? []).map((e: any) => `${e.resource.resourceType}/${e.resource.id}`);

describe("FHIR R4 metadata", () => {
  it("lists exactly the served types, each with its search parameters and includes, without signing in", async () => {
    const a = await get("/metadata", null);
    expect(a.status).toBe(200);
    expect(a.contentType).toContain("application/fhir+json");
    const rest = a.body.rest[0];
    expect(rest.resource.map((r: { type: string }) => r.type)).toEqual(FHIR_RESOURCES.map((d) => d.type));
    const sr = rest.resource.find((r: { type: string }) => r.type === "ServiceRequest");
    expect(sr.searchParam.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["patient", "status", "identifier", "authored", "_lastUpdated"]),
    );
    expect(sr.searchInclude).toContain("ServiceRequest:patient");
  });
});

describe("FHIR R4 read", () => {
  it("reads an order as a ServiceRequest with its number, patient, provider and requested codes", async () => {
    const a = await get(`/ServiceRequest/${w.orderId}`);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      resourceType: "ServiceRequest",
      id: w.orderId,
      status: "active",
      intent: "order",
      subject: { reference: `Patient/${w.kit.patient.id}` },
      performer: [{ reference: `Organization/${w.kit.labA.id}` }],
    });
    expect(a.body.identifier).toContainEqual({ use: "official", system: sid("order-number"), value: w.orderNumber });
    expect(a.body.orderDetail.map((d: { coding: { code: string }[] }) => d.coding[0]!.code)).toEqual([
      "TRAUMA-01",
      "TRAUMA-02",
    ]);
  });

  it("reads the order's workflow as a Task whose businessStatus is the local status", async () => {
    const a = await get(`/Task/${w.orderId}`);
    expect(a.body).toMatchObject({
      resourceType: "Task",
      status: "in-progress",
      focus: { reference: `ServiceRequest/${w.orderId}` },
      businessStatus: { coding: [{ code: "IN_EVALUATION" }] },
    });
    const claimTask = await get(`/Task/${w.claimId}`);
    expect(claimTask.body).toMatchObject({ status: "completed", focus: { reference: `Claim/${w.claimId}` } });
  });

  it("reads a claim with its CDT lines and money in the policy's currency, and the review's ClaimResponse", async () => {
    const claim = await get(`/Claim/${w.claimId}`);
    expect(claim.body).toMatchObject({
      resourceType: "Claim",
      status: "active",
      type: { coding: [{ code: "oral" }] },
      patient: { reference: `Patient/${w.cov.patient.id}` },
      insurance: [{ sequence: 1, focal: true }],
      total: { value: 105, currency: "EUR" },
    });
    expect(claim.body.item[0]).toMatchObject({
      sequence: 1,
      productOrService: { coding: [{ system: "http://www.ada.org/cdt", code: "D0150" }] },
      net: { value: 45, currency: "EUR" },
    });
    const response = await get(`/ClaimResponse/${w.claimId}`);
    expect(response.body).toMatchObject({
      resourceType: "ClaimResponse",
      outcome: "complete",
      disposition: "APPROVED",
    });
    expect(
      response.body.total.map((t: { category: { coding: { code: string }[] } }) => t.category.coding[0]!.code),
    ).toContain("benefit");
  });

  it("reads the national id in full for a reviewer and the registering partner only, and audits that read", async () => {
    const forReviewer = await get(`/Patient/${w.cov.patient.id}`, w.reviewer);
    expect(forReviewer.body.identifier).toContainEqual({
      use: "official",
      system: sid("national-id"),
      value: NATIONAL_ID,
    });
    const audited = await w.kit.fx.em.fork().count(AuditEvent, {
      action: "patient.read.nationalId",
      entityId: w.cov.patient.id,
    });
    expect(audited).toBeGreaterThan(0);
    // One masking rule for every door (platform/auth/sensitive-fields.ts): the agency
    // entered the id, so it reads its own entry; the insurer covering the patient does not.
    const forAgency = await get(`/Patient/${w.cov.patient.id}`, w.agencyKey);
    expect(JSON.stringify(forAgency.body)).toContain(NATIONAL_ID);
    const forInsurer = await get(`/Patient/${w.cov.patient.id}`, w.insurerKey);
    expect(forInsurer.status).toBe(200);
    expect(JSON.stringify(forInsurer.body)).not.toContain(NATIONAL_ID);
  });

  it("reads coverage, organizations, encounters, appointments and practitioners", async () => {
    const coverage = await get(`/Coverage?patient=Patient/${w.cov.patient.id}`);
    expect(coverage.body.total).toBe(1);
    expect(coverage.body.entry[0].resource).toMatchObject({ status: "active", subscriberId: w.cov.policy.number });
    expect((await get(`/Organization/${w.kit.labA.id}`)).body.type[0].coding[0].code).toBe("prov");
    const encounter = await get(`/Encounter/${w.fieldVisitId}`);
    expect(encounter.body).toMatchObject({
      status: "planned",
      reasonCode: [{ coding: [{ system: "http://hl7.org/fhir/sid/icd-10", code: "S72.0" }] }],
    });
    expect((await get(`/Appointment/${w.appointmentId}`)).body).toMatchObject({
      status: "booked",
      basedOn: [{ reference: `ServiceRequest/${w.orderId}` }],
    });
    expect((await get(`/Practitioner?_count=5`)).body.total).toBeGreaterThan(0);
  });

  it("reads the order's report and the claim's invoice with links to their download routes", async () => {
    const report = await get(`/DiagnosticReport/${w.reportId}`);
    expect(report.body).toMatchObject({
      status: "final",
      basedOn: [{ reference: `ServiceRequest/${w.orderId}` }],
      subject: { reference: `Patient/${w.kit.patient.id}` },
    });
    const fileUrl = report.body.presentedForm[0].url as string;
    expect(fileUrl).toMatch(/\/files\/[0-9a-f-]{36}$/);
    const doc = await get(`/DocumentReference?related=Claim/${w.claimId}`);
    expect(doc.body.total).toBe(1);
    const attachment = doc.body.entry[0].resource.content[0].attachment;
    expect(attachment).toMatchObject({ contentType: "application/pdf", title: "invoice.pdf" });
    expect(attachment.url).toBe(`${w.kit.api.url}/documents/${w.documentId}/file`);
    for (const [url, token] of [
      [fileUrl, w.kit.operator],
      [attachment.url, w.agencyKey],
    ]) {
      const bytes = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(bytes.status, url).toBe(200);
      expect(
        Buffer.from(await bytes.arrayBuffer())
          .subarray(0, 4)
          .toString(),
      ).toBe("%PDF");
    }
  });

  it("answers a missing id, a malformed id and an unknown type with 404 OperationOutcomes", async () => {
    for (const path of ["/Claim/0190b9a0-0000-7000-8000-000000000000", "/Claim/not-an-id", "/Observation/x"]) {
      const a = await get(path);
      expect(a.status, path).toBe(404);
      expect(a.body.resourceType).toBe("OperationOutcome");
    }
  });

  it("answers 401 with an OperationOutcome without credentials", async () => {
    const a = await get(`/Claim/${w.claimId}`, null);
    expect(a.status).toBe(401);
    expect(a.body.issue[0].code).toBe("login");
  });
});

describe("FHIR R4 history", () => {
  it("lists a claim's versions from its status history, newest first", async () => {
    const a = await get(`/Claim/${w.claimId}/_history`);
    expect(a.body.type).toBe("history");
    const statuses = a.body.entry.map((e: { resource: { status: string } }) => e.resource.status);
    expect(statuses).toEqual(["active", "active", "active", "draft"]);
    const task = await get(`/Task/${w.claimId}/_history`);
    expect(
      task.body.entry.map(
        (e: { resource: { businessStatus: { coding: { code: string }[] } } }) =>
          e.resource.businessStatus.coding[0]!.code,
      ),
    ).toEqual(["APPROVED", "IN_REVIEW", "SUBMITTED", "DRAFT"]);
  });
});

describe("FHIR R4 search", () => {
  it("finds by patient, status, identifier and date, and includes the patient", async () => {
    const byPatient = await get(`/ServiceRequest?patient=${w.kit.patient.id}&_include=ServiceRequest:patient`);
    expect(ids(byPatient.body)).toEqual([`ServiceRequest/${w.orderId}`, `Patient/${w.kit.patient.id}`]);
    expect(byPatient.body.entry[1].search.mode).toBe("include");
    expect((await get(`/ServiceRequest?status=completed`)).body.total).toBe(0);
    const local = await get(
      `/ServiceRequest?status=${w.kit.api.config.FHIR_SYSTEM_BASE}/CodeSystem/order-status|IN_EVALUATION`,
    );
    expect(local.body.total).toBe(1);
    expect((await get(`/Claim?identifier=${sid("claim-number")}|${w.claimNumber}`)).body.total).toBe(1);
    expect((await get(`/Claim?identifier=${w.claimNumber}`)).body.total).toBe(1);
    expect((await get(`/Claim?identifier=${sid("order-number")}|${w.claimNumber}`)).body.total).toBe(0);
    const year = new Date().getUTCFullYear();
    expect((await get(`/Claim?created=ge${year}-01-01&created=lt${year + 1}`)).body.total).toBe(1);
    expect((await get(`/Claim?created=lt2000`)).body.total).toBe(0);
    expect((await get(`/Claim?_lastUpdated=gt2000-01-01T00:00:00Z`)).body.total).toBe(1);
    expect((await get(`/Claim?_id=${w.claimId},${w.orderId}`)).body.total).toBe(1);
  });

  it("searches Task across orders and claims, sorted and paged with next links of at most 100", async () => {
    const all = await get(`/Task?_sort=authored-on`);
    expect(ids(all.body)).toEqual([`Task/${w.orderId}`, `Task/${w.claimId}`]);
    const first = await get(`/Task?_sort=-authored-on&_count=1`);
    expect(ids(first.body)).toEqual([`Task/${w.claimId}`]);
    const next = first.body.link.find((l: { relation: string }) => l.relation === "next");
    expect(next.url).toContain("_offset=1");
    const second = await get(next.url.slice(next.url.indexOf("/fhir/R4") + "/fhir/R4".length));
    expect(ids(second.body)).toEqual([`Task/${w.orderId}`]);
    expect(second.body.link.find((l: { relation: string }) => l.relation === "next")).toBeUndefined();
    expect((await get(`/Task?_count=101`)).status).toBe(400);
  });

  it("refuses unknown parameters, modifiers, sorts and includes with 400 OperationOutcomes", async () => {
    for (const q of ["foo=bar", "status:not=active", "_sort=color", "_include=Claim:insurer", "created=2026-13-45"]) {
      const a = await get(`/Claim?${q}`);
      expect(a.status, q).toBe(400);
      expect(a.body.resourceType, q).toBe("OperationOutcome");
    }
  });

  it("answers XML requests with 406", async () => {
    expect((await get(`/Claim`, w.kit.operator, { accept: "application/fhir+xml" })).status).toBe(406);
  });
});

describe("every answer above", () => {
  it("is valid FHIR R4 JSON by the official schema", () => {
    expect(answers.length).toBeGreaterThan(30);
    // The validator does refuse what R4 refuses (a status outside the value set, a null).
    expect(fhirSchemaErrors({ resourceType: "Claim", status: "approved" })).not.toEqual([]);
    expect(fhirSchemaErrors({ resourceType: "Patient", birthDate: null })).not.toEqual([]);
    for (const a of answers) {
      if (a.status === 406) continue;
      const resources = [a.body, ...(a.body.entry ?? []).map((e: { resource: unknown }) => e.resource)];
      for (const r of resources) expect(fhirSchemaErrors(r), JSON.stringify(r).slice(0, 400)).toEqual([]);
    }
  });
});
