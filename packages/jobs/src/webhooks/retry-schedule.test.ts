import { describe, expect, it } from "vitest";
import { retryDelayMs, WEBHOOK_MAX_ATTEMPTS } from "./retry-schedule.js";

describe("webhook retry schedule", () => {
  it("doubles from one minute, caps at four hours, and spans about a day", () => {
    expect([1, 2, 3, 8, 9, 13].map(retryDelayMs)).toEqual([
      60_000, 120_000, 240_000, 7_680_000, 14_400_000, 14_400_000,
    ]);
    let total = 0;
    for (let n = 1; n < WEBHOOK_MAX_ATTEMPTS; n++) total += retryDelayMs(n);
    expect(total / 60_000).toBe(1455);
  });
});
