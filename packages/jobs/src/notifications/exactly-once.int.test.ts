import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, waitFor, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures, zoneWithLocalHour } from "../test-support/sql.fixtures.js";
import { kill, spawnWorker } from "../test-support/child-process.fixtures.js";
import { scanAppointmentReminders } from "../reminders/scan-reminders.js";

let h: Harness;
let f: SqlFixtures;

beforeAll(async () => {
  h = await createHarness(9);
  f = new SqlFixtures(h.orm);
});
afterAll(async () => h?.close());

describe("a worker killed between the gateway call and the commit", () => {
  // Two worker processes compile the API from source at start: minutes each on a busy machine.
  it(
    "does not cause a second SMS: the restarted worker resends under the same key and the gateway dedupes it",
    { timeout: 600_000 },
    async () => {
      const site = await f.organization({ timeZone: zoneWithLocalHour(14) });
      const visit = await f.appointment({ patientId: await f.patient(), siteId: site });
      const producer = await h.start({ consume: [] });
      await scanAppointmentReminders(producer);
      await producer.stop();
      const [row] = await f.notifications(`related_id = '${visit}'`);

      // The vendor delivers the message and then the worker dies before it can record
      // the outcome: the gateway holds its answer until the process has been SIGKILLed.
      let delivered!: () => void;
      const deliveredOnce = new Promise<void>((resolve) => (delivered = resolve));
      let releaseAnswer!: () => void;
      h.gateway.beforeAnswer = () => {
        h.gateway.beforeAnswer = null;
        delivered();
        return new Promise<void>((resolve) => (releaseAnswer = resolve));
      };

      const first = await spawnWorker(h.env);
      await deliveredOnce;
      await kill(first, "SIGKILL");
      releaseAnswer();

      const [afterCrash] = await f.notifications(`id = '${row!.id}'`);
      expect(afterCrash!.status).toBe("SENDING");
      expect(h.gateway.deliveries.size).toBe(1);

      const second = await spawnWorker(h.env);
      const [final] = await waitFor(
        async () => {
          const r = await f.notifications(`id = '${row!.id}'`);
          return r[0]?.status === "SENT" && r;
        },
        60_000,
        "the restarted worker to finish the send",
      );
      await kill(second, "SIGTERM");

      expect(h.gateway.requests).toBe(2); // the resend happened…
      expect(h.gateway.deliveries.size).toBe(1); // …and delivered nothing new
      expect(h.gateway.deliveries.has(row!.id)).toBe(true);
      expect(final!.attempts).toBe(2);
    },
  );
});
