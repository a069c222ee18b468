import { partnerOrStaff } from "../../platform/scoping/scope.js";
import type { Hooks } from "../../platform/composition/hooks.js";

export function registerWebhookScopes(hooks: Hooks): void {
  /** A partner sees its own endpoints, events and deliveries; ADMIN and OPERATOR all of them. */
  hooks.defineScope(
    "WebhookEndpoint",
    partnerOrStaff((p) => ({ organization: p.organizationId }), {}),
  );
  hooks.defineScope(
    "WebhookEvent",
    partnerOrStaff((p) => ({ organization: p.organizationId }), {}),
  );
  hooks.defineScope(
    "WebhookDelivery",
    partnerOrStaff((p) => ({ endpoint: { organization: p.organizationId } }), {}),
  );
}
