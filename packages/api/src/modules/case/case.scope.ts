import { raw } from "@mikro-orm/core";
import {
  defineScope,
  partnerOrStaff,
  staffSources,
  staffThrough,
  visibleThrough,
  type ScopeMode,
  type SqlPart,
  type VisibilitySource,
} from "../../platform/scoping/scope.js";

/**
 * The ways a partner organisation sees a case besides registering it or being its hospital.
 * Modules push their own (the claim module adds "cases with a claim the agency registered")
 * so the case module imports none of them.
 */
export type CaseVisibilitySource = VisibilitySource;

export const caseVisibilitySources: CaseVisibilitySource[] = [
  // Providers see the cases of the orders addressed to them.
  { from: "attention_order o", key: "o.case_id", where: (org) => ({ sql: "o.provider_id = ?", params: [org] }) },
];

/** SQL condition on a case id column: "that case is visible to this organisation through a source". */
export function caseVisibleThroughSources(caseIdColumn: string, orgId: string, mode: ScopeMode = "list"): SqlPart {
  return visibleThrough(caseVisibilitySources, caseIdColumn, orgId, mode);
}

/** The same condition as a MikroORM where-clause key, usable on any entity's case column. */
export function caseVisibleCondition(
  column: (alias: string) => string,
  orgId: string,
  mode: ScopeMode = "list",
): Record<string, unknown> {
  const { params } = caseVisibleThroughSources("", orgId, mode);
  return { [raw((alias: string) => caseVisibleThroughSources(column(alias), orgId, mode).sql, params)]: [] };
}

/**
 * The ways a VISITOR, BILLING or REVIEWER staff member sees a case: through the visits,
 * orders and claims of their remit. Each module pushes its own (visit.scope, order.scope,
 * claim.scope); the `where` of a source gets the user id.
 */
export const caseStaffSources = staffSources();

defineScope(
  "Case",
  partnerOrStaff(
    (p, mode) => {
      const org = p.organizationId;
      return {
        $or: [{ registeredBy: org }, { hospital: org }, caseVisibleCondition((alias) => `${alias}.id`, org, mode)],
      };
    },
    staffThrough(caseStaffSources, (alias) => `${alias}.id`),
  ),
);
