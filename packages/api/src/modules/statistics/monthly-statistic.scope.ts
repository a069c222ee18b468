import { defineScope, partnerOrStaff } from "../../platform/scoping/scope.js";

// A partner sees its own organisation's figures; staff but visitors see all (aggregates).
defineScope(
  "MonthlyStatistic",
  partnerOrStaff((p) => ({ organization: p.organizationId }), { BILLING: () => "ALL", REVIEWER: () => "ALL" }),
);
