import { defineScope, type ScopeCondition } from "../../platform/scoping/scope.js";
import type { Principal } from "../../platform/auth/principal.js";

/** A partner sees its own endpoints, events and deliveries; staff see all of them. */
function own(p: Principal, cond: (org: string) => Record<string, unknown>): ScopeCondition {
  if (p.kind === "PARTNER") return cond(p.organizationId);
  return p.kind === "STAFF" ? "ALL" : "NONE";
}

defineScope("WebhookEndpoint", (p) => own(p, (org) => ({ organization: org })));
defineScope("WebhookEvent", (p) => own(p, (org) => ({ organization: org })));
defineScope("WebhookDelivery", (p) => own(p, (org) => ({ endpoint: { organization: org } })));
