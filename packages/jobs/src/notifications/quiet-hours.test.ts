import { describe, expect, it } from "vitest";
import { quietHoursDeferral } from "./quiet-hours.js";

describe("quietHoursDeferral", () => {
  it("lets a message through during the day", () => {
    expect(quietHoursDeferral(new Date("2026-03-10T15:00:00Z"), "Europe/Madrid")).toBeNull(); // 16:00 local
  });
  it("defers a 22:30 message to 08:00 the next morning, local time", () => {
    const at = quietHoursDeferral(new Date("2026-03-10T21:30:00Z"), "Europe/Madrid"); // 22:30 CET
    expect(at?.toISOString()).toBe("2026-03-11T07:00:00.000Z");
  });
  it("defers a 03:00 message to 08:00 the same day", () => {
    const at = quietHoursDeferral(new Date("2026-03-10T06:00:00Z"), "America/Santiago"); // 03:00 local (UTC−3)
    expect(at?.toISOString()).toBe("2026-03-10T11:00:00.000Z");
  });
  it("treats 21:00 sharp as quiet and 08:00 sharp as open", () => {
    expect(quietHoursDeferral(new Date("2026-07-01T18:00:00Z"), "Europe/Sofia")).not.toBeNull(); // 21:00 EEST
    expect(quietHoursDeferral(new Date("2026-07-01T05:00:00Z"), "Europe/Sofia")).toBeNull(); // 08:00 EEST
  });
});
