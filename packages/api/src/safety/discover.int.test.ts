import { afterAll, beforeAll, it } from "vitest";
import { writeFileSync } from "node:fs";
import { buildWorld, ALL_CALLERS, errorCodes, type World } from "./world.js";
import { buildCall, operationsOf, publishedSchema } from "./operations.js";
import { sampleIds } from "./samples.js";

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 600_000);
afterAll(async () => world?.api.close());

it("discovers", { timeout: 600_000 }, async () => {
  const ids = await sampleIds(world);
  const out: Record<string, Record<string, string>> = {};
  const ops = operationsOf(publishedSchema());
  for (const caller of ALL_CALLERS) {
    for (const op of ops) {
      const c = buildCall(op, (k) => ids[k]);
      const r = await world.call(caller, c.query, c.variables);
      const codes = errorCodes(r);
      const data = r.data?.[op.name] as { userErrors?: { code: string }[] } | null | undefined;
      const ue = data && typeof data === "object" && "userErrors" in data ? (data.userErrors ?? []).map((u) => u.code).join("+") : "";
      (out[op.name] ??= {})[caller] = `${r.status}:${codes.join("+") || "OK"}${ue ? `/${ue}` : ""}${codes.includes("INTERNAL_SERVER_ERROR") ? " " + r.errors?.[0]?.message : ""}`;
    }
  }
  writeFileSync("/tmp/safety-discover.json", JSON.stringify(out, null, 1));
});
