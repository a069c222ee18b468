import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import type { ErrorCode } from "../../platform/errors/error-codes.js";
import { EligibilityErrorCode } from "../eligibility/eligibility.errors.js";
import { Liability } from "../policy/policy.entity.js";
import { calculateClaim, type LiabilityTerms } from "../claim/claim-calculation.js";
import { money } from "../claim/engine/index.js";
import type { EstimateInput } from "./eligibility.inputs.js";
import type { CostEstimate } from "./estimate.types.js";
import type { Eligibility } from "./eligibility.types.js";
import { assessEligibility, codeKey, findServiceCodes, visiblePolicy, type EntryScope } from "./eligibility.service.js";
import { draftLines } from "../claim/claim-lines.js";
import { PolicyErrorCode } from "../policy/policy.errors.js";
import { ServiceCodeErrorCode } from "../service-code/service-code.errors.js";

const UNSCOPED = { filters: false } as const;
const NO_LIABILITY = "00000000-0000-0000-0000-000000000000";

/** Eligibility reasons that leave nothing to price. */
const UNPRICEABLE = new Set<ErrorCode>([
  EligibilityErrorCode.POLICY_NOT_FOUND,
  EligibilityErrorCode.PATIENT_NOT_FOUND,
  PolicyErrorCode.LIABILITY_NOT_IN_POLICY,
  ServiceCodeErrorCode.SERVICE_CODE_UNKNOWN,
  ServiceCodeErrorCode.SERVICE_CODE_INACTIVE,
]);

function unpriced(eligibility: Eligibility): CostEstimate {
  return {
    currency: eligibility.currency,
    lines: [],
    gross: null,
    deductibleApplied: null,
    covered: null,
    patientShare: null,
    payable: null,
    coverageRate: eligibility.coverageRate,
    appliedCaps: [],
    eligibility,
  };
}

/**
 * estimateCost (dental seed step 7): fee-schedule prices through the same engine as
 * submit, so "(exam fee + X-ray fee) × coefficient" is exactly what the claim will say
 * for the same lines. Without a liability the policy's own coefficient applies, with no
 * limits.
 */
export async function estimateCost(
  em: EntityManager,
  input: EstimateInput,
  entry: EntryScope = UNSCOPED,
): Promise<CostEstimate> {
  const date = input.date ?? new Date().toISOString().slice(0, 10);
  const refs = input.lines.map((l) => ({ system: l.system.trim().toUpperCase(), code: l.code.trim().toUpperCase() }));
  const eligibility = await assessEligibility(
    em,
    {
      patientId: input.patientId,
      policyId: input.policyId,
      liabilityId: input.liabilityId ?? null,
      date,
      serviceCodes: refs,
      providerId: input.providerId,
    },
    entry,
  );
  const policy = await visiblePolicy(em, input.policyId, input.patientId, entry);
  // What eligibility reports as a reason and the engine cannot price (a policy outside your
  // scope, a liability of another policy, an unknown or inactive code) is answered as
  // checkEligibility answers it: with the reasons, and no amounts.
  if (!policy || eligibility.reasons.some((r) => UNPRICEABLE.has(r.code))) return unpriced(eligibility);
  let liability: LiabilityTerms = {
    id: NO_LIABILITY,
    coverageRate: policy.coverageRate,
    annualLimit: null,
    perClaimLimit: null,
  };
  if (input.liabilityId) {
    const found = await em.findOne(Liability, { id: input.liabilityId, policy }, UNSCOPED);
    if (!found)
      throw new DomainError(PolicyErrorCode.LIABILITY_NOT_IN_POLICY, "The liability does not belong to the policy.", [
        "liabilityId",
      ]);
    liability = found;
  }
  // The same checks and prices as a claim's lines: fee-schedule price unless a unit price
  // is given (above the fee only with a reason), discount, configured modifiers.
  const priced = await draftLines(em, policy.currency, input.lines);
  const cur = policy.currency;
  const totals = await calculateClaim(em, { policy, liability, serviceDate: date, lines: priced.map((p) => p.engine) });
  const codes = await findServiceCodes(em, refs);
  return {
    currency: cur,
    lines: priced.map((p, i) => ({
      system: p.data.serviceSystem,
      code: p.data.serviceCode,
      description: p.data.description,
      quantity: p.engine.quantity,
      unitPrice: money(p.engine.unitPrice, cur),
      discount: money(p.engine.discount ?? "0", cur),
      modifiers: p.data.modifiers.map((m) => m.code),
      priceAboveSchedule: p.data.priceAboveSchedule,
      amount: totals.lines[i]!.computedAmount,
      requiresPreauthorization: codes.get(codeKey(refs[i]!))?.requiresPreauthorization ?? false,
    })),
    gross: totals.gross,
    deductibleApplied: totals.deductibleApplied,
    covered: totals.covered,
    patientShare: totals.patientShare,
    payable: totals.covered,
    coverageRate: eligibility.coverageRate ?? liability.coverageRate,
    appliedCaps: totals.appliedCaps,
    eligibility,
  };
}
