import { it } from "vitest";
import { startKit, issueOrder } from "./order.test-kit.js";
import { forkFor } from "../../platform/db/orm.js";
import { Order } from "./order.entity.js";
it("scratch", async () => {
  const kit = await startKit();
  await issueOrder(kit);
  kit.api.orm.config.set("debug", true);
  const em = forkFor(kit.api.orm, { kind: "PARTNER", organizationId: kit.labA.id, organizationKind: "LAB", apiKeyId: "x", scopes: [] });
  try { console.log((await em.find(Order, {})).length); } catch (e) { console.log("ERR", e); }
  kit.api.orm.config.set("debug", false);
  await kit.api.close();
});
