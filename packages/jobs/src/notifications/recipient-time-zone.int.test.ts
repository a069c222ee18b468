import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueNotification, forkFor, SYSTEM } from "@clinigraph/api/domain";
import { createHarness, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures, zoneWithLocalHour } from "../test-support/sql.fixtures.js";
import { claimNotifications } from "./notification-claims.js";

/**
 * Issue 21 item 5: quiet hours are the recipient's. A visitor's assignment SMS names the
 * zone of the visit's hospital; the operator's head office may be in daytime meanwhile.
 */
let h: Harness;
let f: SqlFixtures;
let seq = 0;

beforeAll(async () => {
  h = await createHarness(7);
  f = new SqlFixtures(h.orm);
});
afterAll(async () => h?.close());

async function sms(organizationId: string, recipientTimeZone: string | null): Promise<string> {
  const em = forkFor(h.orm, SYSTEM);
  const id = await em.transactional((tx) =>
    enqueueNotification(tx, {
      channel: "SMS",
      recipient: "+8613800000009",
      template: "visit-assigned",
      language: "zh",
      body: "探访任务",
      dedupeKey: `tz:${++seq}:${Date.now()}`,
      organizationId,
      recipientTimeZone,
    }),
  );
  return id!;
}

describe("quiet hours", () => {
  it("hold an SMS by the recipient's zone when the row names one, else by its organisation's", async () => {
    const now = new Date();
    const office = await f.organization({ timeZone: zoneWithLocalHour(14, now) });
    const atNight = await sms(office, zoneWithLocalHour(23, now));
    const officeHours = await sms(office, null);
    const policy = { now, defaultTimeZone: "UTC", smsGatewayIdempotent: true, smsGatewayName: "test" };
    const claims = await forkFor(h.orm, SYSTEM).transactional((tx) =>
      claimNotifications(tx, [atNight, officeHours], policy),
    );
    expect(claims.get(atNight)).toMatchObject({ done: { kind: "DEFERRED" } });
    expect(claims.get(officeHours)).toHaveProperty("row");
  });
});
