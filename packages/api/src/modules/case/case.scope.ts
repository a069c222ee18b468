import { raw } from "@mikro-orm/core";
import { defineScope } from "../../platform/scoping/scope.js";

/**
 * A source of case ids a partner organisation may see besides the cases it registered or
 * that sit at its hospital: `sql` is a subquery returning case ids, with `?` placeholders
 * filled from `params(orgId)`. Modules push their own (the claim module adds "cases with
 * a claim the agency registered") so the case module imports none of them.
 */
export interface CaseVisibilitySource {
  sql: string;
  params: (orgId: string) => unknown[];
}

export const caseVisibilitySources: CaseVisibilitySource[] = [
  // Providers see the cases of the orders addressed to them.
  { sql: "select o.case_id from attention_order o where o.provider_id = ?", params: (org) => [org] },
];

/** SQL condition on a case id column: "that case is visible to this organisation through a source". */
export function caseVisibleThroughSources(caseIdColumn: string, orgId: string): { sql: string; params: unknown[] } {
  const sql = caseVisibilitySources.map((s) => s.sql).join(" union all ");
  const params = caseVisibilitySources.flatMap((s) => s.params(orgId));
  return { sql: `(${caseIdColumn} in (${sql}))`, params };
}

/** The same condition as a MikroORM where-clause key, usable on any entity's case column. */
export function caseVisibleCondition(column: (alias: string) => string, orgId: string): Record<string, unknown> {
  const { params } = caseVisibleThroughSources("", orgId);
  return { [raw((alias: string) => caseVisibleThroughSources(column(alias), orgId).sql, params)]: true };
}

defineScope("Case", (p) => {
  if (p.kind !== "PARTNER") return p.kind === "STAFF" ? "ALL" : "NONE";
  const org = p.organizationId;
  return {
    $or: [{ registeredBy: org }, { hospital: org }, caseVisibleCondition((alias) => `${alias}.id`, org)],
  };
});
