import { describe, expect, it } from "vitest";
import { HashSlots } from "./hash-slots.js";

describe("HashSlots", () => {
  it("runs at most `concurrency` jobs at once, queues up to `queue` and refuses the rest", async () => {
    const slots = new HashSlots(2, 1);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      new Promise<string>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        releases.push(() => {
          running -= 1;
          resolve("done");
        });
      });
    const results = [slots.run(job), slots.run(job), slots.run(job), slots.run(job)];
    expect(await results[3]).toBeNull();
    while (releases.length < 2) await Promise.resolve();
    releases.shift()!();
    while (releases.length < 2) await new Promise((r) => setTimeout(r, 1));
    releases.splice(0).forEach((r) => r());
    expect(await Promise.all(results.slice(0, 3))).toEqual([{ value: "done" }, { value: "done" }, { value: "done" }]);
    expect(peak).toBe(2);
    expect(slots.started).toBe(3);
  });
});
