import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attach,
  fire,
  issueOrder,
  ORDER_FIELDS,
  orderIn,
  startKit,
  TRAUMA_FORM,
  type Kit,
  type OrderView,
} from "./order.fixtures.js";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit?.api.close());

async function trayOf(token: string, orderId: string): Promise<string[]> {
  const trays = ["IN_PROCESS", "WORKED", "TO_MANAGE", "CLOSED"];
  const found: string[] = [];
  for (const tray of trays) {
    const res = await kit.q<{ orders: { nodes: { id: string }[] } }>(
      `query($f: OrderFilter) { orders(first: 100, filter: $f) { nodes { id } } }`,
      { f: { tray } },
      token,
    );
    if (res.orders.nodes.some((n) => n.id === orderId)) found.push(tray);
  }
  return found;
}

async function expectStep(o: OrderView, status: string, trays: string[], lastEvent: string) {
  expect(o.status).toBe(status);
  expect(o.history.at(-1)).toMatchObject({ toStatus: status, event: lastEvent });
  // Both sides see the same tray; the lab through its API key, the operator through its login.
  expect(await trayOf(kit.operator, o.id)).toEqual(trays);
  expect(await trayOf(kit.labAKey, o.id)).toEqual(trays);
  const view = await kit.q<{ order: OrderView }>(
    `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
    { id: o.id },
    kit.labAKey,
  );
  expect(view.order.history.map((h) => h.toStatus)).toEqual(o.history.map((h) => h.toStatus));
}

describe("the order lifecycle, lab (API key) and operator (login)", () => {
  it("goes issue → confirm → evaluate → reports → submit → reject → correct → resubmit → approve → bill", async () => {
    let o = await issueOrder(kit);
    expect(o.number).toMatch(/^ORD-\d{4}-\d{6}$/);
    // 45000.50 + 12000.25 = 57000.75, rounded half-up to the peso: CLP has no minor unit.
    expect(o).toMatchObject({ amount: "57001", currency: "CLP", overdue: false });
    expect(o.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "ISSUED", event: "ISSUE" })]);
    await expectStep(o, "ISSUED", ["IN_PROCESS"], "ISSUE");

    const asLab = await kit.q<{ order: OrderView }>(
      `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      { id: o.id },
      kit.labAKey,
    );
    expect(asLab.order.availableTransitions).toEqual(["CONFIRM"]);
    expect(o.availableTransitions).toEqual(["SUSPEND", "VOID"]);

    o = await fire(kit, kit.labAKey, o, "CONFIRM");
    await expectStep(o, "CONFIRMED", ["WORKED"], "CONFIRM");
    o = await fire(kit, kit.labAKey, o, "START_EVALUATION");
    await expectStep(o, "IN_EVALUATION", ["WORKED"], "START_EVALUATION");

    const pre = await attach(kit, kit.labAKey, o.id, "PRELIMINARY", { form: { ...TRAUMA_FORM, functionalLoss: 10 } });
    expect(pre.userErrors).toEqual([]);
    const fin = await attach(kit, kit.labAKey, o.id, "FINAL", { form: TRAUMA_FORM });
    expect(fin.userErrors).toEqual([]);
    expect(fin.order!.reports.map((r) => [r.kind, r.templateVersion])).toEqual([
      ["PRELIMINARY", 1],
      ["FINAL", 1],
    ]);

    o = await fire(kit, kit.labAKey, fin.order!, "SUBMIT_FOR_REVIEW");
    await expectStep(o, "IN_VERIFICATION", ["TO_MANAGE"], "SUBMIT_FOR_REVIEW");
    expect(o.availableTransitions).toEqual([]); // the lab's view: now it waits for the operator
    const opView = await kit.q<{ order: OrderView }>(
      `query($id: ID!) { order(id: $id) { availableTransitions } }`,
      { id: o.id },
      kit.operator,
    );
    expect(opView.order.availableTransitions).toEqual(["APPROVE", "REJECT", "VOID"]);

    o = await fire(kit, kit.operator, o, "REJECT", {
      reasonCode: "MISSING_SIGNATURE",
      reason: "El informe no está firmado.",
    });
    await expectStep(o, "REJECTED", ["WORKED"], "REJECT");
    const seen = await kit.q<{ order: OrderView }>(
      `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      { id: o.id },
      kit.labAKey,
    );
    expect(seen.order.rejection).toMatchObject({
      code: "MISSING_SIGNATURE",
      label: "Falta la firma",
      text: "El informe no está firmado.",
    });
    const outbox = await kit.fx.em
      .getConnection()
      .execute<{ channel: string; recipient: string; dedupe_key: string; body: string }[]>(
        `select channel, recipient, dedupe_key, body from notification where related_id = ? order by channel::text`,
        [o.id],
      );
    expect(outbox.map((n) => [n.channel, n.recipient])).toEqual([
      ["EMAIL", "lab-a@example.test"],
      ["SMS", "+56922222222"],
    ]);
    expect(outbox[0]!.dedupe_key).toBe(`order-rejected:${o.id}:1:email`);
    expect(outbox[0]!.body).toContain("Falta la firma");

    const corrected = await attach(kit, kit.labAKey, o.id, "FINAL", { form: { ...TRAUMA_FORM, notes: "Firmado" } });
    expect(corrected.userErrors).toEqual([]);
    o = await fire(kit, kit.labAKey, corrected.order!, "RESUBMIT");
    await expectStep(o, "IN_VERIFICATION", ["TO_MANAGE"], "RESUBMIT");
    expect(o.reports).toHaveLength(3);

    o = await fire(kit, kit.operator, o, "APPROVE");
    await expectStep(o, "VALIDATED_FOR_BILLING", ["WORKED"], "APPROVE");
    o = await fire(kit, kit.billing, o, "MARK_BILLED", { reference: "F-2026-0042" });
    await expectStep(o, "BILLED", ["CLOSED"], "MARK_BILLED");
    expect(o.availableTransitions).toEqual([]);
    expect(o.history.map((h) => h.event)).toEqual([
      "ISSUE",
      "CONFIRM",
      "START_EVALUATION",
      "SUBMIT_FOR_REVIEW",
      "REJECT",
      "RESUBMIT",
      "APPROVE",
      "MARK_BILLED",
    ]);
    expect(o.history.map((h) => h.actorKind)).toEqual([
      "STAFF",
      "PARTNER",
      "PARTNER",
      "PARTNER",
      "STAFF",
      "PARTNER",
      "STAFF",
      "STAFF",
    ]);
  });

  it("counts the trays for the console tabs", async () => {
    const before = await kit.q<{ orderTrayCounts: Record<string, number> }>(
      `{ orderTrayCounts { inProcess worked toManage closed } }`,
      {},
      kit.operator,
    );
    await issueOrder(kit);
    const after = await kit.q<{ orderTrayCounts: Record<string, number> }>(
      `{ orderTrayCounts { inProcess worked toManage closed } }`,
      {},
      kit.operator,
    );
    expect(after.orderTrayCounts.inProcess).toBe(before.orderTrayCounts.inProcess + 1);
    const labB = await kit.q<{ orderTrayCounts: Record<string, number> }>(
      `{ orderTrayCounts { inProcess worked toManage closed } }`,
      {},
      kit.labBKey,
    );
    expect(labB.orderTrayCounts).toEqual({ inProcess: 0, worked: 0, toManage: 0, closed: 0 });
  });

  it("lists the rejection reasons with a label in each console language", async () => {
    const res = await kit.q<{ rejectionReasons: Record<string, string>[] }>(
      `{ rejectionReasons { code labelEs labelEn labelZh labelFa labelBg } }`,
      {},
      kit.operator,
    );
    const missingSignature = res.rejectionReasons.find((r) => r.code === "MISSING_SIGNATURE");
    expect(missingSignature).toMatchObject({ labelZh: "缺少签名", labelFa: "فاقد امضا", labelBg: "Липсва подпис" });
    for (const r of res.rejectionReasons)
      expect(new Set([r.labelEs, r.labelEn, r.labelZh, r.labelFa, r.labelBg]).size).toBe(5);
  });

  it.each([
    ["zh", "工单", "缺少签名"],
    ["fa", "دستور", "فاقد امضا"],
    ["bg", "Направление", "Липсва подпис"],
  ])("tells a provider writing %s about a rejection in its own language", async (language, orderWord, label) => {
    const connection = kit.fx.em.getConnection();
    await connection.execute(`update organization set language = ? where id = ?`, [language, kit.labA.id]);
    try {
      const o = await orderIn(kit, "IN_VERIFICATION");
      await fire(kit, kit.operator, o, "REJECT", { reasonCode: "MISSING_SIGNATURE", reason: "p. 2" });
      const outbox = await connection.execute<{ language: string; subject: string | null; body: string }[]>(
        `select language, subject, body from notification where related_id = ? order by channel::text`,
        [o.id],
      );
      expect(outbox).toHaveLength(2);
      for (const n of outbox) {
        expect(n.language).toBe(language);
        expect(n.body).toContain(o.number);
        expect(n.body).toContain(orderWord);
        expect(n.body).toContain(label);
        expect(n.body).toContain("p. 2");
      }
      expect(outbox[0]!.subject).toContain(o.number);
      const seen = await kit.q<{ order: OrderView }>(
        `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
        { id: o.id },
        kit.labAKey,
      );
      expect(seen.order.rejection).toMatchObject({ code: "MISSING_SIGNATURE", label });
    } finally {
      await connection.execute(`update organization set language = 'es' where id = ?`, [kit.labA.id]);
    }
  });

  it("returns the first order for a retried issueOrder with the same idempotencyKey", async () => {
    const first = await issueOrder(kit, { idempotencyKey: "issue-1" });
    const again = await issueOrder(kit, { idempotencyKey: "issue-1" });
    expect(again.id).toBe(first.id);
  });
});
