import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, waitFor, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures, zoneWithLocalHour } from "../test-support/sql.fixtures.js";
import { scanAppointmentReminders } from "../reminders/scan-reminders.js";
import { SCHEDULES } from "../queue-registry.js";
import { sweepOutbox } from "./outbox-sweep.js";

let h: Harness;
let f: SqlFixtures;

// Redis db 10 belongs to this file alone: it is flushed. (FLUSHALL would also wipe the
// other test files running in parallel; FLUSHDB loses this worker's data the same way.)
beforeAll(async () => {
  h = await createHarness(10);
  f = new SqlFixtures(h.orm);
});
afterAll(async () => h?.close());

describe("recovery after Redis loses everything", () => {
  it("re-creates the schedules and sends every due reminder exactly once", async () => {
    const site = await f.organization({ timeZone: zoneWithLocalHour(14) });
    const queuedBefore = [];
    for (let i = 0; i < 5; i++) queuedBefore.push(await f.appointment({ patientId: await f.patient(), siteId: site }));
    const first = await h.start({ consume: [], env: { REGISTER_SCHEDULERS: "true" } });
    // Five reminders written and queued, none sent yet…
    await scanAppointmentReminders(first);
    await first.stop();
    // …five more due but not even scanned when Redis goes.
    const notScanned = [];
    for (let i = 0; i < 5; i++) notScanned.push(await f.appointment({ patientId: await f.patient(), siteId: site }));
    await h.redis.flushdb();

    const restarted = await h.start({ env: { REGISTER_SCHEDULERS: "true" } });
    const schedulers = await Promise.all(Object.values(restarted.queues).map((q) => q.getJobSchedulers()));
    expect(
      schedulers
        .flat()
        .map((s) => s.key)
        .sort(),
    ).toEqual(SCHEDULES.map((s) => s.id).sort());
    expect(schedulers.flat().every((s) => s.tz === "UTC")).toBe(true);

    // What the schedules run: the outbox sweep re-queues the rows Redis forgot, the
    // reminder scan writes the rest. Run twice to show re-runs add nothing.
    await sweepOutbox(restarted);
    await scanAppointmentReminders(restarted);
    await sweepOutbox(restarted);
    await scanAppointmentReminders(restarted);
    const all = [...queuedBefore, ...notScanned];
    const rows = await waitFor(async () => {
      const r = await f.notifications(`related_id in (${all.map((v) => `'${v}'`).join(",")})`);
      return r.length === 10 && r.every((n) => n.status === "SENT") && r;
    });
    expect(rows).toHaveLength(10);
    expect(h.gateway.deliveries.size).toBe(10);
    expect(h.gateway.requests).toBe(10);
  });
});
