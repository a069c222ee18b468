/** Money is a decimal string in the claim's currency ("120.50"); never a JS number. */
export type MoneyString = string;

export interface ClaimLineModifierInput {
  code: string;
  /** Multiplier applied to the discounted line amount, e.g. "1.5" for after-hours. */
  factor: string;
}

export interface ClaimLineInput {
  lineId?: string;
  serviceCode: string;
  /** Positive whole number of units. */
  quantity: number;
  unitPrice: MoneyString;
  /** Absolute discount on quantity × unitPrice; defaults to "0". */
  discount?: MoneyString;
  /**
   * The largest discount allowed, as a share of quantity × unitPrice ("0.25" = 25 %): the
   * service code's configured maximum when the line is set or estimated. Absent when stored
   * lines are recomputed, so a later change to the configuration never blocks a claim
   * already priced under the old one. At most 1 (the whole line) in any case.
   */
  maxDiscountRate?: string;
  modifiers?: readonly ClaimLineModifierInput[];
  /** The reviewer's lowered amount for this line; must not exceed the computed amount. */
  approvedAmount?: MoneyString;
}

/**
 * What the policy and liability allow at the time of computation. All amounts are in
 * the claim's currency; converting a policy kept in another currency is the caller's job.
 */
export interface ClaimPolicyContext {
  /** Policy-year deductible. */
  deductible: MoneyString;
  /** Deductible already consumed this policy year by earlier approved claims. */
  deductibleUsed: MoneyString;
  /** Liability coverage rate, a decimal between 0 and 1 ("0.8"). */
  coverageRate: string;
  perClaimLimit?: MoneyString;
  annualLimit?: MoneyString;
  /** Covered amounts already approved under this liability this year. */
  annualUsed: MoneyString;
}

export interface ClaimTotalsInput {
  lines: readonly ClaimLineInput[];
  /** ISO 4217 code; fixes the rounding scale. */
  currency: string;
  policy: ClaimPolicyContext;
}

/** Which rule reduced the insurer's share; machine-readable for clients and audit. */
export const AppliedCap = {
  DEDUCTIBLE: "DEDUCTIBLE",
  PER_CLAIM_LIMIT: "PER_CLAIM_LIMIT",
  ANNUAL_LIMIT: "ANNUAL_LIMIT",
} as const;
export type AppliedCap = (typeof AppliedCap)[keyof typeof AppliedCap];

export interface ClaimLineTotals {
  lineId?: string;
  serviceCode: string;
  /** quantity × unitPrice − discount, times every modifier factor, rounded half-up. */
  computedAmount: MoneyString;
  /** approvedAmount when a reviewer set one, otherwise computedAmount. */
  allowedAmount: MoneyString;
}

export interface ClaimTotals {
  currency: string;
  lines: ClaimLineTotals[];
  /** Σ allowed line amounts. */
  gross: MoneyString;
  deductibleApplied: MoneyString;
  /** Deductible left for the rest of the policy year once this claim is approved. */
  deductibleRemaining: MoneyString;
  /** The insurer's share after deductible, coverage rate and limits. */
  covered: MoneyString;
  /** gross − covered: deductible plus co-pay plus anything above the limits. */
  patientShare: MoneyString;
  /** Annual limit left after this claim; null when the liability has no annual limit. */
  annualLimitRemaining: MoneyString | null;
  /** In the order they were applied: DEDUCTIBLE, PER_CLAIM_LIMIT, ANNUAL_LIMIT. */
  appliedCaps: AppliedCap[];
}
