import type { EntityManager } from "@mikro-orm/postgresql";
import { Decimal } from "decimal.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Case } from "../case/case.entity.js";
import { Liability, Policy } from "../policy/policy.entity.js";
import type { ClaimLineInput, ClaimTotals } from "./engine/index.js";
import { calculateClaim, discountTotal } from "./claim-calculation.js";
import { ClaimLine } from "./claim-line.entity.js";
import { Claim } from "./claim.entity.js";
import { ClaimStatus } from "./claim.enums.js";
import { money, moneyOrNull } from "./engine/index.js";

/** Policy, liability and case are read unscoped: the claim itself was already found through the scope. */
const UNSCOPED = { filters: false } as const;

export interface ClaimContext {
  policy: Policy;
  liability: Liability;
  kase: Case;
}

export async function claimContext(em: EntityManager, claim: Claim): Promise<ClaimContext> {
  const policy = await em.findOneOrFail(Policy, { id: refId(claim.policy)! }, UNSCOPED);
  const liability = await em.findOneOrFail(Liability, { id: refId(claim.liability)! }, UNSCOPED);
  const kase = await em.findOneOrFail(Case, { id: refId(claim.case)! }, UNSCOPED);
  return { policy, liability, kase };
}

export function linesOf(em: EntityManager, claim: Claim): Promise<ClaimLine[]> {
  return em.find(ClaimLine, { claim }, { orderBy: { position: "ASC" } });
}

/** A stored line as engine input: every amount at the currency's scale. */
export function engineLine(line: ClaimLine): ClaimLineInput {
  const cur = line.currency;
  const approved = moneyOrNull(line.approvedAmount, cur);
  return {
    lineId: line.id,
    serviceCode: `${line.serviceSystem}:${line.serviceCode}`,
    quantity: line.quantity,
    unitPrice: money(line.unitPrice, cur),
    discount: money(line.discount, cur),
    modifiers: line.modifiers,
    ...(approved === null ? {} : { approvedAmount: approved }),
  };
}

/** Writes the engine's result on the claim and its lines. */
export function applyTotals(
  claim: Claim,
  lines: readonly ClaimLine[],
  inputs: readonly ClaimLineInput[],
  totals: ClaimTotals,
): void {
  lines.forEach((line, i) => (line.amount = totals.lines[i]!.computedAmount));
  claim.lineCount = lines.length;
  claim.gross = totals.gross;
  claim.discountTotal = discountTotal(inputs, claim.currency);
  claim.deductibleApplied = totals.deductibleApplied;
  claim.covered = totals.covered;
  claim.patientShare = totals.patientShare;
  // The insurer pays exactly its covered share; kept as its own column because it is what
  // remittances are matched against.
  claim.payable = totals.covered;
  claim.appliedCaps = totals.appliedCaps;
  refreshOutstanding(claim);
}

/** Recomputes the claim from its stored lines and the policy year's current usage. */
export async function recomputeClaim(em: EntityManager, claim: Claim): Promise<ClaimTotals> {
  const ctx = await claimContext(em, claim);
  const lines = await linesOf(em, claim);
  const inputs = lines.map(engineLine);
  const totals = await calculateClaim(em, {
    policy: ctx.policy,
    liability: ctx.liability,
    serviceDate: ctx.kase.incidentDate,
    lines: inputs,
    claimId: claim.id,
  });
  applyTotals(claim, lines, inputs, totals);
  return totals;
}

/**
 * What each side still owes: approved amounts once approved, the current computation
 * before, nothing once cancelled, the whole gross for the patient once denied. Negative
 * means more was received than is due (a refund to make).
 */
export function refreshOutstanding(claim: Claim): void {
  const cur = claim.currency;
  let patientDue: Decimal.Value = claim.patientShare;
  let insurerDue: Decimal.Value = claim.payable;
  if (claim.status === ClaimStatus.APPROVED || claim.status === ClaimStatus.SETTLED) {
    patientDue = claim.approvedPatientShare ?? "0";
    insurerDue = claim.approvedPayable ?? "0";
  } else if (claim.status === ClaimStatus.CANCELLED) {
    patientDue = 0;
    insurerDue = 0;
  } else if (claim.status === ClaimStatus.DENIED) {
    patientDue = claim.gross;
    insurerDue = 0;
  }
  claim.outstandingPatient = money(new Decimal(patientDue).minus(claim.paidPatient).toFixed(), cur);
  claim.outstandingInsurer = money(new Decimal(insurerDue).minus(claim.paidInsurer).toFixed(), cur);
}
