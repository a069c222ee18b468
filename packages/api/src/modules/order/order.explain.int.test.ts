import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Knex } from "@mikro-orm/postgresql";
import { SYSTEM, type Principal } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import { paginate, SortDirection } from "../../platform/graphql/connection.js";
import { startKit, type Kit } from "./order.fixtures.js";
import { Order } from "./order.entity.js";
import { OrderSortField, OrderTray } from "./order.inputs.js";
import { orderWhere } from "./order.where.js";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

let kit: Kit;
let knex: Knex;

// 30k orders over the statuses, enough rows that a sequential scan is a real choice for the planner.
beforeAll(async () => {
  kit = await startKit();
  const em = forkFor(kit.api.orm, SYSTEM);
  await em.execute(
    `insert into attention_order (id, created_at, updated_at, version, number, case_id, provider_id, kind, specialty, requested_codes, status, confirm_by, due_at, rejection_count)
     select gen_random_uuid(), now() - g * interval '1 minute', now(), 1, 'BENCH-' || g, ?, (case when g % 50 = 0 then ? else ? end)::uuid, 'EXAM',
            (array['traumatology','cardiology','radiology'])[1 + g % 3], '[]',
            (array['ISSUED','CONFIRMED','IN_EVALUATION','IN_VERIFICATION','REJECTED','VALIDATED_FOR_BILLING','BILLED','BILLED','BILLED','VOIDED','EXPIRED'])[1 + g % 11]::order_status,
            now() + interval '2 days', now() + interval '10 days', 0
       from generate_series(1, 30000) g`,
    [kit.caseId, kit.labA.id, kit.labB.id],
  );
  await em.execute("analyze");
  knex = kit.api.orm.em.getConnection().getKnex();
});
afterAll(async () => {
  await kit?.api.close();
});

/**
 * Sequential scans of attention_order, except one directly under a Limit: that scan stops
 * after the limit's rows (the capped totalCount over a tray holding most rows), bounded work.
 */
function seqScansOverOrders(node: PlanNode, parent?: PlanNode): string[] {
  const bounded = parent?.["Node Type"] === "Limit";
  const own =
    node["Node Type"] === "Seq Scan" && node["Relation Name"] === "attention_order" && !bounded
      ? ["Seq Scan on attention_order"]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => seqScansOverOrders(child, node))];
}

/** Runs the list exactly as the resolver does and EXPLAINs every statement it sent to Postgres. */
async function plansOfList(
  principal: Principal,
  tray: OrderTray | null,
  sortField: OrderSortField,
  direction: SortDirection,
) {
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const capture = (q: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
  knex.on("query", capture);
  try {
    const page = await paginate(forkFor(kit.api.orm, principal), Order, {
      where: () => orderWhere(tray ? { tray } : null),
      sortField,
      direction,
      args: { first: 50 },
    });
    await page.count();
  } finally {
    knex.removeListener("query", capture);
  }
  // boundedCount's own EXPLAIN (the estimate above the exact limit) is not a statement to plan.
  const orderStatements = statements.filter((s) => /attention_order/.test(s.sql) && !/^explain/i.test(s.sql));
  expect(orderStatements.length).toBeGreaterThan(0);
  const scans: string[] = [];
  for (const s of orderStatements) {
    const rows = (await knex.raw(`explain (format json) ${s.sql}`, s.bindings as Knex.RawBinding[])) as {
      rows: { "QUERY PLAN": { Plan: PlanNode }[] }[];
    };
    scans.push(...seqScansOverOrders(rows.rows[0]!["QUERY PLAN"][0]!.Plan).map((scan) => `${scan}: ${s.sql}`));
  }
  return scans;
}

const staff = (): Principal =>
  ({
    kind: "STAFF",
    userId: "00000000-0000-0000-0000-000000000001",
    organizationId: kit.labA.id,
    roles: ["OPERATOR"],
    email: "op@x",
  }) as Principal;
const partner = (): Principal =>
  ({
    kind: "PARTNER",
    apiKeyId: "00000000-0000-0000-0000-000000000002",
    organizationId: kit.labA.id,
    organizationKind: "LAB",
    scopes: ["read"],
  }) as unknown as Principal;

describe("order lists at tens of thousands of rows", () => {
  for (const tray of [OrderTray.IN_PROCESS, OrderTray.WORKED, OrderTray.TO_MANAGE, OrderTray.CLOSED])
    for (const [sortField, direction] of [
      [OrderSortField.CREATED_AT, SortDirection.DESC],
      [OrderSortField.DUE_AT, SortDirection.ASC],
    ] as const)
      it(`reads the operator's ${tray} tray sorted by ${sortField} ${direction} and its totalCount without a sequential scan of attention_order`, async () => {
        expect(await plansOfList(staff(), tray, sortField, direction)).toEqual([]);
      });

  it("reads a partner's own order list and its totalCount without a sequential scan of attention_order", async () => {
    expect(await plansOfList(partner(), null, OrderSortField.CREATED_AT, SortDirection.DESC)).toEqual([]);
  });
});
