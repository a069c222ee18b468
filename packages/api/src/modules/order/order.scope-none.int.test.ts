import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Order } from "./order.entity.js";

/**
 * A scope that sees none (a member of two branches who has not chosen one, an anonymous
 * caller) on a joined relation: the ORM puts the relation's filter in the join's ON clause,
 * where an empty `id in ()` is invalid SQL; the rule is a false predicate instead.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const unchosen: Principal = {
  kind: "STAFF",
  userId: "01a251e9-0074-76a2-9cda-5ffa3b93f643",
  organizationId: "01a251e9-0074-76a2-9cda-5ffa3b93f644",
  roles: ["OPERATOR"],
  email: "two-branches@example.test",
  branchId: null,
};

describe("a sees-none scope on a joined relation", () => {
  for (const [who, principal] of [
    ["a member of two branches who has not chosen", unchosen],
    ["an anonymous caller", { kind: "ANONYMOUS" } as Principal],
  ] as const)
    it(`reads no row and valid SQL for ${who}: joined populate and a where through the relation`, async () => {
      const em = forkFor(api.orm, principal);
      const statements: string[] = [];
      const record = (q: { sql: string }) => statements.push(q.sql);
      const knex = em.getConnection().getKnex();
      knex.on("query", record);
      try {
        expect(
          await em.find(Order, {}, { populate: ["case"] as never, strategy: "joined" as never, limit: 5 }),
        ).toEqual([]);
        expect(await em.find(Order, { case: { number: { $like: "CASE-%" } } } as never, { limit: 5 })).toEqual([]);
        expect(await em.count(Order, { case: { patient: { lastName: "x" } } } as never)).toBe(0);
      } finally {
        knex.removeListener("query", record);
      }
      expect(statements.length).toBeGreaterThan(0);
      for (const s of statements) expect(s).not.toMatch(/in \(\)/);
    });
});
