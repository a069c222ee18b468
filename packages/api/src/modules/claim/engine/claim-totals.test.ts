import { describe, expect, it } from "vitest";
import { ClaimEngineError } from "./claim-engine.error.js";
import type { ClaimPolicyContext, ClaimTotalsInput } from "./claim-engine.types.js";
import { computeClaimTotals } from "./claim-totals.js";

const noDeductible: ClaimPolicyContext = {
  deductible: "0",
  deductibleUsed: "0",
  coverageRate: "1",
  annualUsed: "0",
};

function errorOf(input: ClaimTotalsInput): ClaimEngineError {
  try {
    computeClaimTotals(input);
  } catch (error) {
    if (error instanceof ClaimEngineError) return error;
    throw error;
  }
  throw new Error("expected a ClaimEngineError");
}

describe("computeClaimTotals — dental seed estimate", () => {
  // Seed 002 step 7: (exam fee + X-ray fee) × insurance coefficient. Bulgaria uses the euro since 2026-01-01.
  it("covers (exam fee + X-ray fee) × coefficient and leaves the rest to the patient", () => {
    const totals = computeClaimTotals({
      currency: "EUR",
      lines: [
        { serviceCode: "D0150", quantity: 1, unitPrice: "80.00" },
        { serviceCode: "D0330", quantity: 1, unitPrice: "45.50" },
      ],
      policy: { ...noDeductible, coverageRate: "0.8" },
    });
    expect(totals).toEqual({
      currency: "EUR",
      lines: [
        { serviceCode: "D0150", computedAmount: "80.00", allowedAmount: "80.00" },
        { serviceCode: "D0330", computedAmount: "45.50", allowedAmount: "45.50" },
      ],
      gross: "125.50",
      deductibleApplied: "0.00",
      deductibleRemaining: "0.00",
      covered: "100.40",
      patientShare: "25.10",
      annualLimitRemaining: null,
      appliedCaps: [],
    });
  });

  // Seed 002 step 14: totals take discounts and modifiers into account.
  it("applies the discount before the modifiers and rounds the line once, half-up", () => {
    const totals = computeClaimTotals({
      currency: "EUR",
      lines: [
        {
          lineId: "l1",
          serviceCode: "D2391",
          quantity: 3,
          unitPrice: "33.33",
          discount: "9.99",
          modifiers: [
            { code: "AFTER_HOURS", factor: "1.5" },
            { code: "CHILD", factor: "0.85" },
          ],
        },
      ],
      policy: noDeductible,
    });
    // (3 × 33.33 − 9.99) × 1.5 × 0.85 = 90.00 × 1.275 = 114.75
    expect(totals.lines).toEqual([
      { lineId: "l1", serviceCode: "D2391", computedAmount: "114.75", allowedAmount: "114.75" },
    ]);
    expect(totals.gross).toBe("114.75");
  });

  it("rounds a line ending in a half cent up", () => {
    const totals = computeClaimTotals({
      currency: "EUR",
      lines: [{ serviceCode: "X", quantity: 1, unitPrice: "0.05", modifiers: [{ code: "HALF", factor: "0.5" }] }],
      policy: noDeductible,
    });
    expect(totals.lines[0]?.computedAmount).toBe("0.03");
  });
});

describe("computeClaimTotals — deductible and limits", () => {
  const line = { serviceCode: "CPT-99213", quantity: 2, unitPrice: "150.00" };

  it("takes only what remains of the year's deductible", () => {
    const totals = computeClaimTotals({
      currency: "USD",
      lines: [line],
      policy: { deductible: "500.00", deductibleUsed: "420.00", coverageRate: "0.9", annualUsed: "0" },
    });
    expect(totals.deductibleApplied).toBe("80.00");
    expect(totals.deductibleRemaining).toBe("0.00");
    expect(totals.covered).toBe("198.00"); // (300 − 80) × 0.9
    expect(totals.patientShare).toBe("102.00");
    expect(totals.appliedCaps).toEqual(["DEDUCTIBLE"]);
  });

  it("never applies more deductible than the claim's gross", () => {
    const totals = computeClaimTotals({
      currency: "USD",
      lines: [line],
      policy: { deductible: "1000.00", deductibleUsed: "0", coverageRate: "0.9", annualUsed: "0" },
    });
    expect(totals.deductibleApplied).toBe("300.00");
    expect(totals.deductibleRemaining).toBe("700.00");
    expect(totals.covered).toBe("0.00");
    expect(totals.patientShare).toBe("300.00");
  });

  it("treats deductible used beyond the deductible as nothing remaining", () => {
    const totals = computeClaimTotals({
      currency: "USD",
      lines: [line],
      policy: { deductible: "100.00", deductibleUsed: "250.00", coverageRate: "1", annualUsed: "0" },
    });
    expect(totals.deductibleApplied).toBe("0.00");
    expect(totals.covered).toBe("300.00");
    expect(totals.appliedCaps).toEqual([]);
  });

  it("caps the covered amount by the per-claim limit and flags it", () => {
    const totals = computeClaimTotals({
      currency: "USD",
      lines: [line],
      policy: { ...noDeductible, perClaimLimit: "250.00" },
    });
    expect(totals.covered).toBe("250.00");
    expect(totals.patientShare).toBe("50.00");
    expect(totals.appliedCaps).toEqual(["PER_CLAIM_LIMIT"]);
  });

  it("caps the covered amount by what remains of the annual limit and reports the rest", () => {
    const totals = computeClaimTotals({
      currency: "USD",
      lines: [line],
      policy: { ...noDeductible, perClaimLimit: "280.00", annualLimit: "1000.00", annualUsed: "900.00" },
    });
    expect(totals.covered).toBe("100.00");
    expect(totals.annualLimitRemaining).toBe("0.00");
    expect(totals.appliedCaps).toEqual(["PER_CLAIM_LIMIT", "ANNUAL_LIMIT"]);
  });

  it("covers nothing once the annual limit is exhausted", () => {
    const totals = computeClaimTotals({
      currency: "USD",
      lines: [line],
      policy: { ...noDeductible, annualLimit: "1000.00", annualUsed: "1200.00" },
    });
    expect(totals.covered).toBe("0.00");
    expect(totals.patientShare).toBe("300.00");
    expect(totals.appliedCaps).toEqual(["ANNUAL_LIMIT"]);
  });

  it("does not flag a limit the claim stays under", () => {
    const totals = computeClaimTotals({
      currency: "USD",
      lines: [line],
      policy: { ...noDeductible, perClaimLimit: "300.00", annualLimit: "5000.00", annualUsed: "0" },
    });
    expect(totals.appliedCaps).toEqual([]);
    expect(totals.annualLimitRemaining).toBe("4700.00");
  });
});

describe("computeClaimTotals — reviewer's approved amounts", () => {
  it("uses the approved amount as the line's allowed amount", () => {
    const totals = computeClaimTotals({
      currency: "EUR",
      lines: [
        { serviceCode: "A", quantity: 1, unitPrice: "100.00", approvedAmount: "60.00" },
        { serviceCode: "B", quantity: 1, unitPrice: "40.00" },
      ],
      policy: { ...noDeductible, coverageRate: "0.5" },
    });
    expect(totals.lines[0]).toEqual({ serviceCode: "A", computedAmount: "100.00", allowedAmount: "60.00" });
    expect(totals.gross).toBe("100.00");
    expect(totals.covered).toBe("50.00");
  });

  it("refuses an approved amount above the computed line amount", () => {
    const error = errorOf({
      currency: "EUR",
      lines: [{ serviceCode: "A", quantity: 1, unitPrice: "100.00", approvedAmount: "100.01" }],
      policy: noDeductible,
    });
    expect(error.code).toBe("APPROVED_ABOVE_COMPUTED");
    expect(error.field).toEqual(["lines", "0", "approvedAmount"]);
  });
});

describe("computeClaimTotals — currencies without minor units", () => {
  it("computes Chilean pesos in whole units", () => {
    const totals = computeClaimTotals({
      currency: "CLP",
      lines: [{ serviceCode: "0101001", quantity: 1, unitPrice: "333", modifiers: [{ code: "M", factor: "1.5" }] }],
      policy: { deductible: "0", deductibleUsed: "0", coverageRate: "0.7", annualUsed: "0" },
    });
    expect(totals.gross).toBe("500"); // 499.5 rounds half-up
    expect(totals.covered).toBe("350");
    expect(totals.patientShare).toBe("150");
  });

  it("computes Iranian rials in whole units", () => {
    const totals = computeClaimTotals({
      currency: "IRR",
      lines: [{ serviceCode: "VISIT", quantity: 2, unitPrice: "12500000" }],
      policy: { deductible: "0", deductibleUsed: "0", coverageRate: "0.35", annualUsed: "0" },
    });
    expect(totals.covered).toBe("8750000");
    expect(totals.patientShare).toBe("16250000");
  });
});

describe("computeClaimTotals — validation", () => {
  const base: ClaimTotalsInput = {
    currency: "EUR",
    lines: [{ serviceCode: "A", quantity: 1, unitPrice: "10.00" }],
    policy: noDeductible,
  };
  const withLine = (patch: Partial<ClaimTotalsInput["lines"][number]>): ClaimTotalsInput => ({
    ...base,
    lines: [{ serviceCode: "A", quantity: 1, unitPrice: "10.00", ...patch }],
  });

  it.each([
    ["exponent unit price", withLine({ unitPrice: "1e309" }), "INVALID_AMOUNT", ["lines", "0", "unitPrice"]],
    ["NaN unit price", withLine({ unitPrice: "NaN" }), "INVALID_AMOUNT", ["lines", "0", "unitPrice"]],
    ["three decimals in EUR", withLine({ unitPrice: "10.001" }), "TOO_MANY_DECIMALS", ["lines", "0", "unitPrice"]],
    ["negative unit price", withLine({ unitPrice: "-1.00" }), "NEGATIVE_AMOUNT", ["lines", "0", "unitPrice"]],
    ["negative quantity", withLine({ quantity: -1 }), "INVALID_QUANTITY", ["lines", "0", "quantity"]],
    ["zero quantity", withLine({ quantity: 0 }), "INVALID_QUANTITY", ["lines", "0", "quantity"]],
    ["fractional quantity", withLine({ quantity: 1.5 }), "INVALID_QUANTITY", ["lines", "0", "quantity"]],
    ["discount above base", withLine({ discount: "10.01" }), "NEGATIVE_LINE", ["lines", "0", "discount"]],
    ["negative discount", withLine({ discount: "-1" }), "NEGATIVE_AMOUNT", ["lines", "0", "discount"]],
    [
      "exponent factor",
      withLine({ modifiers: [{ code: "M", factor: "1e2" }] }),
      "INVALID_FACTOR",
      ["lines", "0", "modifiers", "0", "factor"],
    ],
    [
      "factor below the configured range (0.001 would turn 45,000 into 45)",
      withLine({ modifiers: [{ code: "M", factor: "0.001" }] }),
      "INVALID_FACTOR",
      ["lines", "0", "modifiers", "0", "factor"],
    ],
    [
      "factor above the configured range",
      withLine({ modifiers: [{ code: "M", factor: "50" }] }),
      "INVALID_FACTOR",
      ["lines", "0", "modifiers", "0", "factor"],
    ],
    [
      "negative factor",
      withLine({ modifiers: [{ code: "M", factor: "-1" }] }),
      "INVALID_FACTOR",
      ["lines", "0", "modifiers", "0", "factor"],
    ],
    [
      "coverage rate above 1",
      { ...base, policy: { ...noDeductible, coverageRate: "1.01" } },
      "INVALID_COVERAGE_RATE",
      ["policy", "coverageRate"],
    ],
    [
      "negative deductible",
      { ...base, policy: { ...noDeductible, deductible: "-5" } },
      "NEGATIVE_AMOUNT",
      ["policy", "deductible"],
    ],
    ["unknown currency", { ...base, currency: "ABC" }, "UNSUPPORTED_CURRENCY", ["currency"]],
  ] as const)("refuses %s", (_name, input, code, field) => {
    const error = errorOf(input);
    expect(error.code).toBe(code);
    expect(error.field).toEqual(field);
  });

  it("accepts a discount equal to the line base (a free line)", () => {
    expect(computeClaimTotals(withLine({ discount: "10" })).gross).toBe("0.00");
  });
});

describe("computeClaimTotals — discounts within the service code's configured range", () => {
  const line = (discount: string, maxDiscountRate?: string, quantity = 2) => ({
    currency: "CLP",
    lines: [{ serviceCode: "CDT D0120", quantity, unitPrice: "25000", discount, maxDiscountRate }],
    policy: noDeductible,
  });

  it("accepts a discount up to the allowed share of quantity × unit price, the bound included", () => {
    expect(computeClaimTotals(line("12500", "0.25")).gross).toBe("37500");
    expect(computeClaimTotals(line("0", "0")).gross).toBe("50000");
  });

  it("refuses one minor unit above it with DISCOUNT_OUT_OF_RANGE on the line's discount, naming the range", () => {
    const error = errorOf(line("12501", "0.25"));
    expect(error.code).toBe("DISCOUNT_OUT_OF_RANGE");
    expect(error.field).toEqual(["lines", "0", "discount"]);
    expect(error.message).toBe(
      "Discount 12501 is outside the allowed range for CDT D0120: 0..12500 CLP (at most 25 % of quantity × unit price 50000).",
    );
  });

  it("rounds the bound down to the currency's minor unit, so the named range is one the caller can send", () => {
    // 3 × 33.33 EUR = 99.99; × 0.1 = 9.999 → at most 9.99
    const eur = (discount: string) => ({
      currency: "EUR",
      lines: [{ serviceCode: "X", quantity: 3, unitPrice: "33.33", discount, maxDiscountRate: "0.1" }],
      policy: noDeductible,
    });
    expect(computeClaimTotals(eur("9.99")).gross).toBe("90.00");
    expect(errorOf(eur("10.00")).message).toContain("0..9.99 EUR (at most 10 %");
  });

  it("refuses any discount where the code allows none", () => {
    expect(errorOf(line("1", "0")).code).toBe("DISCOUNT_OUT_OF_RANGE");
  });

  it("leaves stored lines (recomputed without a configured range) to the line-amount rule alone", () => {
    expect(computeClaimTotals(line("50000")).gross).toBe("0");
    expect(errorOf(line("50001")).code).toBe("NEGATIVE_LINE");
  });
});
