import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { User } from "../../modules/user/user.entity.js";
import { fire, issueOrder, startKit, type Kit } from "../../modules/order/order.fixtures.js";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => {
  await kit?.api.close();
});

const HISTORY = `query($id: ID!) { order(id: $id) { history { event actorKind actorName } } }`;
type History = { order: { history: { event: string; actorKind: string; actorName: string | null }[] } | null };

describe("StatusChange.actorName", () => {
  it("names the staff user and the partner organisation to staff, and only its own organisation to a partner", async () => {
    const issued = await issueOrder(kit);
    await fire(kit, kit.labAKey, issued, "CONFIRM");
    const operatorUser = await kit.fx.em.fork().findOneOrFail(User, { roles: { $contains: ["OPERATOR"] } } as never, {
      filters: false,
    });

    const staffView = await kit.q<History>(HISTORY, { id: issued.id }, kit.operator);
    expect(staffView.order!.history.map((h) => [h.event, h.actorName])).toEqual([
      ["ISSUE", operatorUser.name],
      ["CONFIRM", kit.labA.name],
    ]);

    const partnerView = await kit.q<History>(HISTORY, { id: issued.id }, kit.labAKey);
    expect(partnerView.order!.history.map((h) => [h.event, h.actorName])).toEqual([
      ["ISSUE", null],
      ["CONFIRM", kit.labA.name],
    ]);
  });
});
