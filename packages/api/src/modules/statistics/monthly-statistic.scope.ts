import { partnerOrStaff } from "../../platform/scoping/scope.js";
import type { Hooks } from "../../platform/composition/hooks.js";

export function registerMonthlyStatisticScopes(hooks: Hooks): void {
  // A partner sees its own organisation's figures; staff but visitors see all (aggregates).
  hooks.defineScope(
    "MonthlyStatistic",
    partnerOrStaff((p) => ({ organization: p.organizationId }), { BILLING: () => "ALL", REVIEWER: () => "ALL" }),
  );
}
