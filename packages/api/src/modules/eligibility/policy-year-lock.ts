import type { EntityManager } from "@mikro-orm/postgresql";
import { refId } from "../../platform/graphql/loaders.js";
import { Case } from "../case/case.entity.js";
import { Policy } from "../policy/policy.entity.js";
import type { Claim } from "../claim/claim.entity.js";
import { policyYearOf } from "./policy-year.js";

/**
 * Serialises the approvals of one policy year. The deductible and annual-limit usage is
 * a sum over approved claims, not a row, so two approvals running at once would each read
 * the same remainder and both consume it. A transaction-scoped advisory lock on
 * (policy, year start) makes the second approval wait until the first commits; under READ
 * COMMITTED its usage query then sees the first one's approved amounts. Released at
 * commit or rollback; must run inside the approval's transaction.
 */
export async function lockPolicyYear(em: EntityManager, claim: Claim): Promise<void> {
  const policy = await em.findOneOrFail(Policy, { id: refId(claim.policy)! }, { filters: false });
  const kase = await em.findOneOrFail(Case, { id: refId(claim.case)! }, { filters: false });
  const year = policyYearOf(policy.validFrom, kase.incidentDate);
  await em.execute(`select pg_advisory_xact_lock(hashtext(?), hashtext(?))`, [`policy-year:${policy.id}`, year.start]);
}
