import type { DiagnosticReport, DocumentReference } from "@medplum/fhirtypes";
import { refId } from "../../platform/graphql/loaders.js";
import { Document } from "../document/document.entity.js";
import { Report, ReportKind } from "../order/report.entity.js";
import { concept } from "./fhir.codes.js";
import { dateParam, identifierParam, referenceParam, statusParam, systemsOf } from "./fhir.params.js";
import { idOf } from "./fhir.people.js";
import { compact, meta, ref, source } from "./fhir.resource.js";

/**
 * Reports of orders as DiagnosticReports and supporting documents as DocumentReferences.
 * The bytes stay behind the existing download routes (GET /files/:id, GET
 * /documents/:id/file): the same scope, the same audit row per download.
 */

const REPORT_STATUS: Record<ReportKind, "preliminary" | "final"> = {
  [ReportKind.PRELIMINARY]: "preliminary",
  [ReportKind.FINAL]: "final",
};

const reportPatient = (r: Report) => refId(r.order.case.patient);

export const diagnosticReportSource = source<Report>({
  entity: Report,
  populate: ["order", "order.case"],
  params: {
    patient: referenceParam("Patient", "The patient of the order", (id) => ({ order: { case: { patient: id } } })),
    status: statusParam(REPORT_STATUS, "report-kind", "kind"),
    identifier: identifierParam(systemsOf, { "order-number": (v) => ({ order: { number: v } }) }),
    date: dateParam("createdAt", "When the report was attached"),
    "based-on": referenceParam("ServiceRequest", "The order reported on", (id) => ({ order: id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", date: "createdAt" },
  toFhir: (r, ctx) => {
    const fileId = refId(r.file);
    return compact<DiagnosticReport>({
      resourceType: "DiagnosticReport",
      id: r.id,
      meta: meta(r),
      identifier: [ctx.systems.identifier("order-number", r.order.number, "secondary")],
      basedOn: [ref("ServiceRequest", r.order.id)!],
      status: REPORT_STATUS[r.kind],
      code: concept(ctx.systems.local("specialty", r.templateSpecialty ?? r.order.specialty)),
      subject: ref("Patient", reportPatient(r)),
      issued: r.createdAt.toISOString(),
      performer: r.submittedByOrganizationId ? [ref("Organization", r.submittedByOrganizationId)!] : undefined,
      presentedForm: [
        ...(fileId ? [{ url: `${ctx.serverUrl}/files/${fileId}`, title: "Report file" }] : []),
        ...(r.form
          ? [
              {
                contentType: "application/json",
                data: Buffer.from(JSON.stringify(r.form)).toString("base64"),
                title: `Form ${r.templateSpecialty ?? ""} v${r.templateVersion ?? ""}`.trim(),
              },
            ]
          : []),
      ],
    });
  },
  includes: {
    "DiagnosticReport:patient": (r) => idOf("Patient", reportPatient(r)),
    "DiagnosticReport:based-on": (r) => idOf("ServiceRequest", r.order.id),
  },
});

// A case-less appointment document names its patient through its visit.
const documentPatient = (d: Document) => refId(d.case ? d.case.patient : d.visit?.patient);

export const documentReferenceSource = source<Document>({
  entity: Document,
  populate: ["case", "visit", "documentType"],
  params: {
    patient: referenceParam("Patient", "The patient of the document's case", (id) => ({
      $or: [{ case: { patient: id } }, { visit: { patient: id } }],
    })),
    identifier: identifierParam(systemsOf, {
      "scan-key": (v) => ({ scanKey: v }),
      "case-number": (v) => ({ case: { number: v } }),
    }),
    date: dateParam("createdAt", "When the document was attached"),
    type: {
      type: "token",
      description: "Document type code (document-type|CODE)",
      where: (v, ctx) =>
        v.type === "token" && (!v.system || v.system === ctx.systems.codeSystem("document-type"))
          ? { documentType: { code: v.code } }
          : null,
    },
    related: referenceParam("Claim", "The claim the document supports", (id) => ({ claim: id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", date: "createdAt" },
  toFhir: (d, ctx) => {
    const related = [ref("Claim", refId(d.claim)), ref("Encounter", refId(d.visit))].filter((r) => r !== undefined);
    return compact<DocumentReference>({
      resourceType: "DocumentReference",
      id: d.id,
      meta: meta(d),
      identifier: [ctx.systems.identifier("scan-key", d.scanKey, "secondary")],
      status: "current",
      type: concept(ctx.systems.local("document-type", d.documentType.code)),
      subject: ref("Patient", documentPatient(d)),
      date: d.createdAt.toISOString(),
      description: d.note ?? undefined,
      content: [
        {
          attachment: {
            contentType: d.contentType,
            url: `${ctx.serverUrl}/documents/${d.id}/file`,
            size: Number(d.size),
            title: d.fileName,
            creation: d.createdAt.toISOString(),
          },
        },
      ],
      context: related.length ? { related } : undefined,
    });
  },
  includes: {
    "DocumentReference:patient": (d) => idOf("Patient", documentPatient(d)),
    "DocumentReference:related": (d) => idOf("Claim", refId(d.claim)),
  },
});
