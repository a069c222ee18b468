/**
 * Branch confinement (SPEC §8 "Branches"), in one declaration for every entity: a staff
 * session that works in a branch (principal.branchId) sees, of each kind of row, only those
 * of that branch, on top of what its roles let it see; head office (no branchId) is not
 * confined, and a member of several branches who has not chosen one sees none.
 *
 * A row's branch is its case's (Case.branch: the branch it was registered in or moved to):
 * orders, claims, documents and a visit with a case follow it; an appointment without a
 * case follows its site's coverage branch. Children follow their parent. A file follows
 * the report or document that holds it (or is the caller's own upload). Figures follow the
 * organisation's coverage branch.
 */
import type { Hooks } from "../../platform/composition/hooks.js";
import type { Principal } from "../../platform/auth/principal.js";
import { rawWhere, type ScopeCondition, type ScopeRule } from "../../platform/scoping/scope.js";

/** SQL on a case-id column: the case is in branch `?`. */
const caseIn = (caseId: string) =>
  `exists (select 1 from medical_case bc where bc.id = ${caseId} and bc.branch_id = ?)`;

/** SQL on a visit alias (params: branch, branch). */
export const VISIT_IN_BRANCH = (v: string) =>
  `(${caseIn(`${v}.case_id`)} or (${v}.case_id is null and exists (select 1 from organization bs
    where bs.id = ${v}.site_id and bs.branch_id = ?)))`;

/** Per entity, the SQL on its alias that puts a row in branch `?` and how many times it binds the branch. */
const ROWS_IN_BRANCH: Record<string, { sql: (a: string) => string; binds: number }> = {
  Case: { sql: (a) => `${a}.branch_id = ?`, binds: 1 },
  Order: { sql: (a) => caseIn(`${a}.case_id`), binds: 1 },
  Report: {
    sql: (a) => `exists (select 1 from attention_order bo where bo.id = ${a}.order_id and ${caseIn("bo.case_id")})`,
    binds: 1,
  },
  Claim: { sql: (a) => caseIn(`${a}.case_id`), binds: 1 },
  ClaimLine: {
    sql: (a) => `exists (select 1 from claim bcl where bcl.id = ${a}.claim_id and ${caseIn("bcl.case_id")})`,
    binds: 1,
  },
  Payment: {
    sql: (a) => `exists (select 1 from claim bcl where bcl.id = ${a}.claim_id and ${caseIn("bcl.case_id")})`,
    binds: 1,
  },
  Visit: { sql: (a) => VISIT_IN_BRANCH(a), binds: 2 },
  VisitLiabilityLink: {
    sql: (a) => `exists (select 1 from visit bv where bv.id = ${a}.visit_id and ${VISIT_IN_BRANCH("bv")})`,
    binds: 2,
  },
  Document: {
    sql: (a) =>
      `(${caseIn(`${a}.case_id`)} or (${a}.case_id is null and exists (select 1 from visit bv
        where bv.id = ${a}.visit_id and ${VISIT_IN_BRANCH("bv")})))`,
    binds: 3,
  },
  MonthlyStatistic: {
    sql: (a) => `exists (select 1 from organization bo where bo.id = ${a}.organization_id and bo.branch_id = ?)`,
    binds: 1,
  },
};

/** The entities a branch session is confined in (tests walk every one of them). */
export const BRANCH_CONFINED_ENTITIES = [...Object.keys(ROWS_IN_BRANCH), "StoredFile"];

function confined(p: Principal, inBranch: (branchId: string, userId: string) => ScopeCondition): ScopeCondition {
  if (p.kind !== "STAFF" || p.branchId === undefined) return "ALL";
  if (p.branchId === null) return "NONE";
  return inBranch(p.branchId, p.userId);
}

export function registerBranchScopes(hooks: Hooks): void {
  for (const [entity, { sql, binds }] of Object.entries(ROWS_IN_BRANCH)) {
    const rule: ScopeRule = (p) => confined(p, (b) => rawWhere(sql, Array<string>(binds).fill(b)));
    hooks.refineScope(entity, rule);
  }
  // A file: the caller's own upload, or held by a report or a document of the branch.
  hooks.refineScope("StoredFile", (p) =>
    confined(p, (b, userId) =>
      rawWhere(
        (a) => `(${a}.uploaded_by_id = ?
          or exists (select 1 from order_report br join attention_order bo on bo.id = br.order_id
                      where br.file_id = ${a}.id and ${caseIn("bo.case_id")})
          or exists (select 1 from document bd where bd.file_id = ${a}.id and ${ROWS_IN_BRANCH.Document!.sql("bd")}))`,
        [userId, b, b, b, b],
      ),
    ),
  );
  // Branches are names on rows (a case's, a partner's coverage): every signed-in principal reads them.
  hooks.defineScope("Branch", (p) => (p.kind === "ANONYMOUS" ? "NONE" : "ALL"));
}
