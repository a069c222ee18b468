import { defineScope } from "../../platform/scoping/scope.js";

// A partner sees its own organisation's figures; staff see all.
defineScope("MonthlyStatistic", (p) =>
  p.kind === "PARTNER" ? { organization: p.organizationId } : p.kind === "STAFF" ? "ALL" : "NONE",
);
