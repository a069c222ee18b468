import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { delayAfterFailures } from "./login-guard.js";

describe("per-account login delay", () => {
  it("is none for the free attempts, then 1 s by default, doubling with each failure up to the cap", () => {
    const config = loadConfig({ NODE_ENV: "development" });
    const free = config.LOGIN_FREE_ATTEMPTS;
    expect(delayAfterFailures(free - 1, config)).toBe(0);
    expect([0, 1, 2, 3].map((k) => delayAfterFailures(free + k, config))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(delayAfterFailures(free + 30, config)).toBe(config.LOGIN_MAX_DELAY_SECONDS * 1000);
  });

  it("starts from the configured first delay", () => {
    const config = loadConfig({ NODE_ENV: "development", LOGIN_FIRST_DELAY_SECONDS: "10" });
    expect(delayAfterFailures(config.LOGIN_FREE_ATTEMPTS + 1, config)).toBe(20_000);
  });
});
