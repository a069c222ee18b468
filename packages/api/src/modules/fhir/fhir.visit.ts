import type { Appointment, Coverage, Encounter } from "@medplum/fhirtypes";
import { refId } from "../../platform/graphql/loaders.js";
import { PolicyMember, PolicyStatus } from "../policy/policy.entity.js";
import { Visit } from "../visit/visit.entity.js";
import { VisitKind, VisitStatus } from "../visit/visit.enums.js";
import { APPOINTMENT_STATUS, COVERAGE_STATUS, ENCOUNTER_STATUS, SYSTEMS, concept } from "./fhir.codes.js";
import { dateParam, identifierParam, referenceParam, statusParam, systemsOf } from "./fhir.params.js";
import { idOf } from "./fhir.people.js";
import { compact, meta, ref, source } from "./fhir.resource.js";

/** Field visits as Encounters, appointments as Appointments, policy memberships as Coverage. */

const visitIdentifiers = identifierParam(systemsOf, {
  "visit-number": (v) => ({ number: v }),
  "case-number": (v) => ({ case: { number: v } }),
  "scan-key": (v) => ({ case: { scanKey: v } }),
});
const visitPatient = referenceParam("Patient", "The patient visited", (id) => ({ patient: id }));

export const encounterSource = source<Visit>({
  entity: Visit,
  base: { kind: VisitKind.FIELD_VISIT },
  populate: ["case"],
  historyOf: "Visit",
  params: {
    patient: visitPatient,
    status: statusParam(ENCOUNTER_STATUS, "visit-status", "status"),
    identifier: visitIdentifiers,
    date: dateParam("scheduledAt", "When the visit is scheduled"),
    "service-provider": referenceParam("Organization", "The hospital", (id) => ({ site: id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", date: "scheduledAt" },
  toFhir: (v, ctx, _prepared, status) => {
    const local = (status ?? v.status) as VisitStatus;
    const identifier = [ctx.systems.identifier("visit-number", v.number, "official")];
    if (v.case) identifier.push(ctx.systems.identifier("scan-key", v.case.scanKey, "secondary"));
    return compact<Encounter>({
      resourceType: "Encounter",
      id: v.id,
      meta: meta(v),
      identifier,
      status: ENCOUNTER_STATUS[local],
      // The inpatient stay the visit verifies; the local status keeps the review's detail.
      class: { system: SYSTEMS.ACT_CODE, code: "IMP", display: "inpatient encounter" },
      type: [concept(ctx.systems.local("visit-status", local))],
      subject: ref("Patient", refId(v.patient)),
      participant: v.assignee ? [{ individual: ref("Practitioner", refId(v.assignee)) }] : undefined,
      period: compact({
        start: v.admissionDate ?? v.scheduledAt?.toISOString(),
        end: v.completedAt?.toISOString(),
      }),
      reasonCode: v.diagnosisCodes.map((code) => concept({ system: SYSTEMS.ICD10, code })),
      serviceProvider: ref("Organization", refId(v.site)),
      location: undefined,
    });
  },
  includes: {
    "Encounter:patient": (v) => idOf("Patient", refId(v.patient)),
    "Encounter:service-provider": (v) => idOf("Organization", refId(v.site)),
    "Encounter:practitioner": (v) => idOf("Practitioner", refId(v.assignee)),
  },
});

export const appointmentSource = source<Visit>({
  entity: Visit,
  base: { kind: VisitKind.APPOINTMENT },
  populate: ["case"],
  historyOf: "Visit",
  params: {
    patient: visitPatient,
    status: statusParam(APPOINTMENT_STATUS, "visit-status", "status"),
    identifier: visitIdentifiers,
    date: dateParam("scheduledAt", "Appointment time"),
    "based-on": referenceParam("ServiceRequest", "The order the appointment is for", (id) => ({ orderId: id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", date: "scheduledAt" },
  toFhir: (v, ctx, _prepared, status) => {
    const local = (status ?? v.status) as VisitStatus;
    return compact<Appointment>({
      resourceType: "Appointment",
      id: v.id,
      meta: meta(v),
      identifier: [ctx.systems.identifier("visit-number", v.number, "official")],
      status: APPOINTMENT_STATUS[local],
      serviceType: [concept(ctx.systems.local("visit-status", local))],
      start: v.scheduledAt?.toISOString(),
      // FHIR requires an end with a start; the operator books slots, not durations.
      end: v.scheduledAt?.toISOString(),
      basedOn: v.orderId ? [ref("ServiceRequest", v.orderId)!] : undefined,
      cancelationReason: v.cancelReason ? { text: v.cancelReason } : undefined,
      participant: [{ actor: ref("Patient", refId(v.patient)), status: "accepted" }],
    });
  },
  includes: {
    "Appointment:patient": (v) => idOf("Patient", refId(v.patient)),
    "Appointment:based-on": (v) => idOf("ServiceRequest", v.orderId),
  },
});

export const coverageSource = source<PolicyMember>({
  entity: PolicyMember,
  populate: ["policy"],
  params: {
    patient: referenceParam("Patient", "The member", (id) => ({ patient: id })),
    beneficiary: referenceParam("Patient", "The member", (id) => ({ patient: id })),
    status: statusParam(COVERAGE_STATUS, "policy-status", (c) => ({ policy: { status: c } })),
    identifier: identifierParam(systemsOf, { "policy-number": (v) => ({ policy: { number: v } }) }),
    payor: referenceParam("Organization", "The insurer", (id) => ({ policy: { insurer: id } })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id" },
  toFhir: (m, ctx) => {
    const p = m.policy;
    return compact<Coverage>({
      resourceType: "Coverage",
      id: m.id,
      meta: meta(m),
      identifier: [ctx.systems.identifier("policy-number", p.number, "official")],
      status: COVERAGE_STATUS[p.status as PolicyStatus],
      type: concept(ctx.systems.local("policy-type", p.type), ctx.systems.local("policy-status", p.status)),
      subscriberId: p.number,
      beneficiary: ref("Patient", refId(m.patient))!,
      period: { start: p.validFrom, end: p.validTo },
      payor: [ref("Organization", refId(p.insurer))!],
    });
  },
  includes: {
    "Coverage:patient": (m) => idOf("Patient", refId(m.patient)),
    "Coverage:payor": (m) => idOf("Organization", refId(m.policy.insurer)),
  },
});
