import type { EntityManager } from "@mikro-orm/postgresql";
import { Decimal } from "decimal.js";
import { computeClaimTotals, type ClaimLineInput, type ClaimPolicyContext, type ClaimTotals } from "./engine/index.js";
import type { Liability, Policy } from "../policy/policy.entity.js";
import { APPROVED_STATES } from "./claim.enums.js";
import { money, moneyOrNull } from "./engine/index.js";
import { policyYearOf, type PolicyYear } from "../eligibility/policy-year.js";

export interface UsedAmounts {
  /** Deductible already taken by earlier approved claims of the policy in this policy year. */
  deductibleUsed: string;
  /** Insurer's covered amounts already approved under the liability in this policy year. */
  annualUsed: string;
}

/**
 * What earlier APPROVED/SETTLED claims consumed in the policy year that contains
 * `serviceDate` (the case's incident date). It reads across every registering
 * organisation on purpose: the deductible and limits belong to the policy, not to the
 * agency that files the claim, so this aggregate is not row-scoped.
 */
export async function usedAmounts(
  em: EntityManager,
  policy: Policy,
  liabilityId: string,
  serviceDate: string,
  excludeClaimId: string | null,
): Promise<UsedAmounts & { year: PolicyYear }> {
  const year = policyYearOf(policy.validFrom, serviceDate);
  const rows = await em.execute<{ deductible_used: string | null; annual_used: string | null }[]>(
    `select coalesce(sum(c.approved_deductible_applied), 0)::text as deductible_used,
            coalesce(sum(c.approved_covered) filter (where c.liability_id = ?), 0)::text as annual_used
       from claim c join medical_case mc on mc.id = c.case_id
      where c.policy_id = ? and c.status in (${APPROVED_STATES.map(() => "?").join(", ")})
        and mc.incident_date >= ? and mc.incident_date < ? and c.id <> ?`,
    [
      liabilityId,
      policy.id,
      ...APPROVED_STATES,
      year.start,
      year.end,
      excludeClaimId ?? "00000000-0000-0000-0000-000000000000",
    ],
  );
  const row = rows[0];
  return {
    year,
    deductibleUsed: money(row?.deductible_used, policy.currency),
    annualUsed: money(row?.annual_used, policy.currency),
  };
}

/** The engine's policy input, with every stored amount rendered at the currency's scale. */
/** The liability terms the engine needs; an estimate without a liability uses the policy's coefficient. */
export type LiabilityTerms = Pick<Liability, "id" | "coverageRate" | "annualLimit" | "perClaimLimit">;

export function policyContext(policy: Policy, liability: LiabilityTerms, used: UsedAmounts): ClaimPolicyContext {
  const cur = policy.currency;
  const perClaimLimit = moneyOrNull(liability.perClaimLimit, cur);
  const annualLimit = moneyOrNull(liability.annualLimit, cur);
  return {
    deductible: money(policy.deductible, cur),
    deductibleUsed: used.deductibleUsed,
    // The engine wants at most 8 decimals; the column has 4, trailing zeros are harmless.
    coverageRate: new Decimal(liability.coverageRate).toFixed(),
    ...(perClaimLimit === null ? {} : { perClaimLimit }),
    ...(annualLimit === null ? {} : { annualLimit }),
    annualUsed: used.annualUsed,
  };
}

export interface CalculationRequest {
  policy: Policy;
  liability: LiabilityTerms;
  serviceDate: string;
  lines: readonly ClaimLineInput[];
  /** The claim being (re)computed, left out of the "used" sums. */
  claimId?: string | null;
}

/** The single path from stored policy data to the engine, shared by estimate, submit and review. */
export async function calculateClaim(em: EntityManager, req: CalculationRequest): Promise<ClaimTotals> {
  const used = await usedAmounts(em, req.policy, req.liability.id, req.serviceDate, req.claimId ?? null);
  return computeClaimTotals({
    lines: req.lines,
    currency: req.policy.currency,
    policy: policyContext(req.policy, req.liability, used),
  });
}

/** Σ line discounts, for the claim's discountTotal. */
export function discountTotal(lines: readonly ClaimLineInput[], currency: string): string {
  return money(lines.reduce((acc, l) => acc.plus(l.discount ?? "0"), new Decimal(0)).toFixed(), currency);
}
