/**
 * The row-scoping table (SPEC §1): which rows of each entity a principal may see.
 * Staff and the system see everything unless a rule narrows it; partners see only rows
 * that belong to their organisation. Entities not listed are staff-only.
 */
import { defineScope } from "../platform/scoping/scope.js";

const partnerOrg = (p: { kind: string; organizationId?: string }) => (p.kind === "PARTNER" ? p.organizationId! : null);

// The organisation directory is public to signed-in principals: partners need the names
// of the operator, hospitals and providers on their own rows.
defineScope("Organization", () => "ALL");
defineScope("ServiceCode", () => "ALL");
defineScope("WorkCalendar", () => "ALL");

defineScope("ApiKey", (p) => {
  const org = partnerOrg(p);
  return org ? { organization: org } : p.kind === "STAFF" ? "ALL" : "NONE";
});

defineScope("Notification", (p) => {
  const org = partnerOrg(p);
  return org ? { organizationId: org } : p.kind === "STAFF" ? "ALL" : "NONE";
});
