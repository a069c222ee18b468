import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClaimLineInput, ClaimPolicyContext, ClaimTotalsInput } from "./claim-engine.types.js";
import { computeClaimTotals } from "./claim-totals.js";

const CURRENCY_DIGITS = { EUR: 2, CLP: 0, BHD: 3 } as const;
type Currency = keyof typeof CURRENCY_DIGITS;

/** A non-negative amount of at most `maxMinor` minor units, printed the way a client would send it. */
const moneyArb = (digits: number, maxMinor: bigint) =>
  fc.bigInt({ min: 0n, max: maxMinor }).map((minor) => new Decimal(minor.toString()).div(10 ** digits).toFixed(digits));

// Within the configured range (MODIFIER_FACTOR_RANGE, 0.1..5).
const factorArb = fc.integer({ min: 1_000, max: 30_000 }).map((n) => new Decimal(n).div(10_000).toFixed());

const lineArb = (digits: number): fc.Arbitrary<ClaimLineInput> =>
  fc
    .record({
      serviceCode: fc.constantFrom("D0150", "D0330", "CPT-99213", "LAB-01"),
      quantity: fc.integer({ min: 1, max: 50 }),
      unitPrice: moneyArb(digits, 10_000_000n),
      discountShare: fc.integer({ min: 0, max: 100 }),
      modifiers: fc.array(fc.record({ code: fc.constantFrom("AH", "CH", "RX"), factor: factorArb }), { maxLength: 3 }),
    })
    .map(({ discountShare, ...line }) => {
      // A discount is a share of the base so it never exceeds it, expressed in whole minor units.
      const base = new Decimal(line.unitPrice).times(line.quantity);
      const discount = base.times(discountShare).div(100).toDecimalPlaces(digits, Decimal.ROUND_DOWN).toFixed(digits);
      return { ...line, discount };
    });

const policyArb = (digits: number): fc.Arbitrary<ClaimPolicyContext> =>
  fc.record(
    {
      deductible: moneyArb(digits, 1_000_000n),
      deductibleUsed: moneyArb(digits, 1_000_000n),
      coverageRate: fc.integer({ min: 0, max: 100 }).map((n) => new Decimal(n).div(100).toFixed()),
      perClaimLimit: moneyArb(digits, 5_000_000n),
      annualLimit: moneyArb(digits, 20_000_000n),
      annualUsed: moneyArb(digits, 20_000_000n),
    },
    { requiredKeys: ["deductible", "deductibleUsed", "coverageRate", "annualUsed"] },
  );

const claimArb: fc.Arbitrary<ClaimTotalsInput> = fc.constantFrom<Currency>("EUR", "CLP", "BHD").chain((currency) =>
  fc.record({
    currency: fc.constant(currency),
    lines: fc.array(lineArb(CURRENCY_DIGITS[currency]), { minLength: 1, maxLength: 6 }),
    policy: policyArb(CURRENCY_DIGITS[currency]),
  }),
);

const dec = (value: string) => new Decimal(value);

describe("computeClaimTotals properties", () => {
  it("never reports a negative amount", () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        const t = computeClaimTotals(input);
        const amounts = [t.gross, t.deductibleApplied, t.deductibleRemaining, t.covered, t.patientShare];
        if (t.annualLimitRemaining !== null) amounts.push(t.annualLimitRemaining);
        for (const line of t.lines) amounts.push(line.computedAmount, line.allowedAmount);
        for (const amount of amounts) expect(dec(amount).isNegative()).toBe(false);
      }),
    );
  });

  it("splits gross exactly into covered plus patient share", () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        const t = computeClaimTotals(input);
        expect(dec(t.covered).plus(t.patientShare).equals(t.gross)).toBe(true);
      }),
    );
  });

  it("prints every amount with exactly the currency's minor digits", () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        const t = computeClaimTotals(input);
        const digits = CURRENCY_DIGITS[input.currency as Currency];
        const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${digits}}$`);
        for (const amount of [
          t.gross,
          t.covered,
          t.patientShare,
          t.deductibleApplied,
          ...t.lines.map((l) => l.computedAmount),
        ]) {
          expect(amount).toMatch(pattern);
        }
      }),
    );
  });

  it("never covers more than the per-claim limit, the annual limit left, or the rate allows", () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        const t = computeClaimTotals(input);
        const { policy } = input;
        const covered = dec(t.covered);
        if (policy.perClaimLimit !== undefined) expect(covered.lessThanOrEqualTo(policy.perClaimLimit)).toBe(true);
        if (policy.annualLimit !== undefined) {
          const left = Decimal.max(0, dec(policy.annualLimit).minus(policy.annualUsed));
          expect(covered.lessThanOrEqualTo(left)).toBe(true);
        }
        const digits = CURRENCY_DIGITS[input.currency as Currency];
        const byRate = dec(t.gross).minus(t.deductibleApplied).times(policy.coverageRate);
        expect(covered.lessThanOrEqualTo(byRate.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP))).toBe(true);
        expect(covered.lessThanOrEqualTo(t.gross)).toBe(true);
      }),
    );
  });

  it("never applies more deductible than remains or than the gross", () => {
    fc.assert(
      fc.property(claimArb, (input) => {
        const t = computeClaimTotals(input);
        const left = Decimal.max(0, dec(input.policy.deductible).minus(input.policy.deductibleUsed));
        expect(dec(t.deductibleApplied).lessThanOrEqualTo(left)).toBe(true);
        expect(dec(t.deductibleApplied).lessThanOrEqualTo(t.gross)).toBe(true);
        expect(dec(t.deductibleApplied).plus(t.deductibleRemaining).equals(left)).toBe(true);
      }),
    );
  });

  it("gives the same totals whatever the order of the lines", () => {
    const withPermutation = claimArb.chain((input) =>
      fc
        .shuffledSubarray([...input.lines], { minLength: input.lines.length, maxLength: input.lines.length })
        .map((shuffled) => [input, { ...input, lines: shuffled }] as const),
    );
    fc.assert(
      fc.property(withPermutation, ([original, shuffled]) => {
        const a = computeClaimTotals(original);
        const b = computeClaimTotals(shuffled);
        const { lines: _a, ...totalsA } = a;
        const { lines: _b, ...totalsB } = b;
        expect(totalsB).toEqual(totalsA);
      }),
    );
  });

  it("never raises the insurer's share when a reviewer lowers a line", () => {
    const withApproval = claimArb.chain((input) =>
      fc
        .integer({ min: 0, max: input.lines.length - 1 })
        .chain((index) => fc.integer({ min: 0, max: 100 }).map((share) => ({ input, index, share }))),
    );
    fc.assert(
      fc.property(withApproval, ({ input, index, share }) => {
        const before = computeClaimTotals(input);
        const digits = CURRENCY_DIGITS[input.currency as Currency];
        const computed = dec(before.lines[index]!.computedAmount);
        const approvedAmount = computed
          .times(share)
          .div(100)
          .toDecimalPlaces(digits, Decimal.ROUND_DOWN)
          .toFixed(digits);
        const lines = input.lines.map((line, i) => (i === index ? { ...line, approvedAmount } : line));
        const after = computeClaimTotals({ ...input, lines });
        expect(dec(after.covered).lessThanOrEqualTo(before.covered)).toBe(true);
        expect(dec(after.gross).lessThanOrEqualTo(before.gross)).toBe(true);
      }),
    );
  });
});
