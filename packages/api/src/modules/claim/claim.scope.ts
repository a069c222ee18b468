/**
 * Claim visibility (SPEC §1): a partner (agency, hospital) sees the claims it registered,
 * their lines and payments; staff and the system see all of them.
 */
import { defineScope, type ScopeCondition } from "../../platform/scoping/scope.js";
import type { Principal } from "../../platform/auth/principal.js";

function byRegisteringOrg(principal: Principal, path: (orgId: string) => Record<string, unknown>): ScopeCondition {
  if (principal.kind === "PARTNER") return path(principal.organizationId);
  return principal.kind === "STAFF" ? "ALL" : "NONE";
}

defineScope("Claim", (p) => byRegisteringOrg(p, (org) => ({ registeredBy: org })));
defineScope("ClaimLine", (p) => byRegisteringOrg(p, (org) => ({ claim: { registeredBy: org } })));
defineScope("Payment", (p) => byRegisteringOrg(p, (org) => ({ organization: org })));
