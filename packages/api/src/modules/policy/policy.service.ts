import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Liability, Policy, PolicyMember, PolicyNetworkProvider, PolicyStatus, PolicyType } from "./policy.entity.js";
import { assignDefined } from "../../platform/crud/row-helpers.js";
import type {
  CreatePolicyInput,
  LiabilityInput,
  PolicyLinkInput,
  SetPolicyLiabilityInput,
  UpdatePolicyInput,
} from "./policy.inputs.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { PolicyErrorCode } from "./policy.errors.js";
import { assertMinorUnit } from "../claim/engine/money.js";

const amount = rules.decimal(2).refine((v) => !v.startsWith("-"), "must not be negative");

const liabilitySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_-]{1,20}$/, "must be 1–20 upper-case letters, digits, _ or -"),
  name: rules.name,
  coverageRate: rules.rate,
  annualLimit: amount.nullish(),
  perClaimLimit: amount.nullish(),
});

const period = { validFrom: rules.localDate, validTo: rules.localDate };

const createSchema = z
  .object({
    number: z.string().trim().min(1, "must not be empty").max(60, "is at most 60 characters"),
    type: z.enum(PolicyType),
    insurerId: rules.uuid.nullish(),
    holderName: rules.name,
    ...period,
    status: z.enum(PolicyStatus).nullish(),
    deductible: amount.nullish(),
    coverageRate: rules.rate.nullish(),
    currency: rules.currency,
    liabilities: z.array(liabilitySchema).max(50).nullish(),
    memberIds: z.array(rules.uuid).max(1000).nullish(),
    networkProviderIds: z.array(rules.uuid).max(500).nullish(),
  })
  .refine((d) => d.validTo >= d.validFrom, { message: "must not be before validFrom", path: ["validTo"] });

const updateSchema = z.object({
  holderName: rules.name.nullish(),
  validFrom: rules.localDate.nullish(),
  validTo: rules.localDate.nullish(),
  status: z.enum(PolicyStatus).nullish(),
  deductible: amount.nullish(),
  coverageRate: rules.rate.nullish(),
});

export class PolicyService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreatePolicyInput): Promise<Policy> {
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    assertMinorUnit(data.deductible, data.currency, ["deductible"]);
    for (const [i, l] of (data.liabilities ?? []).entries())
      assertLiabilityAmounts(l, data.currency, ["liabilities", String(i)]);
    const insurer = await this.insurer(data.insurerId);
    if (await this.numberTaken(data.number))
      throw new DomainError(PolicyErrorCode.POLICY_NUMBER_TAKEN, "Another policy has this number.", ["number"]);
    const policy = this.em.create(Policy, {
      number: data.number,
      type: data.type,
      insurer,
      holderName: data.holderName,
      validFrom: data.validFrom,
      validTo: data.validTo,
      status: data.status ?? PolicyStatus.ACTIVE,
      deductible: data.deductible ?? "0.00",
      coverageRate: data.coverageRate ?? "1.0000",
      currency: data.currency,
    });
    const codes = new Set<string>();
    for (const [i, l] of (data.liabilities ?? []).entries()) {
      if (codes.has(l.code))
        throw new DomainError(PolicyErrorCode.DUPLICATE_LIABILITY, `Liability ${l.code} appears twice.`, [
          "liabilities",
          String(i),
          "code",
        ]);
      codes.add(l.code);
      this.em.persist(this.em.create(Liability, { policy, ...liabilityValues(l) }));
    }
    for (const id of new Set(data.memberIds ?? []))
      this.em.persist(this.em.create(PolicyMember, { policy, patient: await this.patient(id, ["memberIds"]) }));
    for (const id of new Set(data.networkProviderIds ?? []))
      this.em.persist(
        this.em.create(PolicyNetworkProvider, { policy, provider: await this.provider(id, ["networkProviderIds"]) }),
      );
    this.audit("policy.create", policy, { fields: Object.keys(data) });
    await this.em.flush();
    return policy;
  }

  async update(input: UpdatePolicyInput): Promise<Policy> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const policy = await this.load(id, expectedVersion);
    assertMinorUnit(data.deductible, policy.currency, ["deductible"]);
    const changed = assignDefined(policy, data);
    if (policy.validTo < policy.validFrom)
      throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "validTo: must not be before validFrom", ["validTo"]);
    this.audit("policy.update", policy, { fields: changed });
    await this.em.flush();
    return policy;
  }

  /** Upserts by code; bumps the policy's version so concurrent edits of its coverage conflict. */
  async setLiability(input: SetPolicyLiabilityInput): Promise<Policy> {
    const { policyId, expectedVersion, ...rest } = input;
    const data = validate(liabilitySchema, rest);
    const policy = await this.load(policyId, expectedVersion);
    assertLiabilityAmounts(data, policy.currency, []);
    const existing = await this.em.findOne(Liability, { policy, code: data.code });
    if (existing) Object.assign(existing, liabilityValues(data));
    else this.em.persist(this.em.create(Liability, { policy, ...liabilityValues(data) }));
    policy.updatedAt = new Date();
    this.audit("policy.setLiability", policy, { liability: data.code });
    await this.em.flush();
    return policy;
  }

  /**
   * The one way a membership comes to exist outside policy creation: the policy's insurer
   * (its own policies only, through the scope) or operator staff. Adding a patient who
   * declared this policy's number at intake confirms that declaration.
   */
  async addMember(input: PolicyLinkInput): Promise<Policy> {
    const policy = await this.load(input.policyId);
    const patient = await this.patient(input.targetId, ["targetId"]);
    if (!(await this.em.findOne(PolicyMember, { policy, patient })))
      this.em.persist(this.em.create(PolicyMember, { policy, patient }));
    const confirmsDeclaration = patient.declaredPolicyNumber === policy.number && !patient.declaredPolicyConfirmedAt;
    if (confirmsDeclaration) patient.declaredPolicyConfirmedAt = new Date();
    this.audit("policy.addMember", policy, { patientId: patient.id, confirmsDeclaration });
    await this.em.flush();
    return policy;
  }

  async removeMember(input: PolicyLinkInput): Promise<Policy> {
    const policy = await this.load(input.policyId);
    const link = await this.em.findOne(PolicyMember, { policy, patient: input.targetId });
    if (!link) throw new NotFoundError("PolicyMember", ["targetId"]);
    this.em.remove(link);
    this.audit("policy.removeMember", policy, { patientId: input.targetId });
    await this.em.flush();
    return policy;
  }

  async addNetworkProvider(input: PolicyLinkInput): Promise<Policy> {
    const policy = await this.load(input.policyId);
    const provider = await this.provider(input.targetId, ["targetId"]);
    if (!(await this.em.findOne(PolicyNetworkProvider, { policy, provider })))
      this.em.persist(this.em.create(PolicyNetworkProvider, { policy, provider }));
    this.audit("policy.addNetworkProvider", policy, { providerId: provider.id });
    await this.em.flush();
    return policy;
  }

  async removeNetworkProvider(input: PolicyLinkInput): Promise<Policy> {
    const policy = await this.load(input.policyId);
    const link = await this.em.findOne(PolicyNetworkProvider, { policy, provider: input.targetId });
    if (!link) throw new NotFoundError("PolicyNetworkProvider", ["targetId"]);
    this.em.remove(link);
    this.audit("policy.removeNetworkProvider", policy, { providerId: input.targetId });
    await this.em.flush();
    return policy;
  }

  private async load(id: string, expectedVersion?: number): Promise<Policy> {
    const policy = await this.em.findOne(Policy, { id });
    if (!policy) throw new NotFoundError("Policy", ["policyId"]);
    if (expectedVersion !== undefined) checkVersion(policy.version, expectedVersion);
    return policy;
  }

  /** An insurer partner writes only its own policies; staff name the insurer. */
  private async insurer(insurerId: string | null | undefined): Promise<Organization> {
    const p = this.principal;
    if (p.kind === "PARTNER") {
      if (insurerId && insurerId !== p.organizationId) throw new NotFoundError("Organization", ["insurerId"]);
      insurerId = p.organizationId;
    }
    if (!insurerId) throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "insurerId: is required", ["insurerId"]);
    const org = await this.em.findOne(Organization, { id: insurerId });
    if (!org) throw new NotFoundError("Organization", ["insurerId"]);
    if (org.kind !== OrganizationKind.INSURER)
      throw new DomainError(OrganizationErrorCode.NOT_AN_INSURER, "The organisation is not an insurer.", ["insurerId"]);
    return org;
  }

  private async patient(id: string, field: string[]): Promise<Patient> {
    const patient = await this.em.findOne(Patient, { id });
    if (!patient) throw new NotFoundError("Patient", field);
    return patient;
  }

  private async provider(id: string, field: string[]): Promise<Organization> {
    const org = await this.em.findOne(Organization, { id });
    if (!org) throw new NotFoundError("Organization", field);
    if ([OrganizationKind.OPERATOR, OrganizationKind.INSURER, OrganizationKind.AGENCY].includes(org.kind))
      throw new DomainError(
        OrganizationErrorCode.NOT_A_PROVIDER,
        "Only clinics, labs, hospitals and interconsultants can be network providers.",
        field,
      );
    return org;
  }

  // Raw SQL: a policy number is unique across insurers the caller may not see.
  private async numberTaken(number: string): Promise<boolean> {
    return (await this.em.execute(`select 1 from policy where number = ?`, [number])).length > 0;
  }

  private audit(action: string, policy: Policy, changes: Record<string, unknown>): void {
    recordAudit(this.em, this.principal, this.requestId, {
      action,
      entityType: "Policy",
      entityId: policy.id,
      changes,
    });
  }
}

function assertLiabilityAmounts(
  l: { annualLimit?: string | null; perClaimLimit?: string | null },
  currency: string,
  at: string[],
): void {
  assertMinorUnit(l.annualLimit, currency, [...at, "annualLimit"]);
  assertMinorUnit(l.perClaimLimit, currency, [...at, "perClaimLimit"]);
}

function liabilityValues(l: z.infer<typeof liabilitySchema> | LiabilityInput) {
  return {
    code: l.code,
    name: l.name,
    coverageRate: l.coverageRate,
    annualLimit: l.annualLimit ?? null,
    perClaimLimit: l.perClaimLimit ?? null,
  };
}
