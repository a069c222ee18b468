import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_ROOTS } from "../../platform/read-compiler/definition.js";
import { countedRowsSql, isoText } from "../../platform/read-compiler/sql-root.js";
import { sql } from "../../platform/read-compiler/sql.js";
import type { SqlPart } from "../../platform/scoping/scope.js";
import { TRAY_COUNT_FIELDS, type OrderFilter, type OrderTray } from "./order.inputs.js";
import { orderSearchFor, orderWhere } from "./order.where.js";
import { AWAITING_REPORTS } from "./report-inbox.resolver.js";

/**
 * The console's counters on the compiled read path, each a column of the one statement:
 * `orderTrayCounts` (one count per selected tray, with the tray rule TRAY_STATUSES through
 * orderWhere, TRAY_COUNT_FIELDS naming each field's tray) and `reportInbox`
 * (REPORT_INBOX_RULE through AWAITING_REPORTS and OrderFilter.reportsAwaiting). Every count
 * is the rows `em.count` counts on the ORM path: the scope rules of the entity and of the
 * relations its condition joins.
 */
export function registerOrderCountReads(hooks: Hooks): void {
  hooks.add(READ_ROOTS, {
    field: "orderTrayCounts",
    kind: "sql",
    type: "OrderTrayCounts",
    compile: async ({ em, args, alias }, fields) => {
      const filter = (args.filter ?? null) as OrderFilter | null;
      const cases = await orderSearchFor(em, filter);
      const now = new Date();
      const out: Record<string, SqlPart> = {};
      for (const field of fields) {
        const tray = (TRAY_COUNT_FIELDS as Record<string, OrderTray | undefined>)[field];
        if (!tray) continue;
        const rows = await countedRowsSql(em, "Order", alias("t"), orderWhere({ ...filter, tray }, now, cases));
        out[field] = sql`(select count(distinct c.id)::int from (${rows}) as c)`;
      }
      return out;
    },
  });
  hooks.add(READ_ROOTS, {
    field: "reportInbox",
    kind: "sql",
    type: "ReportInbox",
    compile: async ({ em, alias }, fields) => {
      const out: Record<string, SqlPart> = {};
      if (fields.includes("awaiting")) {
        const rows = await countedRowsSql(em, "Report", alias("t"), AWAITING_REPORTS);
        out.awaiting = sql`(select count(distinct c.id)::int from (${rows}) as c)`;
      }
      if (fields.includes("orders")) {
        const rows = await countedRowsSql(em, "Order", alias("t"), orderWhere({ reportsAwaiting: true }));
        out.orders = sql`(select count(distinct c.id)::int from (${rows}) as c)`;
      }
      if (fields.includes("oldestAt")) {
        const a = alias("t");
        const rows = await countedRowsSql(em, "Report", a, AWAITING_REPORTS, ["id", "created_at"]);
        out.oldestAt = sql`(select ${isoText("min(c.created_at)")} from (${rows}) as c)`;
      }
      return out;
    },
  });
}
