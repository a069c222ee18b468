import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import { branchOf, isPartner, isStaff, type Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { fireTransition, recordStatusChange } from "../../platform/state-machine/engine.js";
import { nextNumber } from "../numbering/document-counter.js";
import { Branch } from "../organization/branch.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Case, CaseKind, CaseStatus } from "./case.entity.js";
import { hooksOf } from "../../platform/composition/hooks.js";
import { caseRegistered } from "./case.events.js";
import { caseMachine } from "./case.machine.js";
import type { RegisterCaseInput, TransitionCaseInput } from "./case.inputs.js";
import { CaseErrorCode } from "./case.errors.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

export const SCAN_KEY_PATTERN = /^\d{16}$/;

/** The partner kinds that open cases themselves (SPEC §8 "Intake by partners"). */
export const PARTNER_CASE_REGISTRANTS = ["HOSPITAL", "AGENCY", "CLINIC"] as const;

/** customerNumber (8 digits) + incident date YYYYMMDD: the barcode printed on the case's documents. */
export function scanKeyOf(customerNumber: string, incidentDate: string): string {
  return `${customerNumber}${incidentDate.replace(/-/g, "")}`;
}

const registerSchema = z.object({
  patientId: rules.uuid,
  kind: z.enum(CaseKind),
  incidentDate: rules.localDate,
  hospitalId: rules.uuid.nullish(),
  registeredById: rules.uuid.nullish(),
  scanKey: z.string().trim().regex(SCAN_KEY_PATTERN, "must be 16 digits").nullish(),
  description: rules.text(4000).nullish(),
});

export class CaseService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async register(input: RegisterCaseInput, now = new Date()): Promise<Case> {
    const data = validate(registerSchema, { ...input, idempotencyKey: undefined });
    if (data.incidentDate > now.toISOString().slice(0, 10))
      throw new DomainError(CaseErrorCode.INCIDENT_DATE_IN_FUTURE, "The incident date cannot be in the future.", [
        "incidentDate",
      ]);
    const { registeredBy, hospital } = await this.parties(data.kind, data.hospitalId, data.registeredById);
    const patient = await this.patient(data.patientId);
    if (!/^\d{8}$/.test(patient.customerNumber))
      throw new DomainError(CaseErrorCode.INVALID_CUSTOMER_NUMBER, "The patient's customer number is not 8 digits.", [
        "patientId",
      ]);
    const scanKey = scanKeyOf(patient.customerNumber, data.incidentDate);
    if (data.scanKey && data.scanKey !== scanKey)
      throw new DomainError(
        CaseErrorCode.SCAN_KEY_MISMATCH,
        "The scan key does not match the patient's customer number and the incident date.",
        ["scanKey"],
      );
    const kase = this.em.create(Case, {
      number: await nextNumber(this.em, "CASE", now.getUTCFullYear()),
      patient,
      kind: data.kind,
      incidentDate: data.incidentDate,
      registeredBy,
      hospital,
      branch: await this.branchFor(registeredBy, hospital),
      scanKey,
      description: data.description ?? null,
      createdAt: now,
      updatedAt: now,
    });
    recordStatusChange(this.em, "Case", kase.id, null, CaseStatus.OPEN, "REGISTER", this.principal, {}, now);
    recordAudit(this.em, this.principal, this.requestId, {
      action: "case.register",
      entityType: "Case",
      entityId: kase.id,
      changes: { fields: Object.keys(data).filter((k) => data[k as keyof typeof data] != null) },
    });
    await this.em.flush();
    for (const handler of hooksOf(this.em).list(caseRegistered)) await handler(this.em, kase, this.principal);
    await this.em.flush();
    return kase;
  }

  async transition(input: TransitionCaseInput): Promise<Case> {
    const kase = await this.em.findOne(Case, { id: input.id });
    if (!kase) throw new NotFoundError("Case");
    await fireTransition(this.em, caseMachine, kase, {
      event: input.event,
      principal: this.principal,
      expectedVersion: input.expectedVersion,
      input: { reason: input.reason?.trim() || null },
      requestId: this.requestId,
    });
    await this.em.flush();
    return kase;
  }

  /**
   * Who may open a case (PARTNER_CASE_REGISTRANTS): a hospital registers its own cases at
   * itself; an agency or a clinic registers the cases of its own customers or patients
   * (naming the hospital of an inpatient case); staff register for any organisation.
   */
  private async parties(kind: CaseKind, hospitalId?: string | null, registeredById?: string | null) {
    const p = this.principal;
    if (isPartner(p)) {
      if (!isPartner(p, ...PARTNER_CASE_REGISTRANTS))
        throw new DomainError(
          PlatformErrorCode.TRANSITION_NOT_PERMITTED,
          "Only hospitals, agencies and clinics register cases.",
        );
      if (registeredById && registeredById !== p.organizationId)
        throw new DomainError(CaseErrorCode.FORBIDDEN_REGISTRANT, "A partner registers cases as itself.", [
          "registeredById",
        ]);
      const self = await this.org(p.organizationId, "registeredById");
      if (isPartner(p, "HOSPITAL")) {
        if (hospitalId && hospitalId !== p.organizationId)
          throw new DomainError(CaseErrorCode.HOSPITAL_MISMATCH, "A hospital registers cases at itself.", [
            "hospitalId",
          ]);
        return { registeredBy: self, hospital: self };
      }
      return { registeredBy: self, hospital: await this.hospitalOf(kind, hospitalId, null) };
    }
    // Staff default to their own (operator) organisation; the system (seed, imports) must name one.
    const registrantId = registeredById ?? (isStaff(p) ? p.organizationId : null);
    if (p.kind !== "SYSTEM" && !isStaff(p))
      throw new DomainError(
        PlatformErrorCode.TRANSITION_NOT_PERMITTED,
        "Only partners and operator staff register cases.",
      );
    if (!registrantId)
      throw new DomainError(CaseErrorCode.REGISTRANT_REQUIRED, "Name the registering organisation.", [
        "registeredById",
      ]);
    const registeredBy = await this.org(registrantId, "registeredById");
    return { registeredBy, hospital: await this.hospitalOf(kind, hospitalId, registeredBy) };
  }

  /**
   * The branch a new case is worked in: a branch session registers into its own branch;
   * otherwise the registering partner's coverage branch, else the hospital's; else head office.
   */
  private async branchFor(registeredBy: Organization, hospital: Organization | null) {
    const own = branchOf(this.principal);
    if (own) return this.em.getReference(Branch, own);
    return registeredBy.branch ?? hospital?.branch ?? null;
  }

  /** The hospital named (or the registrant when it is one); an inpatient case needs one. */
  private async hospitalOf(kind: CaseKind, hospitalId: string | null | undefined, registeredBy: Organization | null) {
    let hospital: Organization | null = null;
    if (hospitalId) hospital = await this.org(hospitalId, "hospitalId");
    else if (registeredBy?.kind === OrganizationKind.HOSPITAL) hospital = registeredBy;
    if (hospital && hospital.kind !== OrganizationKind.HOSPITAL)
      throw new DomainError(OrganizationErrorCode.NOT_A_HOSPITAL, "hospitalId must be a hospital.", ["hospitalId"]);
    if (kind === CaseKind.INPATIENT && !hospital)
      throw new DomainError(CaseErrorCode.HOSPITAL_REQUIRED, "An inpatient case needs its hospital.", ["hospitalId"]);
    return hospital;
  }

  private async org(id: string, field: string): Promise<Organization> {
    const org = await this.em.findOne(Organization, { id });
    if (!org) throw new NotFoundError("Organization", [field]);
    if (!org.active)
      throw new DomainError(OrganizationErrorCode.ORGANIZATION_INACTIVE, "The organisation is inactive.", [field]);
    return org;
  }

  /**
   * The patient through the caller's scope: a hospital registers cases only for patients
   * it can see (registered itself, or through its cases). Anyone else's patient answers
   * exactly like a missing one, so registerCase never confirms that an id exists.
   */
  private async patient(id: string): Promise<Patient> {
    const patient = await this.em.findOne(Patient, { id });
    if (!patient) throw new NotFoundError("Patient", ["patientId"]);
    return patient;
  }
}
