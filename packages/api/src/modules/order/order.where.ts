import { raw, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { SqlPart } from "../../platform/scoping/scope.js";
import { visibleIdsSql } from "../../platform/scoping/visible-ids.js";
import { Case } from "../case/case.entity.js";
import { likePattern, patientIn, patientsNamed } from "../case/case.where.js";
import { type Order } from "./order.entity.js";
import { ORDER_DEADLINES } from "./order.deadlines.js";
import { TRAY_STATUSES, type OrderFilter } from "./order.inputs.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";
import { awaitingSql } from "./report-inbox.rule.js";

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

/**
 * The cases a search matches (their number, or their patient's name), among the cases and
 * patients the EntityManager's principal may see (their scope rules): resolved once per
 * request, before the where-clause is built. Null without a search.
 */
export async function orderSearchFor(em: EntityManager, filter?: OrderFilter | null): Promise<SqlPart | null> {
  const text = filter?.search?.trim();
  if (!text) return null;
  const patients = await patientsNamed(em, text);
  return visibleIdsSql(em, Case, {
    $or: [{ number: { $ilike: likePattern(text) } }, patientIn((a) => `${a}.patient_id`, patients)],
  } as FilterQuery<Case>);
}

/** `cases`: orderSearchFor's answer, required when the filter has a search. */
export function orderWhere(
  filter: OrderFilter | null | undefined,
  now = new Date(),
  cases: SqlPart | null = null,
): FilterQuery<Order> {
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
  if (filter?.reportsAwaiting != null) {
    const exists = (a: string) =>
      `(${filter.reportsAwaiting ? "" : "not "}exists (select 1 from order_report r where r.order_id = ${a}.id and ${awaitingSql("r", a)}))`;
    and.push({ [raw(exists)]: true });
  }
  if (filter?.issuedFrom) and.push({ createdAt: { $gte: filter.issuedFrom } });
  if (filter?.issuedTo) and.push({ createdAt: { $lt: filter.issuedTo } });
  if (filter?.serviceCode)
    and.push({
      [raw((a: string) => `(${a}.requested_codes @> ?::jsonb)`, [JSON.stringify([filter.serviceCode])])]: true,
    });
  if (filter?.search?.trim()) {
    if (!cases) throw new Error("orderWhere: a search needs orderSearchFor's cases");
    and.push({ $or: [{ number: { $ilike: likePattern(filter.search) } }, caseIdIn(cases.sql, cases.params)] });
  }
  return (and.length ? { $and: and } : {}) as FilterQuery<Order>;
}
