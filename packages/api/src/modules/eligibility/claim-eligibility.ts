import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import type { Claim } from "../claim/claim.entity.js";
import { claimContext, linesOf } from "../claim/claim-recompute.js";
import { assessEligibility } from "./eligibility.service.js";
import type { Eligibility, EligibilityReason } from "./eligibility.types.js";
import { ClaimErrorCode } from "../claim/claim.errors.js";

/** SUBMIT refused because eligibility failed; every reason becomes its own userError. */
export class ClaimNotEligibleError extends DomainError {
  constructor(readonly reasons: EligibilityReason[]) {
    super(ClaimErrorCode.NOT_ELIGIBLE, `The claim is not eligible: ${reasons.map((r) => r.code).join(", ")}.`, [
      "eligibility",
    ]);
    this.name = "ClaimNotEligibleError";
  }
}

/** The eligibility of a stored claim: its case's patient and incident date, its policy, liability, lines and provider. */
export async function claimEligibility(em: EntityManager, claim: Claim): Promise<Eligibility> {
  const { kase } = await claimContext(em, claim);
  const lines = await linesOf(em, claim);
  return assessEligibility(em, {
    patientId: refId(kase.patient)!,
    policyId: refId(claim.policy),
    liabilityId: refId(claim.liability),
    date: kase.incidentDate,
    serviceCodes: lines.map((l) => ({ system: l.serviceSystem, code: l.serviceCode })),
    providerId: refId(claim.provider),
    claimId: claim.id,
  });
}
