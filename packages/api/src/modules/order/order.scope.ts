import { raw } from "@mikro-orm/core";
import { defineScope, type ScopeCondition } from "../../platform/scoping/scope.js";
import type { Principal } from "../../platform/auth/principal.js";

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

function partnerScope(p: Principal, cond: (org: string) => Record<string, unknown>): ScopeCondition {
  if (p.kind === "PARTNER") return cond(p.organizationId);
  return p.kind === "STAFF" ? "ALL" : "NONE";
}

// Written as an $or of column conditions: a raw key would be compared `= true`, which
// hides the OR from the planner and loses the BitmapOr.
defineScope("Order", (p) =>
  partnerScope(p, (org) => ({
    $or: [{ provider: org }, { case: { $eq: raw(`any(${PARTNER_CASE_IDS})`, [org, org]) } }],
  })),
);

// In probe mode (a loader batch of reports by order) one order lookup per report replaces
// the partner's whole visible-order set.
defineScope("Report", (p, mode) =>
  partnerScope(p, (org) => ({
    [raw(
      (a: string) =>
        mode === "probe"
          ? `exists (select 1 from attention_order o where o.id = ${a}.order_id and ${visibleOrders("o")})`
          : `(${a}.order_id in (${VISIBLE_ORDER_IDS}))`,
      visibleOrderParams(org),
    )]: true,
  })),
);

defineScope("StoredFile", (p) =>
  partnerScope(p, (org) => ({
    $or: [
      { uploadedByOrganizationId: org },
      {
        [raw(
          (a: string) =>
            `(${a}.id in (select r.file_id from order_report r where r.order_id in (${VISIBLE_ORDER_IDS})))`,
          visibleOrderParams(org),
        )]: true,
      },
    ],
  })),
);

// Partners fill forms against these, so every signed-in principal may read them.
defineScope("FormTemplate", (p) => (p.kind === "ANONYMOUS" ? "NONE" : "ALL"));
