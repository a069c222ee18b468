import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRAUMA_FORM, attach, fire, orderIn, startKit, type Kit } from "./order.fixtures.js";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit?.api.close());

const INBOX = `{ reportInbox { awaiting orders oldestAt } }`;
type Inbox = { reportInbox: { awaiting: number; orders: number; oldestAt: string | null } };
const awaitingOrders = async () =>
  (
    await kit.q<{ orders: { nodes: { id: string }[] } }>(
      `{ orders(first: 100, filter: { reportsAwaiting: true }) { nodes { id } } }`,
      {},
      kit.operator,
    )
  ).orders.nodes.map((n) => n.id);

describe("the operator's report inbox", () => {
  it("counts arriving preliminary and final reports until staff read them or the order is settled", async () => {
    expect((await kit.q<Inbox>(INBOX, {}, kit.operator)).reportInbox).toEqual({
      awaiting: 0,
      orders: 0,
      oldestAt: null,
    });

    const a = await orderIn(kit, "IN_EVALUATION");
    expect((await attach(kit, kit.labAKey, a.id, "PRELIMINARY", { form: TRAUMA_FORM })).userErrors).toEqual([]);
    expect((await attach(kit, kit.labAKey, a.id, "FINAL", { form: TRAUMA_FORM })).userErrors).toEqual([]);
    const b = await orderIn(kit, "IN_VERIFICATION");

    const inbox = (await kit.q<Inbox>(INBOX, {}, kit.operator)).reportInbox;
    expect(inbox).toMatchObject({ awaiting: 3, orders: 2 });
    expect(inbox.oldestAt).toEqual(expect.any(String));
    expect((await awaitingOrders()).sort()).toEqual([a.id, b.id].sort());

    // reading an order's reports takes them out of the inbox, and is audited
    const ack = await kit.q<{
      acknowledgeOrderReports: {
        order: { reports: { acknowledgedAt: string | null }[] } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation($i: AcknowledgeOrderReportsInput!) { acknowledgeOrderReports(input: $i) { order { reports { acknowledgedAt } } userErrors { code } } }`,
      { i: { orderId: a.id } },
      kit.operator,
    );
    expect(ack.acknowledgeOrderReports.userErrors).toEqual([]);
    expect(ack.acknowledgeOrderReports.order!.reports.every((r) => r.acknowledgedAt !== null)).toBe(true);
    expect((await kit.q<Inbox>(INBOX, {}, kit.operator)).reportInbox).toMatchObject({ awaiting: 1, orders: 1 });
    expect(await awaitingOrders()).toEqual([b.id]);

    // approving the order settles its report: nothing is left waiting
    await fire(kit, kit.operator, b, "APPROVE");
    expect((await kit.q<Inbox>(INBOX, {}, kit.operator)).reportInbox).toEqual({
      awaiting: 0,
      orders: 0,
      oldestAt: null,
    });
  });

  it("is the operator's: a partner and billing are refused", async () => {
    for (const token of [kit.labAKey, kit.billing]) {
      const res = await kit.api.gql(INBOX, {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});
