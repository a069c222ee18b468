import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { recordStatusChange } from "../../platform/state-machine/engine.js";
import { Case, CaseKind, CaseStatus } from "../case/case.entity.js";
import { nextNumber } from "../numbering/document-counter.js";
import { Order } from "../order/order.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Visit } from "./visit.entity.js";
import { TERMINAL_VISIT_STATUSES, VisitKind, VisitStatus } from "./visit.enums.js";
import type { CreateFieldVisitInput, ScheduleAppointmentInput } from "./visit.inputs.js";
import { reminderDueFor } from "./visit.machine.js";
import { queueAppointmentInstructions } from "./visit.notifications.js";
import { CaseErrorCode } from "../case/case.errors.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { VisitErrorCode } from "./visit.errors.js";

const PROVIDER_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.CLINIC,
  OrganizationKind.LAB,
  OrganizationKind.INTERCONSULTANT,
  OrganizationKind.HOSPITAL,
];

interface NewVisit {
  kind: VisitKind;
  status: VisitStatus;
  patient: Patient;
  site: Organization;
  case?: Case | null;
  scheduledAt?: Date | null;
  orderId?: string | null;
}

/** Numbers, inserts and starts the history of a visit, in the caller's transaction. */
async function insertVisit(
  em: EntityManager,
  principal: Principal,
  requestId: string | null,
  v: NewVisit,
): Promise<Visit> {
  const visit = em.create(Visit, {
    number: await nextNumber(em, "VIS", new Date().getUTCFullYear()),
    kind: v.kind,
    status: v.status,
    patient: v.patient,
    site: v.site,
    case: v.case ?? null,
    orderId: v.orderId ?? null,
    scheduledAt: v.scheduledAt ?? null,
    reminderDueAt: reminderDueFor(v.kind, v.scheduledAt),
  });
  em.persist(visit);
  recordStatusChange(em, "Visit", visit.id, null, v.status, "CREATE", principal);
  recordAudit(em, principal, requestId, {
    action: "visit.create",
    entityType: "Visit",
    entityId: visit.id,
    changes: { kind: v.kind, caseId: v.case?.id ?? null, siteId: v.site.id },
  });
  await em.flush();
  return visit;
}

/** The open field visit of a case, if there is one (a case is visited once at a time). */
async function openFieldVisit(em: EntityManager, caseId: string): Promise<Visit | null> {
  return em.findOne(Visit, {
    case: caseId,
    kind: VisitKind.FIELD_VISIT,
    status: { $nin: [...TERMINAL_VISIT_STATUSES] },
  });
}

/** 就诊登记 → 新探访任务: the case module calls this for every registered case. */
export async function onCaseRegistered(em: EntityManager, kase: Case, principal: Principal): Promise<void> {
  if (kase.kind !== CaseKind.INPATIENT || !kase.hospital) return;
  if (await openFieldVisit(em, kase.id)) return;
  const patient = await em.findOne(Patient, { id: refId(kase.patient)! });
  const hospital = await em.findOne(Organization, { id: refId(kase.hospital)! });
  if (!patient || !hospital) return;
  await insertVisit(em, principal, null, {
    kind: VisitKind.FIELD_VISIT,
    status: VisitStatus.PENDING_ASSIGNMENT,
    patient,
    site: hospital,
    case: kase,
  });
}

export async function createFieldVisit(
  em: EntityManager,
  principal: Principal,
  requestId: string | null,
  input: CreateFieldVisitInput,
): Promise<Visit> {
  const kase = await em.findOne(Case, { id: input.caseId });
  if (!kase) throw new NotFoundError("Case", ["caseId"]);
  if (kase.status !== CaseStatus.OPEN)
    throw new DomainError(CaseErrorCode.CASE_NOT_OPEN, "The case is closed or cancelled.", ["caseId"]);
  const hospitalId = input.hospitalId ?? refId(kase.hospital);
  if (!hospitalId)
    throw new DomainError(CaseErrorCode.HOSPITAL_REQUIRED, "The case has no hospital: give hospitalId.", [
      "hospitalId",
    ]);
  const hospital = await em.findOne(Organization, { id: hospitalId });
  if (!hospital) throw new NotFoundError("Organization", ["hospitalId"]);
  if (hospital.kind !== OrganizationKind.HOSPITAL || !hospital.active)
    throw new DomainError(OrganizationErrorCode.NOT_A_HOSPITAL, "Field visits take place at an active hospital.", [
      "hospitalId",
    ]);
  const existing = await openFieldVisit(em, kase.id);
  if (existing)
    throw new DomainError(
      VisitErrorCode.FIELD_VISIT_EXISTS,
      `The case already has an open field visit (${existing.number}).`,
      ["caseId"],
    );
  const patient = await em.findOneOrFail(Patient, { id: refId(kase.patient)! });
  return insertVisit(em, principal, requestId, {
    kind: VisitKind.FIELD_VISIT,
    status: VisitStatus.PENDING_ASSIGNMENT,
    patient,
    site: hospital,
    case: kase,
  });
}

export async function scheduleAppointment(
  em: EntityManager,
  principal: Principal,
  requestId: string | null,
  input: ScheduleAppointmentInput,
  now = new Date(),
): Promise<Visit> {
  const providerId = input.providerId ?? (principal.kind === "PARTNER" ? principal.organizationId : null);
  if (!providerId) throw new DomainError(VisitErrorCode.PROVIDER_REQUIRED, "Give providerId.", ["providerId"]);
  // A partner books only at its own organisation; another's looks like a missing one.
  if (principal.kind === "PARTNER" && providerId !== principal.organizationId)
    throw new NotFoundError("Organization", ["providerId"]);
  if (!(input.scheduledAt instanceof Date) || input.scheduledAt.getTime() <= now.getTime())
    throw new DomainError(VisitErrorCode.SCHEDULED_AT_IN_PAST, "The appointment time must be in the future.", [
      "scheduledAt",
    ]);
  const [patient, provider] = await Promise.all([
    em.findOne(Patient, { id: input.patientId }),
    em.findOne(Organization, { id: providerId }),
  ]);
  if (!patient) throw new NotFoundError("Patient", ["patientId"]);
  if (!provider) throw new NotFoundError("Organization", ["providerId"]);
  if (!PROVIDER_KINDS.includes(provider.kind) || !provider.active)
    throw new DomainError(
      OrganizationErrorCode.NOT_A_PROVIDER,
      "Appointments are booked at an active clinic, lab, specialist or hospital.",
      ["providerId"],
    );
  let kase: Case | null = null;
  if (input.caseId) {
    kase = await em.findOne(Case, { id: input.caseId });
    if (!kase) throw new NotFoundError("Case", ["caseId"]);
  }
  if (input.orderId) {
    const order = await em.findOne(Order, { id: input.orderId });
    if (!order) throw new NotFoundError("Order", ["orderId"]);
    if (kase && refId(order.case) !== kase.id)
      throw new DomainError(VisitErrorCode.ORDER_CASE_MISMATCH, "The order belongs to another case.", ["orderId"]);
    // An appointment for an order belongs to the order's case.
    kase ??= await em.findOne(Case, { id: refId(order.case)! });
  }
  if (kase && refId(kase.patient) !== patient.id)
    throw new DomainError(CaseErrorCode.CASE_PATIENT_MISMATCH, "The case belongs to another patient.", [
      input.caseId ? "caseId" : "orderId",
    ]);
  const visit = await insertVisit(em, principal, requestId, {
    kind: VisitKind.APPOINTMENT,
    status: VisitStatus.SCHEDULED,
    patient,
    site: provider,
    case: kase,
    scheduledAt: input.scheduledAt,
    orderId: input.orderId ?? null,
  });
  await queueAppointmentInstructions(em, { visit, patient, provider });
  return visit;
}
