import { describe, expect, it } from "vitest";
import type { MonthlyStatistic } from "./monthly-statistic.entity.js";
import { rateOf, SupervisionMeasure } from "./supervision-measures.js";
import { rank, sumCounts } from "./supervision-ranking.js";

describe("rateOf", () => {
  it("derives ratio and percent from the counts with one half-up rounding", () => {
    expect(rateOf(2, 3)).toMatchObject({ ratio: "0.6667", percent: "66.67" });
    expect(rateOf(1, 32)).toMatchObject({ ratio: "0.0313", percent: "3.13" }); // 0.03125: the half goes up
    expect(rateOf(7, 7)).toMatchObject({ ratio: "1.0000", percent: "100.00" });
    expect(rateOf(0, 9)).toMatchObject({ ratio: "0.0000", percent: "0.00" });
  });

  it("stays exact for counts far beyond a float's digits", () => {
    expect(rateOf(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER).ratio).toBe("1.0000");
    expect(rateOf(1, Number.MAX_SAFE_INTEGER).ratio).toBe("0.0000");
  });

  it("has no quotient without a denominator and refuses counts that are not counts", () => {
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, ratio: null, percent: null });
    expect(() => rateOf(-1, 2)).toThrow(RangeError);
    expect(() => rateOf(0.5, 2)).toThrow(RangeError);
  });
});

const NONE = {
  ordersDue: 0,
  ordersDueOnTime: 0,
  claimsFirstPass: 0,
  claimsApproved: 0,
  claimDeliveriesDue: 0,
  claimDeliveriesOnTime: 0,
};
const row = (org: string, ordersFirstPass: number, ordersValidated: number) =>
  ({ ...NONE, organization: { id: org }, ordersFirstPass, ordersValidated }) as unknown as MonthlyStatistic;

describe("rank", () => {
  it("sums the months before dividing, shares a rank on equal rates and leaves out what was not measured", () => {
    const sums = sumCounts(
      [
        row("a", 1, 2), // a: 1/2 + 3/3 = 4/5
        row("a", 3, 3),
        row("b", 2, 4), // b: 2/4 = 1/2
        row("c", 4, 5), // c: 4/5, as a
        row("d", 1, 1), // d: 1/1
        row("e", 0, 0), // e: nothing validated
      ],
      (r) => r.organization.id,
    );
    const entries = rank(sums, SupervisionMeasure.ORDERS_FIRST_PASS);
    expect(entries.map((e) => [e.rank, e.organizationId, e.measured.ratio, e.months])).toEqual([
      [1, "d", "1.0000", 1],
      [2, "a", "0.8000", 2],
      [2, "c", "0.8000", 1],
      [4, "b", "0.5000", 1],
    ]);
  });
});
