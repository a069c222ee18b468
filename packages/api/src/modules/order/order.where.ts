import { raw, type FilterQuery } from "@mikro-orm/core";
import { likePattern } from "../case/case.where.js";
import { type Order } from "./order.entity.js";
import { ORDER_DEADLINES } from "./order.deadlines.js";
import { TRAY_STATUSES, type OrderFilter } from "./order.inputs.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

/** The ORDER_DEADLINES rule in SQL: the deadline of the current status has passed (or not). */
function overdueCondition(overdue: boolean, now: Date): Record<string, unknown> {
  const passed = ORDER_DEADLINES.map((d) => ({ status: d.status, [d.field]: { $lt: now } }));
  if (overdue) return { $or: passed };
  return {
    $or: [
      { status: { $nin: ORDER_DEADLINES.map((d) => d.status) } },
      ...ORDER_DEADLINES.map((d) => ({ status: d.status, [d.field]: { $gte: now } })),
    ],
  };
}

// Subqueries on case/patient rather than joins: the order's own scope has already
// decided visibility, and joins would drag the case and patient scopes in.
const caseIdIn = (sql: string, params: unknown[]) => ({
  [raw((a: string) => `(${a}.case_id in (${sql}))`, params)]: true,
});

export function orderWhere(filter: OrderFilter | null | undefined, now = new Date()): FilterQuery<Order> {
  const and: Record<string, unknown>[] = [];
  const ids = idsCondition(filter?.ids);
  if (ids) and.push(ids);
  if (filter?.tray) and.push({ status: { $in: TRAY_STATUSES[filter.tray] } });
  if (filter?.status?.length) and.push({ status: { $in: filter.status } });
  if (filter?.providerId) and.push({ provider: filter.providerId });
  if (filter?.caseId) and.push({ case: filter.caseId });
  if (filter?.patientId)
    and.push(caseIdIn("select c.id from medical_case c where c.patient_id = ?", [filter.patientId]));
  if (filter?.specialty) and.push({ specialty: filter.specialty.trim().toLowerCase() });
  if (filter?.overdue != null) and.push(overdueCondition(filter.overdue, now));
  if (filter?.issuedFrom) and.push({ createdAt: { $gte: filter.issuedFrom } });
  if (filter?.issuedTo) and.push({ createdAt: { $lt: filter.issuedTo } });
  if (filter?.search?.trim()) {
    const like = likePattern(filter.search);
    and.push({
      $or: [
        { number: { $ilike: like } },
        caseIdIn(
          `select c.id from medical_case c join patient p on p.id = c.patient_id
            where (p.first_name || ' ' || p.last_name) ilike ? or c.number ilike ?`,
          [like, like],
        ),
      ],
    });
  }
  return (and.length ? { $and: and } : {}) as FilterQuery<Order>;
}
