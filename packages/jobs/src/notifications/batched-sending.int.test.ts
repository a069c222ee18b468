import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueNotifications, forkFor, SYSTEM } from "@clinigraph/api/domain";
import { createHarness, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures, zoneWithLocalHour } from "../test-support/sql.fixtures.js";
import { createSendBatcher, sendNotification } from "./send-notification.js";

let h: Harness;
let f: SqlFixtures;
let site: string;

beforeAll(async () => {
  h = await createHarness(7);
  f = new SqlFixtures(h.orm);
  site = await f.organization({ timeZone: zoneWithLocalHour(14) });
});
afterAll(async () => h?.close());

describe("concurrent sends share their database statements", () => {
  it("claims 40 concurrent sends in one locking statement and delivers each message once", async () => {
    const rt = await h.start({ consume: [] });
    const messages = Array.from({ length: 40 }, (_, i) => ({
      channel: "SMS" as const,
      recipient: `+5699000${String(i).padStart(4, "0")}`,
      template: "test",
      language: "en",
      body: `Hello ${i}`,
      dedupeKey: `batched:${i}:${Date.now()}`,
      organizationId: site,
    }));
    const ids = (await forkFor(h.orm, SYSTEM).transactional((tx) => enqueueNotifications(tx, messages))) as string[];
    expect(ids.every((id) => typeof id === "string")).toBe(true);

    const statements: string[] = [];
    const knex = rt.orm.em.getConnection().getKnex();
    const onQuery = (q: { sql: string }) => statements.push(q.sql);
    knex.on("query", onQuery);
    const base = { orm: rt.orm, gateways: rt.gateways, defaultTimeZone: "UTC" };
    const ctx = { ...base, batcher: createSendBatcher(base) };
    const deliveredBefore = h.gateway.deliveries.size;
    const outcomes = await Promise.all(ids.map((id) => sendNotification(ctx, id, false)));
    knex.off("query", onQuery);

    expect(outcomes.map((o) => o.kind)).toEqual(ids.map(() => "SENT"));
    expect(h.gateway.deliveries.size - deliveredBefore).toBe(40);
    expect(statements.filter((sql) => /for update of n/.test(sql))).toHaveLength(1);
    const records = statements.filter((sql) => /as f\(id, status/.test(sql));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(40);
    const rows = await f.notifications(`id in (${ids.map((id) => `'${id}'`).join(", ")})`);
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => "SENT"));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    await rt.stop();
  });

  it("returns an existing dedupe key as null and the new ones as ids, in input order", async () => {
    const key = `dup:${Date.now()}`;
    const msg = (dedupeKey: string) => ({
      channel: "SMS" as const,
      recipient: "+56911111111",
      template: "test",
      language: "en",
      body: "x",
      dedupeKey,
    });
    const em = forkFor(h.orm, SYSTEM);
    const [first] = await em.transactional((tx) => enqueueNotifications(tx, [msg(key)]));
    const again = await em.transactional((tx) =>
      enqueueNotifications(tx, [msg(`${key}:a`), msg(key), msg(`${key}:b`)]),
    );
    expect(first).toEqual(expect.any(String));
    expect(again[0]).toEqual(expect.any(String));
    expect(again[1]).toBeNull();
    expect(again[2]).toEqual(expect.any(String));
  });
});
