import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { recordStatusChange, fireTransition } from "../../platform/state-machine/engine.js";
import { Case } from "../case/case.entity.js";
import { nextNumber } from "../numbering/document-counter.js";
import { Organization } from "../organization/organization.entity.js";
import { Liability, Policy, PolicyMember } from "../policy/policy.entity.js";
import { refId } from "../../platform/graphql/loaders.js";
import { SCOPED, visiblePolicy } from "../eligibility/eligibility.service.js";
import { Claim } from "./claim.entity.js";
import { ClaimEvent, ClaimKind, ClaimStatus, OPEN_FOR_EDIT } from "./claim.enums.js";
import type {
  ClaimLineDataInput,
  RegisterClaimInput,
  SetApprovedAmountsInput,
  SetClaimLinesInput,
  TransitionClaimInput,
} from "./claim.inputs.js";
import { applyApprovedAmounts } from "./claim-approval.js";
import { deliveryDueAt } from "./claim.deadline.js";
import { replaceLines } from "./claim-lines.js";
import { claimMachine, returnReasonsOf } from "./claim.machine.js";
import { recomputeClaim, refreshOutstanding } from "./claim-recompute.js";
import { linkOfVisit } from "./visit-links.js";
import { openClaimCase } from "./claim-intake.js";
import { ClaimErrorCode } from "./claim.errors.js";
import { EligibilityErrorCode } from "../eligibility/eligibility.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { PolicyErrorCode } from "../policy/policy.errors.js";

const UNSCOPED = { filters: false } as const;

export interface NewClaim {
  kase: Case;
  policy: Policy;
  liability: Liability;
  kind: ClaimKind;
  registeredBy: Organization;
  provider?: Organization | null;
  sourceVisitId?: string | null;
  lines?: readonly ClaimLineDataInput[] | null;
}

/**
 * Creates a DRAFT claim: its number, its delivery deadline on the registering
 * organisation's calendar, the first history row, and the lines with their totals.
 * Shared by registerClaim, visit approval and the demo seed.
 */
export async function createClaim(
  em: EntityManager,
  principal: Principal,
  requestId: string | null,
  data: NewClaim,
  now: Date = new Date(),
): Promise<Claim> {
  if (data.liability.policy.id !== data.policy.id) {
    throw new DomainError(PolicyErrorCode.LIABILITY_NOT_IN_POLICY, "The liability does not belong to the policy.", [
      "liabilityId",
    ]);
  }
  const due = await deliveryDueAt(em, data.registeredBy, now);
  const claim = em.create(Claim, {
    number: await nextNumber(em, "CLM", now.getUTCFullYear()),
    case: data.kase,
    policy: data.policy,
    liability: data.liability,
    kind: data.kind,
    registeredBy: data.registeredBy,
    provider: data.provider ?? null,
    sourceVisitId: data.sourceVisitId ?? null,
    currency: data.policy.currency,
    deliveryDueAt: due,
    deliveryWindows: [{ opensBy: "REGISTER", opensAt: now.toISOString(), dueAt: due.toISOString() }],
    createdAt: now,
    updatedAt: now,
  });
  if (data.lines?.length) await replaceLines(em, claim, data.lines);
  recordStatusChange(em, "Claim", claim.id, null, ClaimStatus.DRAFT, "REGISTER", principal, {}, now);
  recordAudit(em, principal, requestId, {
    action: "claim.register",
    entityType: "Claim",
    entityId: claim.id,
    changes: {
      number: claim.number,
      kind: claim.kind,
      lines: claim.lineCount,
      sourceVisitId: claim.sourceVisitId ?? null,
    },
  });
  return claim;
}

export class ClaimService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  /** A claim the principal may see, else NOT_FOUND (a foreign claim looks missing). */
  async visibleClaim(id: string, field = ["id"]): Promise<Claim> {
    const claim = await this.em.findOne(Claim, { id });
    if (!claim) throw new NotFoundError("Claim", field);
    return claim;
  }

  /** The registering organisation: the partner itself, or the staff member's operator. */
  async registeringOrganization(): Promise<Organization> {
    const p = this.principal;
    if (p.kind !== "PARTNER" && p.kind !== "STAFF")
      throw new DomainError(ClaimErrorCode.NOT_PERMITTED, "Only partners and staff register claims.");
    return this.em.findOneOrFail(Organization, { id: p.organizationId }, UNSCOPED);
  }

  async policyAndLiability(policyId: string, liabilityId: string): Promise<{ policy: Policy; liability: Liability }> {
    const policy = await this.em.findOne(Policy, { id: policyId }, UNSCOPED);
    if (!policy) throw new NotFoundError("Policy", ["policyId"]);
    const liability = await this.em.findOne(Liability, { id: liabilityId, policy }, UNSCOPED);
    if (!liability)
      throw new DomainError(PolicyErrorCode.LIABILITY_NOT_IN_POLICY, "The liability does not belong to the policy.", [
        "liabilityId",
      ]);
    return { policy, liability };
  }

  /**
   * The policy of a new claim must cover the case's patient through a verified membership
   * (one the insurer or the operator created). A policy the caller can neither read nor
   * finds covering the patient answers like a missing one.
   */
  async insuredPolicyAndLiability(kase: Case, policyId: string, liabilityId: string) {
    const patientId = refId(kase.patient)!;
    const visible = await visiblePolicy(this.em, policyId, patientId, SCOPED);
    if (!visible) throw new NotFoundError("Policy", ["policyId"]);
    const member = await this.em.count(PolicyMember, { policy: visible, patient: patientId }, UNSCOPED);
    if (member === 0)
      throw new DomainError(
        EligibilityErrorCode.PATIENT_NOT_MEMBER,
        "The case's patient is not a verified member of this policy; the insurer or the operator confirms memberships.",
        ["policyId"],
      );
    return this.policyAndLiability(visible.id, liabilityId);
  }

  async register(input: RegisterClaimInput): Promise<Claim> {
    const sources = [input.caseId, input.newCase, input.visitId].filter((v) => v != null).length;
    if (sources > 1)
      throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "Name the case one way: caseId, newCase or visitId.", [
        "caseId",
      ]);
    let caseId = input.newCase
      ? (await openClaimCase(this.em, this.principal, this.requestId, input.newCase)).id
      : null;
    caseId ??= input.caseId ?? null;
    let policyId = input.policyId ?? null;
    if (input.visitId) {
      const link = await linkOfVisit(this.em, input.visitId, input.liabilityId);
      if (!link)
        throw new DomainError(PlatformErrorCode.NOT_FOUND, "The visit has no liability link for this liability.", [
          "visitId",
        ]);
      caseId = link.caseId;
      policyId = link.policyId;
    }
    if (!caseId)
      throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "caseId: is required without newCase or visitId", [
        "caseId",
      ]);
    if (!policyId)
      throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "policyId: is required without visitId", ["policyId"]);
    // Scoped: a partner registers claims only on cases it can see.
    const kase = await this.em.findOne(Case, { id: caseId });
    if (!kase) throw new NotFoundError("Case", [input.visitId ? "visitId" : "caseId"]);
    const { policy, liability } = await this.insuredPolicyAndLiability(kase, policyId, input.liabilityId);
    const provider = input.providerId ? await this.em.findOne(Organization, { id: input.providerId }) : null;
    if (input.providerId && !provider) throw new NotFoundError("Organization", ["providerId"]);
    const claim = await createClaim(this.em, this.principal, this.requestId, {
      kase,
      policy,
      liability,
      kind: input.kind ?? (kase.kind as unknown as ClaimKind),
      registeredBy: await this.registeringOrganization(),
      provider,
      sourceVisitId: input.visitId ?? null,
      lines: input.lines ?? [],
    });
    await this.em.flush();
    return claim;
  }

  async setLines(input: SetClaimLinesInput): Promise<Claim> {
    const claim = await this.visibleClaim(input.id);
    checkVersion(claim.version, input.expectedVersion);
    if (!OPEN_FOR_EDIT.includes(claim.status)) {
      throw new DomainError(
        ClaimErrorCode.CLAIM_NOT_EDITABLE,
        `Lines can change only in DRAFT or RETURNED, not ${claim.status}.`,
        ["id"],
      );
    }
    await replaceLines(this.em, claim, input.lines);
    recordAudit(this.em, this.principal, this.requestId, {
      action: "claim.setLines",
      entityType: "Claim",
      entityId: claim.id,
      changes: { lines: claim.lineCount, gross: claim.gross },
    });
    await this.em.flush();
    return claim;
  }

  async transition(input: TransitionClaimInput, now = new Date()): Promise<Claim> {
    const claim = await this.visibleClaim(input.id);
    const data = { returnReasons: input.returnReasons ?? [], approvedLines: input.approvedLines ?? [] };
    let reason = input.reason ?? null;
    let reasonCode = input.reasonCode ?? null;
    if (input.event === ClaimEvent.RETURN && input.returnReasons?.length) {
      // The history row keeps every reason: codes joined by commas, texts by " | ".
      const reasons = returnReasonsOf({ data });
      reasonCode = reasons.map((r) => r.code).join(",");
      reason = reasons.map((r) => r.text).join(" | ");
    }
    await fireTransition(this.em, claimMachine, claim, {
      event: input.event,
      principal: this.principal,
      expectedVersion: input.expectedVersion,
      input: { reason, reasonCode, reference: input.reference ?? null, data },
      requestId: this.requestId,
      now,
    });
    refreshOutstanding(claim);
    await this.em.flush();
    return claim;
  }

  async setApprovedAmounts(input: SetApprovedAmountsInput): Promise<Claim> {
    const claim = await this.visibleClaim(input.id);
    checkVersion(claim.version, input.expectedVersion);
    if (claim.status !== ClaimStatus.IN_REVIEW) {
      throw new DomainError(
        ClaimErrorCode.CLAIM_NOT_IN_REVIEW,
        "Approved amounts are set while the claim is IN_REVIEW.",
        ["id"],
      );
    }
    await applyApprovedAmounts(this.em, claim, input.lines);
    await recomputeClaim(this.em, claim);
    recordAudit(this.em, this.principal, this.requestId, {
      action: "claim.setApprovedAmounts",
      entityType: "Claim",
      entityId: claim.id,
      changes: { lines: input.lines.map((l) => ({ lineId: l.lineId, approvedAmount: l.approvedAmount })) },
    });
    await this.em.flush();
    return claim;
  }
}
