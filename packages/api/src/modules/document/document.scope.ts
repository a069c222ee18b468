/**
 * Document visibility (SPEC §8 "Documents"): a document follows its owner. A claim's
 * document is seen by whoever sees the claim, a visit's by whoever sees the visit, a case's
 * own (neither claim nor visit) by whoever sees the case. The owner's rules are the claim,
 * visit and case modules' own SQL, so a document is never seen where its owner is not, by
 * id, in a list, nested, or through GET /documents/:id/file.
 */
import type { Hooks } from "../../platform/composition/hooks.js";
import {
  partnerOrStaff,
  rawWhere,
  ROW_ROLES,
  visibleThrough,
  type RowRole,
  type SqlPart,
  type StaffRowRule,
  type StaffSources,
  staffSourcesIn,
} from "../../platform/scoping/scope.js";
import { caseStaffVisibility, caseVisibleThroughSources } from "../case/case.scope.js";
import { INSURER_CLAIM, SUBMITTED_CLAIM } from "../claim/claim.scope.js";
import { BILLED_VISIT, REVIEWABLE_VISIT } from "../visit/visit.scope.js";

const ownerIs = {
  claim: (d: string, cond: string) =>
    `(${d}.claim_id is not null and exists (select 1 from claim c where c.id = ${d}.claim_id and ${cond}))`,
  visit: (d: string, cond: string) =>
    `(${d}.claim_id is null and ${d}.visit_id is not null and exists (select 1 from visit v where v.id = ${d}.visit_id and ${cond}))`,
  case: (d: string, cond: string) => `(${d}.claim_id is null and ${d}.visit_id is null and ${cond})`,
};

/** Per restricted staff role: the claims and visits whose documents it sees (SQL on `c`, `v`). */
const STAFF_OWNERS: Record<RowRole, { claim: string; visit: (userId: string) => SqlPart }> = {
  VISITOR: { claim: "false", visit: (u) => ({ sql: "v.assignee_id = ?", params: [u] }) },
  REVIEWER: { claim: SUBMITTED_CLAIM("c"), visit: () => ({ sql: REVIEWABLE_VISIT("v"), params: [] }) },
  BILLING: { claim: "true", visit: () => ({ sql: BILLED_VISIT("v"), params: [] }) },
};

/** A restricted role's documents: of its claims, of its visits, and the own documents of the cases it sees. */
function staffDocumentRules(caseStaffSources: StaffSources): Partial<Record<RowRole, StaffRowRule>> {
  const rules: Partial<Record<RowRole, StaffRowRule>> = {};
  for (const role of ROW_ROLES)
    rules[role] = (p, mode) => {
      const owners = STAFF_OWNERS[role];
      const visit = owners.visit(p.userId);
      const cases = (column: string) => visibleThrough(caseStaffSources[role], column, p.userId, mode);
      return rawWhere(
        (d) =>
          `(${ownerIs.claim(d, owners.claim)} or ${ownerIs.visit(d, visit.sql)} or ${ownerIs.case(d, cases(`${d}.case_id`).sql)})`,
        [...visit.params, ...cases("").params],
      );
    };
  return rules;
}

export function registerDocumentScopes(hooks: Hooks): void {
  const caseStaffSources = staffSourcesIn(hooks, caseStaffVisibility);
  hooks.defineScope(
    "Document",
    partnerOrStaff((p, mode) => {
      const org = p.organizationId;
      const claimCond =
        p.organizationKind === "INSURER"
          ? { sql: INSURER_CLAIM("c"), params: [org, org] }
          : { sql: "c.registered_by_id = ?", params: [org] };
      return rawWhere(
        (d) => {
          const seen = caseVisibleThroughSources(hooks, `${d}.case_id`, org, mode);
          return `(${ownerIs.claim(d, claimCond.sql)} or ${ownerIs.visit(d, "v.site_id = ?")} or ${ownerIs.case(
            d,
            `(exists (select 1 from medical_case mc where mc.id = ${d}.case_id and (mc.registered_by_id = ? or mc.hospital_id = ?)) or ${seen.sql})`,
          )})`;
        },
        [...claimCond.params, org, org, org, ...caseVisibleThroughSources(hooks, "", org, mode).params],
      );
    }, staffDocumentRules(caseStaffSources)),
  );

  // The configurable list is reference data every signed-in principal reads.
  hooks.defineScope("DocumentType", (p) => (p.kind === "ANONYMOUS" ? "NONE" : "ALL"));
}
