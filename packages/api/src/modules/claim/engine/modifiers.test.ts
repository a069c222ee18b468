import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { CLAIM_MODIFIERS, MODIFIER_FACTOR_RANGE } from "./modifiers.js";

describe("configured modifiers", () => {
  it("keeps every configured factor within the configured range", () => {
    for (const [code, m] of Object.entries(CLAIM_MODIFIERS)) {
      const f = new Decimal(m.factor);
      expect(f.gte(MODIFIER_FACTOR_RANGE.min) && f.lte(MODIFIER_FACTOR_RANGE.max), code).toBe(true);
    }
  });
});
