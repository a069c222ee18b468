import type { EntityManager } from "@mikro-orm/postgresql";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { isStaff, type Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { fireTransition, recordStatusChange } from "../../platform/state-machine/engine.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient, PatientStatus } from "./patient.entity.js";
import { Policy, PolicyMember } from "../policy/policy.entity.js";
import { actingOrganizationId, assignDefined } from "../../platform/crud/row-helpers.js";
import type { RegisterPatientInput, TransitionPatientInput, UpdatePatientInput } from "./patient.inputs.js";
import { patientMachine } from "./patient.machine.js";
import { PatientErrorCode } from "./patient.errors.js";

const pastDate = rules.localDate.refine((d) => d <= new Date().toISOString().slice(0, 10), "must not be in the future");
const nationalId = z
  .string()
  .trim()
  .min(4, "must have at least 4 characters")
  .max(40, "is at most 40 characters")
  .regex(/^[\p{L}\p{N} .\-/]+$/u, "may contain letters, digits, spaces, dots, dashes and slashes only");

const registerSchema = z.object({
  firstName: rules.name,
  lastName: rules.name,
  birthDate: pastDate.nullish(),
  phone: rules.e164.nullish(),
  email: rules.email.nullish(),
  language: rules.language.nullish(),
  smsConsent: z.boolean().nullish(),
  emailConsent: z.boolean().nullish(),
  nationalId: nationalId.nullish(),
  customerNumber: z
    .string()
    .regex(/^\d{8}$/, "must be exactly 8 digits")
    .nullish(),
  insurance: z
    .object({
      policyNumber: rules.text(60).nullish(),
      insurerName: rules.text(200).nullish(),
      notes: rules.text(1000).nullish(),
    })
    .nullish(),
});

const updateSchema = registerSchema
  .omit({ customerNumber: true, insurance: true })
  .partial()
  .extend({ declaredInsurance: rules.text(1000).nullish() });

const MAX_NUMBER_ATTEMPTS = 10;

export class PatientService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  /**
   * Intake (dental seed steps 1–2): a PROSPECT with its declared insurance. Operator staff
   * registering it match the policy number to a membership; a partner's number stays
   * declared and unverified until the insurer or the operator confirms it.
   */
  async register(input: RegisterPatientInput, registeredById?: string): Promise<Patient> {
    const data = validate(registerSchema, { ...input, idempotencyKey: undefined });
    const customerNumber = data.customerNumber
      ? await this.chosenCustomerNumber(data.customerNumber)
      : await this.freeCustomerNumber();
    const orgId = registeredById ?? actingOrganizationId(this.principal);
    const patient = this.em.create(Patient, {
      customerNumber,
      firstName: data.firstName,
      lastName: data.lastName,
      birthDate: data.birthDate ?? null,
      phone: data.phone ?? null,
      email: data.email?.toLowerCase() ?? null,
      language: data.language ?? "es",
      smsConsent: data.smsConsent ?? false,
      emailConsent: data.emailConsent ?? false,
      registeredBy: this.em.getReference(Organization, orgId),
      ...this.encryptedNationalId(data.nationalId),
    });
    // A declared number is kept as unverified text; only operator staff turn it into a
    // membership here (partners would otherwise enrol anyone in any insurer's policy).
    const declaredNumber = data.insurance?.policyNumber?.trim() || null;
    const policyId = isStaff(this.principal, "OPERATOR") ? await this.matchPolicy(declaredNumber) : null;
    if (data.insurance) patient.declaredInsurance = declaredText(data.insurance) || null;
    patient.declaredPolicyNumber = declaredNumber;
    if (policyId) {
      this.em.persist(this.em.create(PolicyMember, { policy: this.em.getReference(Policy, policyId), patient }));
      patient.declaredPolicyConfirmedAt = new Date();
    }
    recordStatusChange(this.em, "Patient", patient.id, null, PatientStatus.PROSPECT, "REGISTER", this.principal);
    recordAudit(this.em, this.principal, this.requestId, {
      action: "patient.register",
      entityType: "Patient",
      entityId: patient.id,
      changes: {
        fields: Object.keys(data).filter((k) => data[k as keyof typeof data] != null),
        policyMatched: !!policyId,
      },
    });
    await this.em.flush();
    return patient;
  }

  async update(input: UpdatePatientInput): Promise<Patient> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const patient = await this.em.findOne(Patient, { id });
    if (!patient) throw new NotFoundError("Patient");
    // Partners who see a patient through someone else's case may read it, not edit it.
    if (this.principal.kind === "PARTNER" && refId(patient.registeredBy) !== this.principal.organizationId)
      throw new DomainError(
        PatientErrorCode.PATIENT_NOT_EDITABLE,
        "Only the organisation that registered this patient may change it.",
        ["id"],
      );
    checkVersion(patient.version, expectedVersion);
    const { nationalId: nid, email, ...plain } = data;
    const changed = assignDefined(patient, plain);
    if (email) {
      patient.email = email.toLowerCase();
      changed.push("email");
    }
    if (nid) {
      Object.assign(patient, this.encryptedNationalId(nid));
      changed.push("nationalId");
    }
    recordAudit(this.em, this.principal, this.requestId, {
      action: "patient.update",
      entityType: "Patient",
      entityId: patient.id,
      changes: { fields: changed },
    });
    await this.em.flush();
    return patient;
  }

  async transition(input: TransitionPatientInput): Promise<Patient> {
    const patient = await this.em.findOne(Patient, { id: input.id });
    if (!patient) throw new NotFoundError("Patient");
    await fireTransition(this.em, patientMachine, patient, {
      event: input.event,
      principal: this.principal,
      expectedVersion: input.expectedVersion,
      input: { reason: input.reason ?? null },
      requestId: this.requestId,
    });
    await this.em.flush();
    return patient;
  }

  private encryptedNationalId(value: string | null | undefined): Pick<Patient, "nationalIdEnc" | "nationalIdIndex"> {
    if (!value) return {};
    const cipher = fieldCipher();
    return { nationalIdEnc: cipher.encrypt(value), nationalIdIndex: cipher.blindIndex(value) };
  }

  // Raw SQL on purpose: uniqueness and policy matching span rows the caller may not see.
  /**
   * Customer numbers are unique across every tenant, so "this number is taken" would tell
   * a partner that some other organisation has a patient with it (an oracle over 90 million
   * numbers). Only operator staff, who see every patient anyway, may choose one (legacy
   * files); a partner's choice is refused before any lookup, taken or not, and partners
   * get a number the server draws.
   */
  private async chosenCustomerNumber(number: string): Promise<string> {
    if (this.principal.kind !== "STAFF")
      throw new DomainError(
        PatientErrorCode.CUSTOMER_NUMBER_NOT_ALLOWED,
        "Customer numbers are issued by the platform; omit customerNumber and read the one assigned.",
        ["customerNumber"],
      );
    if (await this.customerNumberTaken(number))
      throw new DomainError(PatientErrorCode.CUSTOMER_NUMBER_TAKEN, "Another patient has this customer number.", [
        "customerNumber",
      ]);
    return number;
  }

  private async customerNumberTaken(number: string): Promise<boolean> {
    const rows = await this.em.execute(`select 1 from patient where customer_number = ?`, [number]);
    return rows.length > 0;
  }

  /** Never starts with 0, so the number survives spreadsheets that drop leading zeros. */
  private async freeCustomerNumber(): Promise<string> {
    for (let i = 0; i < MAX_NUMBER_ATTEMPTS; i++) {
      const candidate = String(randomInt(10_000_000, 100_000_000));
      if (!(await this.customerNumberTaken(candidate))) return candidate;
    }
    throw new Error("Could not find a free customer number");
  }

  private async matchPolicy(policyNumber: string | null | undefined): Promise<string | null> {
    if (!policyNumber) return null;
    const rows = await this.em.execute<{ id: string }[]>(`select id from policy where number = ?`, [policyNumber]);
    return rows[0]?.id ?? null;
  }
}

function declaredText(ins: {
  policyNumber?: string | null;
  insurerName?: string | null;
  notes?: string | null;
}): string {
  return [
    ins.insurerName ? `Insurer: ${ins.insurerName}` : null,
    ins.policyNumber ? `Policy: ${ins.policyNumber}` : null,
    ins.notes ? `Notes: ${ins.notes}` : null,
  ]
    .filter(Boolean)
    .join("; ");
}
