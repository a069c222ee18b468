import { describe, expect, it } from "vitest";
import { byMonth, onTimeRate, type MonthlyRow } from "../src/dashboard/statistics";

const row = (month: string, name: string, ordersIssued: number, extra: Partial<MonthlyRow> = {}): MonthlyRow => ({
  month,
  organizationId: `id-${name}`,
  organization: { name },
  ordersIssued,
  ordersValidated: 0,
  claimsSubmitted: 0,
  claimsSubmittedOnTime: 0,
  turnaroundMedianHours: null,
  ...extra,
});

describe("dashboard series", () => {
  it("leaves out organisations without a figure and keeps one row per month", () => {
    const { series, data } = byMonth(
      [row("2026-10", "Lab", 3), row("2026-10", "Agency", 0), row("2026-11", "Lab", 5)],
      (r) => r.ordersIssued,
    );
    expect(series).toEqual(["Lab"]);
    expect(data).toEqual([
      { month: "2026-10", Lab: 3 },
      { month: "2026-11", Lab: 5 },
    ]);
  });

  it("past the limit, sums the smallest organisations into one series so every month's total stays the same", () => {
    const rows = [
      row("2026-11", "A", 9),
      row("2026-11", "B", 7),
      row("2026-11", "C", 2),
      row("2026-11", "D", 1),
      row("2026-10", "D", 4),
    ];
    const { series, data } = byMonth(rows, (r) => r.ordersIssued, { limit: 3, otherLabel: "Others" });
    expect(series).toEqual(["A", "B", "Others"]);
    expect(data).toEqual([
      { month: "2026-11", A: 9, B: 7, Others: 3 },
      { month: "2026-10", Others: 4 },
    ]);
  });

  it("rates claims delivered on time per month across organisations, null without deliveries", () => {
    const rows = [
      row("2026-11", "A", 0, { claimsSubmitted: 16, claimsSubmittedOnTime: 4 }),
      row("2026-11", "B", 0, { claimsSubmitted: 31, claimsSubmittedOnTime: 11 }),
      row("2026-10", "A", 0),
    ];
    expect(onTimeRate(rows)).toEqual([
      { month: "2026-11", rate: 31.9 },
      { month: "2026-10", rate: null },
    ]);
  });
});
