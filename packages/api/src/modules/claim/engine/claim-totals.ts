import { ClaimEngineError, ClaimEngineErrorCode } from "./claim-engine.error.js";
import { AppliedCap, type ClaimTotals, type ClaimTotalsInput } from "./claim-engine.types.js";
import { computeLineAmounts } from "./claim-line.js";
import { currencyMinorDigits, Dec, formatMoney, parseNonNegativeMoney, roundToMinor } from "./money.js";

const RATE_PATTERN = /^\d+(?:\.\d{1,8})?$/;

function parseCoverageRate(value: string): Dec {
  const rate = typeof value === "string" && RATE_PATTERN.test(value) ? new Dec(value) : null;
  if (!rate || rate.greaterThan(1)) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.INVALID_COVERAGE_RATE,
      `Coverage rate "${String(value)}" must be a decimal between 0 and 1, e.g. "0.8".`,
      ["policy", "coverageRate"],
    );
  }
  return rate;
}

const clampAtZero = (amount: Dec): Dec => (amount.isNegative() ? new Dec(0) : amount);

/**
 * The one claim-totals engine (SPEC §3): estimate, submit and review all call this,
 * so the same input always gives the same amounts.
 *
 * gross = Σ allowed line amounts; the deductible takes what is left of the policy
 * year's deductible; covered = (gross − deductible) × coverage rate, rounded half-up
 * to the minor unit, then capped by the per-claim limit and by what remains of the
 * annual limit; patientShare = gross − covered.
 */
export function computeClaimTotals(input: ClaimTotalsInput): ClaimTotals {
  const { currency, policy } = input;
  currencyMinorDigits(currency);

  const lineAmounts = input.lines.map((line, index) => computeLineAmounts(line, index, currency));
  const gross = lineAmounts.reduce((sum, line) => sum.plus(line.allowed), new Dec(0));

  const deductible = parseNonNegativeMoney(policy.deductible, currency, ["policy", "deductible"]);
  const deductibleUsed = parseNonNegativeMoney(policy.deductibleUsed, currency, ["policy", "deductibleUsed"]);
  const coverageRate = parseCoverageRate(policy.coverageRate);
  const perClaimLimit =
    policy.perClaimLimit === undefined
      ? null
      : parseNonNegativeMoney(policy.perClaimLimit, currency, ["policy", "perClaimLimit"]);
  const annualLimit =
    policy.annualLimit === undefined
      ? null
      : parseNonNegativeMoney(policy.annualLimit, currency, ["policy", "annualLimit"]);
  const annualUsed = parseNonNegativeMoney(policy.annualUsed, currency, ["policy", "annualUsed"]);

  const appliedCaps: AppliedCap[] = [];

  // A deductible lowered mid-year can leave "used" above the new amount: nothing remains, never negative.
  const deductibleLeft = clampAtZero(deductible.minus(deductibleUsed));
  const deductibleApplied = Dec.min(gross, deductibleLeft);
  if (deductibleApplied.greaterThan(0)) appliedCaps.push(AppliedCap.DEDUCTIBLE);

  let covered = roundToMinor(gross.minus(deductibleApplied).times(coverageRate), currency);
  if (perClaimLimit && covered.greaterThan(perClaimLimit)) {
    covered = perClaimLimit;
    appliedCaps.push(AppliedCap.PER_CLAIM_LIMIT);
  }
  const annualLeft = annualLimit ? clampAtZero(annualLimit.minus(annualUsed)) : null;
  if (annualLeft && covered.greaterThan(annualLeft)) {
    covered = annualLeft;
    appliedCaps.push(AppliedCap.ANNUAL_LIMIT);
  }

  return {
    currency,
    lines: input.lines.map((line, index) => ({
      ...(line.lineId === undefined ? {} : { lineId: line.lineId }),
      serviceCode: line.serviceCode,
      computedAmount: formatMoney(lineAmounts[index]!.computed, currency),
      allowedAmount: formatMoney(lineAmounts[index]!.allowed, currency),
    })),
    gross: formatMoney(gross, currency),
    deductibleApplied: formatMoney(deductibleApplied, currency),
    deductibleRemaining: formatMoney(deductibleLeft.minus(deductibleApplied), currency),
    covered: formatMoney(covered, currency),
    patientShare: formatMoney(gross.minus(covered), currency),
    annualLimitRemaining: annualLeft ? formatMoney(annualLeft.minus(covered), currency) : null,
    appliedCaps,
  };
}
