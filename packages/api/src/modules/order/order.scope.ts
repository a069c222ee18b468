import { raw } from "@mikro-orm/core";
import type { Hooks } from "../../platform/composition/hooks.js";
import {
  partnerOrStaff,
  rawWhere,
  ROW_ROLES,
  type RowRole,
  type ScopeCondition,
  type StaffRowRule,
} from "../../platform/scoping/scope.js";
import type { StaffPrincipal } from "../../platform/auth/principal.js";
import { caseStaffVisibility } from "../case/case.scope.js";
import { auditStaffVisibility } from "../audit/audit.scope.js";

/**
 * Partners see the orders addressed to them and, read-only, the orders of the cases they
 * registered or that sit at their hospital. Reports and files follow their order.
 */
// `case_id = any(array(subquery))` rather than `case_id in (subquery)`: inside an OR, only
// the array form is an index condition, so Postgres combines the provider and case indexes
// (BitmapOr) instead of scanning every order of the region (docs/BENCHMARKS.md).
const PARTNER_CASE_IDS = `array(select c.id from medical_case c where c.registered_by_id = ? or c.hospital_id = ?)`;
const visibleOrders = (a: string) => `(${a}.provider_id = ? or ${a}.case_id = any(${PARTNER_CASE_IDS}))`;
const VISIBLE_ORDER_IDS = `select o.id from attention_order o where ${visibleOrders("o")}`;
const visibleOrderParams = (org: string) => [org, org, org];

/**
 * Staff (SPEC §8): BILLING sees the orders where billing acts (VALIDATED_FOR_BILLING and
 * BILLED: MARK_BILLED is its transition); a REVIEWER the orders submitted for review, from
 * IN_VERIFICATION on, and those voided after reaching it; a VISITOR none. SQL on alias `o`.
 */
const STAFF_ORDERS: Partial<Record<RowRole, (o: string) => string>> = {
  BILLING: (o) => `${o}.status in ('VALIDATED_FOR_BILLING', 'BILLED')`,
  REVIEWER: (o) =>
    `(${o}.status in ('IN_VERIFICATION', 'REJECTED', 'VALIDATED_FOR_BILLING', 'BILLED') or (${o}.status = 'VOIDED'
      and exists (select 1 from status_change sc where sc.entity_type = 'Order' and sc.entity_id = ${o}.id
      and sc.to_status = 'IN_VERIFICATION')))`,
};

/** The partner rule, and per staff role a condition on the row's order (`orderId(alias)`). */
function orderScope(
  partner: (org: string, mode: "list" | "probe") => Record<string, unknown>,
  staffWhere: (role: RowRole) => (alias: string) => string,
) {
  const staff: Partial<Record<RowRole, () => ScopeCondition>> = {};
  for (const role of Object.keys(STAFF_ORDERS) as RowRole[]) staff[role] = () => rawWhere(staffWhere(role));
  return partnerOrStaff((p, mode) => partner(p.organizationId, mode), staff);
}

export function registerOrderScopes(hooks: Hooks): void {
  // Written as an $or of column conditions: a raw key would be compared `= true`, which
  // hides the OR from the planner and loses the BitmapOr.
  hooks.defineScope(
    "Order",
    orderScope(
      (org) => ({ $or: [{ provider: org }, { case: { $eq: raw(`any(${PARTNER_CASE_IDS})`, [org, org]) } }] }),
      (role) => (a) => `(${STAFF_ORDERS[role]!(a)})`,
    ),
  );

  // In probe mode (a loader batch of reports by order) one order lookup per report replaces
  // the partner's whole visible-order set.
  hooks.defineScope(
    "Report",
    orderScope(
      (org, mode) => ({
        [raw(
          (a: string) =>
            mode === "probe"
              ? `exists (select 1 from attention_order o where o.id = ${a}.order_id and ${visibleOrders("o")})`
              : `(${a}.order_id in (${VISIBLE_ORDER_IDS}))`,
          visibleOrderParams(org),
        )]: true,
      }),
      (role) => (a) =>
        `exists (select 1 from attention_order o where o.id = ${a}.order_id and ${STAFF_ORDERS[role]!("o")})`,
    ),
  );

  // Staff of a restricted role download only the report files of the orders they see and
  // the files they uploaded themselves (a visitor's photos before attachDocument files them):
  // a VISITOR no report file (GET /files/:id answers 404 as for a missing file).
  hooks.defineScope(
    "StoredFile",
    partnerOrStaff(
      (p) => ({
        $or: [
          { uploadedByOrganizationId: p.organizationId },
          {
            [raw(
              (a: string) =>
                `(${a}.id in (select r.file_id from order_report r where r.order_id in (${VISIBLE_ORDER_IDS})))`,
              visibleOrderParams(p.organizationId),
            )]: true,
          },
        ],
      }),
      storedFileStaff(),
    ),
  );

  // The cases (and through them the patients) of the orders billing and reviewers see.
  for (const role of Object.keys(STAFF_ORDERS) as RowRole[])
    hooks.add(caseStaffVisibility[role], {
      from: "attention_order o",
      key: "o.case_id",
      where: () => ({ sql: STAFF_ORDERS[role]!("o"), params: [] }),
    });

  // A reviewer reads the audit trail of the orders it reviews.
  hooks.add(auditStaffVisibility.REVIEWER, {
    from: "attention_order ao",
    key: "ao.id",
    where: () => ({ sql: STAFF_ORDERS.REVIEWER!("ao"), params: [] }),
  });

  // Partners fill forms against these, so every signed-in principal may read them.
  hooks.defineScope("FormTemplate", (p) => (p.kind === "ANONYMOUS" ? "NONE" : "ALL"));
}

function storedFileStaff(): Partial<Record<RowRole, StaffRowRule>> {
  const ownUploads = (p: StaffPrincipal) => ({ uploadedById: p.userId });
  const rules: Partial<Record<RowRole, StaffRowRule>> = {};
  for (const role of ROW_ROLES)
    rules[role] = (p) => {
      const reports = STAFF_ORDERS[role];
      if (!reports) return ownUploads(p);
      return {
        $or: [
          ownUploads(p),
          rawWhere(
            (a) => `exists (select 1 from order_report r join attention_order o on o.id = r.order_id
        where r.file_id = ${a}.id and ${reports("o")})`,
          ),
        ],
      };
    };
  return rules;
}
