import { describe, expect, it } from "vitest";
import { QUEUE_NAMES } from "@clinigraph/api/domain";
import { QUEUES, SCHEDULES } from "./queue-registry.js";
import { WEBHOOK_QUEUE } from "./webhooks/webhook.queue.js";

describe("queue registry", () => {
  it("runs every queue the API names (and shows on its dashboard), each exactly once", () => {
    const run = [...QUEUES.map((q) => QUEUE_NAMES[q.key]), WEBHOOK_QUEUE].sort();
    expect(run).toEqual(Object.values(QUEUE_NAMES).sort());
  });

  it("gives every schedule its own stable id, on a queue of the registry", () => {
    const ids = SCHEDULES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SCHEDULES) expect(QUEUES.map((q) => q.key)).toContain(s.queue);
    // The ids Redis holds today: renaming one orphans its schedule (docs/jobs.md).
    expect(ids.sort()).toEqual([
      "appointment-reminders-scan",
      "expirations-sweep",
      "monthly-statistics",
      "orphan-files-sweep",
      "outbox-sweep",
      "report-digest",
    ]);
  });
});
