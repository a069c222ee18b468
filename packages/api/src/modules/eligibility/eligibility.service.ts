import type { EntityManager } from "@mikro-orm/postgresql";
import { Decimal } from "decimal.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import type { ErrorCode } from "../../platform/errors/error-codes.js";
import { Patient } from "../patient/patient.entity.js";
import { Liability, Policy, PolicyMember, PolicyNetworkProvider, PolicyStatus } from "../policy/policy.entity.js";
import { ServiceCode } from "../service-code/service-code.entity.js";
import { usedAmounts } from "../claim/claim-calculation.js";
import { money, moneyOrNull } from "../claim/engine/index.js";
import type { Eligibility, EligibilityReason, LiabilityLimit } from "./eligibility.types.js";
import { EligibilityErrorCode } from "../eligibility/eligibility.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { PolicyErrorCode } from "../policy/policy.errors.js";
import { ServiceCodeErrorCode } from "../service-code/service-code.errors.js";

export interface ServiceCodeRef {
  system: string;
  code: string;
}

export interface EligibilityQuery {
  patientId: string;
  policyId?: string | null;
  liabilityId?: string | null;
  /** Service date, YYYY-MM-DD. */
  date: string;
  serviceCodes: readonly ServiceCodeRef[];
  providerId?: string | null;
  /** The claim being checked, left out of the used amounts. */
  claimId?: string | null;
}

/**
 * Policies, members, liabilities and the fee schedule are reference data owned by the
 * insurer: a clinic or agency must be able to check a patient's coverage before it has a
 * case (dental seed step 16). The answer carries only coverage terms, never patient data,
 * so these reads skip row scoping.
 */
const UNSCOPED = { filters: false } as const;

export const codeKey = (ref: ServiceCodeRef) => `${ref.system}:${ref.code}`;

export async function findServiceCodes(
  em: EntityManager,
  refs: readonly ServiceCodeRef[],
): Promise<Map<string, ServiceCode>> {
  if (refs.length === 0) return new Map();
  const rows = await em.find(ServiceCode, { $or: refs.map((r) => ({ system: r.system, code: r.code })) }, UNSCOPED);
  return new Map(rows.map((r) => [codeKey(r), r]));
}

/** The policy asked for, or the patient's policy in force on the date (then any of theirs). */
/**
 * A policy the caller may name: one it can read, or one that covers a patient it can read
 * (an agency checks its patient against the insurer's policy). Anything else is "not found".
 */
export async function visiblePolicy(
  em: EntityManager,
  policyId: string,
  patientId: string,
  entry: EntryScope,
): Promise<Policy | null> {
  const readable = await em.findOne(Policy, { id: policyId }, entry);
  if (readable || !entry.filters) return readable;
  const patient = await em.findOne(Patient, { id: patientId }, entry);
  if (!patient || (await em.count(PolicyMember, { policy: policyId, patient }, UNSCOPED)) === 0) return null;
  return em.findOne(Policy, { id: policyId }, UNSCOPED);
}

async function pickPolicy(em: EntityManager, q: EligibilityQuery, entry: EntryScope): Promise<Policy | null> {
  if (q.policyId) return visiblePolicy(em, q.policyId, q.patientId, entry);
  const memberships = await em.find(PolicyMember, { patient: q.patientId }, { ...UNSCOPED, populate: ["policy"] });
  const policies = memberships.map((m) => m.policy);
  const inForce = policies.find(
    (p) => p.status === PolicyStatus.ACTIVE && p.validFrom <= q.date && q.date <= p.validTo,
  );
  return inForce ?? policies[0] ?? null;
}

async function inNetwork(
  em: EntityManager,
  policy: Policy,
  providerId: string | null | undefined,
): Promise<boolean | null> {
  if (!providerId) return null;
  const network = await em.find(PolicyNetworkProvider, { policy }, UNSCOPED);
  // A policy that lists no network providers is open: every provider counts as in network.
  return network.length === 0 || network.some((n) => n.provider.id === providerId);
}

/** checkEligibility (SPEC §3): coverage on the date, membership, network, deductible, limits, pre-authorisation. */
/**
 * How the rows a caller names (patient, policy) are looked up: the caller-facing queries
 * pass SCOPED so a partner asking about another organisation's patient or policy gets
 * exactly the "not found" answer of a missing one; internal callers keep UNSCOPED.
 */
export type EntryScope = { filters: boolean };
export const SCOPED: EntryScope = { filters: true };

export async function assessEligibility(
  em: EntityManager,
  q: EligibilityQuery,
  entry: EntryScope = UNSCOPED,
): Promise<Eligibility> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(q.date) || Number.isNaN(Date.parse(`${q.date}T00:00:00Z`))) {
    throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "date: must be a real date in YYYY-MM-DD format", [
      "date",
    ]);
  }
  const reasons: EligibilityReason[] = [];
  const reason = (code: ErrorCode, message: string) => reasons.push({ code, message });
  const result: Eligibility = {
    eligible: false,
    reasons,
    policyId: null,
    currency: null,
    coverageActive: false,
    inNetwork: null,
    deductible: null,
    deductibleRemaining: null,
    coverageRate: null,
    limitsRemaining: [],
    preauthorizationRequired: [],
    policyYearStart: null,
  };

  const codes = await findServiceCodes(em, q.serviceCodes);
  for (const ref of q.serviceCodes) {
    const sc = codes.get(codeKey(ref));
    if (!sc) reason(ServiceCodeErrorCode.SERVICE_CODE_UNKNOWN, `${codeKey(ref)} is not in the fee schedule.`);
    else if (!sc.active) reason(ServiceCodeErrorCode.SERVICE_CODE_INACTIVE, `${codeKey(ref)} is no longer active.`);
    else if (sc.requiresPreauthorization) result.preauthorizationRequired.push(codeKey(ref));
  }

  const patient = await em.findOne(Patient, { id: q.patientId }, entry);
  if (!patient) {
    reason(EligibilityErrorCode.PATIENT_NOT_FOUND, "No such patient.");
    return result;
  }
  // A policy number a partner declared at intake is no membership until confirmed.
  const unverified = !!patient.declaredPolicyNumber && !patient.declaredPolicyConfirmedAt;
  const notVerified = () =>
    reason(
      EligibilityErrorCode.MEMBERSHIP_NOT_VERIFIED,
      "The patient declared a policy at intake; the insurer or the operator has not confirmed the membership yet.",
    );
  const policy = await pickPolicy(em, q, entry);
  if (!policy) {
    if (unverified) notVerified();
    if (q.policyId) reason(EligibilityErrorCode.POLICY_NOT_FOUND, "No such policy.");
    else if (!unverified) reason(EligibilityErrorCode.NO_POLICY, "The patient has no policy.");
    return result;
  }
  result.policyId = policy.id;
  result.currency = policy.currency;

  const member = await em.count(PolicyMember, { policy, patient }, UNSCOPED);
  if (member === 0 && unverified && patient.declaredPolicyNumber === policy.number) notVerified();
  else if (member === 0)
    reason(EligibilityErrorCode.PATIENT_NOT_MEMBER, `The patient is not covered by policy ${policy.number}.`);
  if (policy.status !== PolicyStatus.ACTIVE)
    reason(EligibilityErrorCode.POLICY_NOT_ACTIVE, `Policy ${policy.number} is ${policy.status}.`);
  const withinValidity = policy.validFrom <= q.date && q.date <= policy.validTo;
  if (!withinValidity) {
    reason(
      EligibilityErrorCode.COVERAGE_NOT_ACTIVE_ON_DATE,
      `Policy ${policy.number} covers ${policy.validFrom} to ${policy.validTo}, not ${q.date}.`,
    );
  }
  result.coverageActive = policy.status === PolicyStatus.ACTIVE && withinValidity;
  result.inNetwork = await inNetwork(em, policy, q.providerId);

  const liabilities = await em.find(Liability, { policy }, { ...UNSCOPED, orderBy: { code: "ASC" } });
  const asked = q.liabilityId ? liabilities.filter((l) => l.id === q.liabilityId) : liabilities;
  if (q.liabilityId && asked.length === 0)
    reason(PolicyErrorCode.LIABILITY_NOT_IN_POLICY, "The liability does not belong to this policy.");

  const cur = policy.currency;
  let deductibleUsed = money("0", cur);
  for (const liability of asked) {
    const used = await usedAmounts(em, policy, liability.id, q.date, q.claimId ?? null);
    deductibleUsed = used.deductibleUsed;
    result.policyYearStart = used.year.start;
    result.limitsRemaining.push(limitOf(liability, used.annualUsed, cur));
  }
  if (asked.length === 0) {
    const used = await usedAmounts(em, policy, "00000000-0000-0000-0000-000000000000", q.date, q.claimId ?? null);
    deductibleUsed = used.deductibleUsed;
    result.policyYearStart = used.year.start;
  }
  const deductible = new Decimal(policy.deductible);
  result.deductible = money(policy.deductible, cur);
  result.deductibleRemaining = money(Decimal.max(0, deductible.minus(deductibleUsed)).toFixed(), cur);
  const rate = q.liabilityId && asked[0] ? asked[0].coverageRate : policy.coverageRate;
  result.coverageRate = new Decimal(rate).toFixed();

  const exhausted = q.liabilityId
    ? result.limitsRemaining.find((l) => l.annualRemaining !== null && new Decimal(l.annualRemaining).isZero())
    : null;
  if (exhausted)
    reason(
      EligibilityErrorCode.ANNUAL_LIMIT_EXHAUSTED,
      `The annual limit of ${exhausted.code} is used up for this policy year.`,
    );

  result.eligible = reasons.length === 0;
  return result;
}

function limitOf(liability: Liability, annualUsed: string, cur: string): LiabilityLimit {
  const annualLimit = moneyOrNull(liability.annualLimit, cur);
  return {
    liabilityId: liability.id,
    code: liability.code,
    name: liability.name,
    coverageRate: new Decimal(liability.coverageRate).toFixed(),
    annualLimit,
    annualUsed,
    annualRemaining:
      annualLimit === null ? null : money(Decimal.max(0, new Decimal(annualLimit).minus(annualUsed)).toFixed(), cur),
    perClaimLimit: moneyOrNull(liability.perClaimLimit, cur),
  };
}
