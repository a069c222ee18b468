import { raw } from "@mikro-orm/core";
import { ExtensionPoint } from "../../platform/composition/extension-point.js";
import type { Hooks } from "../../platform/composition/hooks.js";
import {
  partnerOrStaff,
  staffSourcePoints,
  staffSourcesIn,
  staffThrough,
  visibleThrough,
  type ScopeMode,
  type SqlPart,
  type VisibilitySource,
} from "../../platform/scoping/scope.js";

/**
 * The ways a partner organisation sees a case besides registering it or being its hospital.
 * Modules add their own in register (the claim module adds "cases with a claim the agency
 * registered") so the case module imports none of them.
 */
export type CaseVisibilitySource = VisibilitySource;
export const caseVisibility = new ExtensionPoint<CaseVisibilitySource>("case visible to a partner");

/** SQL condition on a case id column: "that case is visible to this organisation through a source". */
export function caseVisibleThroughSources(
  hooks: Hooks,
  caseIdColumn: string,
  orgId: string,
  mode: ScopeMode = "list",
): SqlPart {
  return visibleThrough(hooks.list(caseVisibility), caseIdColumn, orgId, mode);
}

/** The same condition as a MikroORM where-clause key, usable on any entity's case column. */
function caseVisibleCondition(
  hooks: Hooks,
  column: (alias: string) => string,
  orgId: string,
  mode: ScopeMode = "list",
): Record<string, unknown> {
  const { params } = caseVisibleThroughSources(hooks, "", orgId, mode);
  return { [raw((alias: string) => caseVisibleThroughSources(hooks, column(alias), orgId, mode).sql, params)]: [] };
}

/**
 * The ways a VISITOR, BILLING or REVIEWER staff member sees a case: through the visits,
 * orders and claims of their remit. Each module adds its own (visit.scope, order.scope,
 * claim.scope); the `where` of a source gets the user id.
 */
export const caseStaffVisibility = staffSourcePoints("case");

export function registerCaseScopes(hooks: Hooks): void {
  // Providers see the cases of the orders addressed to them.
  hooks.add(caseVisibility, {
    from: "attention_order o",
    key: "o.case_id",
    where: (org) => ({ sql: "o.provider_id = ?", params: [org] }),
  });
  hooks.defineScope(
    "Case",
    partnerOrStaff(
      (p, mode) => {
        const org = p.organizationId;
        return {
          $or: [
            { registeredBy: org },
            { hospital: org },
            caseVisibleCondition(hooks, (alias) => `${alias}.id`, org, mode),
          ],
        };
      },
      staffThrough(staffSourcesIn(hooks, caseStaffVisibility), (alias) => `${alias}.id`),
    ),
  );
}
