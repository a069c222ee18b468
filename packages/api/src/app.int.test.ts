import { afterAll, beforeAll, describe, expect, it } from "vitest";
// What packages/jobs imports: the workers open their ORM through the package's domain entry.
import { expireOrder, forkFor, initOrm, SYSTEM, type MikroORM } from "./domain.js";
import { WebhookEvent } from "./modules/webhook/webhook.entities.js";
import { issueOrder, startKit, type Kit } from "./modules/order/order.fixtures.js";

let kit: Kit;
let workersOrm: MikroORM;

beforeAll(async () => {
  kit = await startKit();
  // A workers-style root: an ORM and no HTTP app, GraphQL schema or REST routes.
  workersOrm = await initOrm(kit.api.orm.config.get("clientUrl")!);
});
afterAll(async () => {
  await workersOrm?.close(true);
  await kit?.api.close();
});

describe("the composition root outside the API process", () => {
  it("records the partner webhook event of a status change made by a workers-style root (the order sweep)", async () => {
    const order = await issueOrder(kit);
    const longAfterDeadline = new Date(Date.parse(order.confirmBy!) + 7 * 24 * 3600_000);
    expect(await expireOrder(forkFor(workersOrm, SYSTEM), order.id, longAfterDeadline)).toBe(true);

    const events = await forkFor(workersOrm, SYSTEM).find(WebhookEvent, { objectId: order.id });
    expect(events.map((e) => e.objectStatus)).toContain("EXPIRED");
  });
});
