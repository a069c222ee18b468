import { describe, expect, it } from "vitest";
import { policyYearOf } from "./policy-year.js";

describe("policyYearOf", () => {
  it("starts on the latest anniversary of validFrom on or before the date", () => {
    expect(policyYearOf("2025-07-01", "2026-03-10")).toEqual({ start: "2025-07-01", end: "2026-07-01" });
    expect(policyYearOf("2025-07-01", "2026-07-01")).toEqual({ start: "2026-07-01", end: "2027-07-01" });
    expect(policyYearOf("2026-01-01", "2026-12-31")).toEqual({ start: "2026-01-01", end: "2027-01-01" });
  });

  it("moves a 29 February start to 28 February in common years", () => {
    expect(policyYearOf("2024-02-29", "2025-03-01")).toEqual({ start: "2025-02-28", end: "2026-02-28" });
  });
});
