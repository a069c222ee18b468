import { defineScope, partnerOrStaff } from "../../platform/scoping/scope.js";

/** A partner sees its own endpoints, events and deliveries; ADMIN and OPERATOR all of them. */
defineScope(
  "WebhookEndpoint",
  partnerOrStaff((p) => ({ organization: p.organizationId }), {}),
);
defineScope(
  "WebhookEvent",
  partnerOrStaff((p) => ({ organization: p.organizationId }), {}),
);
defineScope(
  "WebhookDelivery",
  partnerOrStaff((p) => ({ endpoint: { organization: p.organizationId } }), {}),
);
