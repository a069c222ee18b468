import type { ResourceType } from "@medplum/fhirtypes";
import { claimResponseSource, claimSource, claimTaskSource } from "./fhir.claim.js";
import { diagnosticReportSource, documentReferenceSource } from "./fhir.document.js";
import { orderTaskSource, serviceRequestSource } from "./fhir.order.js";
import { organizationResource, patientResource, practitionerResource } from "./fhir.people.js";
import type { FhirResourceDef } from "./fhir.resource.js";
import { appointmentSource, coverageSource, encounterSource } from "./fhir.visit.js";

/** Every resource type /fhir/R4 serves; the CapabilityStatement is built from this list. */
export const FHIR_RESOURCES: readonly FhirResourceDef[] = [
  patientResource,
  organizationResource,
  practitionerResource,
  {
    type: "ServiceRequest",
    documentation: "An attention order (exam, expert opinion, interconsultation) requested from a provider.",
    sources: [serviceRequestSource],
  },
  {
    type: "Task",
    documentation:
      "The workflow of an order (focus: ServiceRequest) or of a claim (focus: Claim); businessStatus carries the exact local status.",
    sources: [orderTaskSource, claimTaskSource],
  },
  {
    type: "Claim",
    documentation: "A claim with its lines (service codes, quantities, prices) and gross total.",
    sources: [claimSource],
  },
  {
    type: "ClaimResponse",
    documentation:
      "The review's answer to a claim once returned, approved, denied or settled: line and total adjudication, payment.",
    sources: [claimResponseSource],
  },
  { type: "Coverage", documentation: "A patient's membership of a policy.", sources: [coverageSource] },
  {
    type: "Encounter",
    documentation: "A field visit verifying an inpatient stay (diagnoses as ICD-10 reason codes).",
    sources: [encounterSource],
  },
  { type: "Appointment", documentation: "A patient's appointment at a provider.", sources: [appointmentSource] },
  {
    type: "DiagnosticReport",
    documentation:
      "A report of an order (preliminary or final): the uploaded file by its download URL, a filled form as JSON.",
    sources: [diagnosticReportSource],
  },
  {
    type: "DocumentReference",
    documentation:
      "A supporting document of a case, claim or visit; the bytes through GET /documents/{id}/file (scoped, audited).",
    sources: [documentReferenceSource],
  },
];

export function resourceDef(type: string): FhirResourceDef | undefined {
  return FHIR_RESOURCES.find((d) => d.type === (type as ResourceType));
}
