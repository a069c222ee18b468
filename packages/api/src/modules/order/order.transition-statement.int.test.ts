import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Knex } from "@mikro-orm/postgresql";
import { SYSTEM } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import { AuditEvent } from "../../platform/audit/audit-event.entity.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import { WebhookEvent } from "../webhook/webhook.entities.js";
import { OptimisticLockError } from "@mikro-orm/core";
import { fireTransition } from "../../platform/state-machine/engine.js";
import { flushInOneStatement } from "../../platform/db/one-statement-flush.js";
import { Order } from "./order.entity.js";
import { OrderEvent, orderMachine } from "./order.machine.js";
import { issueOrder, startKit, transition, type Kit } from "./order.fixtures.js";

/**
 * transitionOrder writes its unit of work as one statement (platform/db/one-statement-flush.ts):
 * the versioned update, the status change, the audit row and the outbox row together, or
 * nothing at all when the version check fails.
 */
let kit: Kit;
let knex: Knex;
const statements: string[] = [];
const record = (q: { sql: string }) => statements.push(q.sql);

beforeAll(async () => {
  kit = await startKit();
  knex = kit.api.orm.em.getConnection().getKnex();
  knex.on("query", record);
});
afterAll(async () => {
  knex?.removeListener("query", record);
  await kit?.api.close();
});

async function rowsOf(orderId: string) {
  const em = forkFor(kit.api.orm, SYSTEM);
  return {
    order: await em.findOneOrFail(Order, { id: orderId }),
    changes: await em.find(StatusChange, { entityType: "Order", entityId: orderId }, { orderBy: { createdAt: "asc" } }),
    audits: await em.find(AuditEvent, { entityType: "Order", entityId: orderId }),
    events: await em.find(WebhookEvent, { objectType: "Order", objectId: orderId }),
  };
}

describe("transitionOrder in one statement", () => {
  it("bumps the version and writes the status change, audit and outbox rows with one write statement", async () => {
    const order = await issueOrder(kit);
    const before = await rowsOf(order.id);
    statements.length = 0;
    const res = await transition(kit, kit.labAKey, order, "CONFIRM");
    expect(res.userErrors).toEqual([]);
    expect(res.order).toMatchObject({ status: "CONFIRMED", version: order.version + 1 });
    // Every statement that writes or opens a transaction, but the API key's last_used_at.
    const writes = statements.filter(
      (s) => /^\s*(insert|update|delete|with|begin|commit)\b/i.test(s) && !/api_key/.test(s),
    );
    // The read of the order, then one statement that writes everything; no begin, no commit.
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^with u as \(update "attention_order"/);
    const after = await rowsOf(order.id);
    expect(after.order.status).toBe("CONFIRMED");
    expect(after.order.version).toBe(order.version + 1);
    expect(after.changes).toHaveLength(before.changes.length + 1);
    expect(after.changes.at(-1)).toMatchObject({ fromStatus: "ISSUED", toStatus: "CONFIRMED", event: "CONFIRM" });
    expect(after.audits.map((a) => a.action)).toContain("order.transition.CONFIRM");
    expect(after.audits).toHaveLength(before.audits.length + 1);
    expect(after.events.map((e) => [e.objectStatus, e.objectVersion])).toContainEqual(["CONFIRMED", order.version + 1]);
    expect(after.events).toHaveLength(before.events.length + 1);
  });

  it("writes nothing for the loser of a race on the same version, which gets STALE_VERSION", async () => {
    const order = await issueOrder(kit);
    const before = await rowsOf(order.id);
    // Both read version 1; one update matches it, the other finds version 2.
    const results = await Promise.all([
      transition(kit, kit.labAKey, order, "CONFIRM"),
      transition(kit, kit.operator, order, "SUSPEND", { reason: "paperwork" }),
      transition(kit, kit.labAKey, order, "CONFIRM"),
    ]);
    const won = results.filter((r) => r.userErrors.length === 0);
    const lost = results.filter((r) => r.userErrors.length > 0);
    expect(won).toHaveLength(1);
    expect(lost.length).toBe(2);
    for (const r of lost) expect(r.userErrors.map((e) => e.code)).toEqual(["STALE_VERSION"]);
    const after = await rowsOf(order.id);
    expect(after.order.version).toBe(order.version + 1);
    expect(after.changes).toHaveLength(before.changes.length + 1);
    expect(after.audits).toHaveLength(before.audits.length + 1);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect(after.changes.at(-1)!.toStatus).toBe(won[0]!.order!.status);
  });

  it("writes nothing when the version moved between the read and the write", async () => {
    const order = await issueOrder(kit);
    const before = await rowsOf(order.id);
    const user = await kit.fx.user(["OPERATOR"]);
    const principal = {
      kind: "STAFF" as const,
      userId: user.id,
      organizationId: (user.organization as unknown as { id: string }).id,
      roles: ["OPERATOR" as const],
      email: user.email,
    };
    const [first, second] = [forkFor(kit.api.orm, principal), forkFor(kit.api.orm, principal)];
    const a = await first.findOneOrFail(Order, { id: order.id });
    const b = await second.findOneOrFail(Order, { id: order.id });
    for (const [em, o] of [
      [first, a],
      [second, b],
    ] as const)
      await fireTransition(em, orderMachine, o, { event: OrderEvent.SUSPEND, principal, input: { reason: "x" } });
    await flushInOneStatement(first);
    await expect(flushInOneStatement(second)).rejects.toBeInstanceOf(OptimisticLockError);
    const after = await rowsOf(order.id);
    expect(after.order.version).toBe(order.version + 1);
    expect(after.changes).toHaveLength(before.changes.length + 1);
    expect(after.audits).toHaveLength(before.audits.length + 1);
    expect(after.events).toHaveLength(before.events.length + 1);
    // The first EntityManager recorded its write: flushing it again writes nothing.
    statements.length = 0;
    await first.flush();
    expect(statements.filter((s) => !/^\s*select\b/i.test(s))).toEqual([]);
  });

  it("writes nothing for a transition its guard refuses", async () => {
    let o = await issueOrder(kit);
    for (const event of ["CONFIRM", "START_EVALUATION"]) {
      const r = await transition(kit, kit.labAKey, o, event);
      expect(r.userErrors).toEqual([]);
      o = r.order!;
    }
    const refused = await transition(kit, kit.labAKey, o, "SUBMIT_FOR_REVIEW");
    expect(refused.userErrors.map((e) => e.code)).toEqual(["FINAL_REPORT_REQUIRED"]);
    const after = await rowsOf(o.id);
    expect(after.order.status).toBe("IN_EVALUATION");
    expect(after.order.version).toBe(o.version);
  });
});
