import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../../platform/auth/principal.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Case } from "../case/case.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Liability, Policy } from "../policy/policy.entity.js";
import { Claim } from "./claim.entity.js";
import { ClaimKind } from "./claim.enums.js";
import { createClaim } from "./claim.service.js";
import { linksOfVisit } from "./visit-links.js";

const UNSCOPED = { filters: false } as const;

/**
 * 分案 → 理赔: an approved field visit (conclusion COMPLETED) gets one DRAFT INPATIENT
 * claim per liability link. The claim is registered by the operator whose reviewer
 * approved the visit (that office now owns the file and its 15-working-day delivery
 * clock); the provider is the case's hospital, for the network check. Re-running the
 * handler creates nothing twice.
 */
export async function createClaimsForApprovedVisit(
  em: EntityManager,
  visitId: string,
  principal: Principal,
): Promise<Claim[]> {
  const links = await linksOfVisit(em, visitId);
  const created: Claim[] = [];
  for (const link of links) {
    const existing = await em.count(Claim, { sourceVisitId: visitId, liability: link.liability_id }, UNSCOPED);
    if (existing > 0) continue;
    const kase = await em.findOneOrFail(Case, { id: link.case_id }, UNSCOPED);
    const policy = await em.findOneOrFail(Policy, { id: link.policy_id }, UNSCOPED);
    const liability = await em.findOneOrFail(Liability, { id: link.liability_id }, UNSCOPED);
    const registeredById = principal.kind === "STAFF" ? principal.organizationId : refId(kase.registeredBy)!;
    const hospitalId = refId(kase.hospital);
    created.push(
      await createClaim(em, principal, null, {
        kase,
        policy,
        liability,
        kind: ClaimKind.INPATIENT,
        registeredBy: await em.findOneOrFail(Organization, { id: registeredById }, UNSCOPED),
        provider: hospitalId ? await em.findOneOrFail(Organization, { id: hospitalId }, UNSCOPED) : null,
        sourceVisitId: visitId,
      }),
    );
  }
  await em.flush();
  return created;
}
