import type { DomainModule } from "../../platform/composition/module.js";
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from "./webhook.entities.js";
import { recordWebhookEvent } from "./webhook.events.js";
import { WebhookDeliveryResolver, WebhookEndpointResolver } from "./webhook.resolver.js";
import { registerWebhookScopes } from "./webhook.scope.js";
import { registerWebhookReads } from "./webhook.read.js";

/** Partner webhooks: endpoints, events written with each status change, deliveries (sent by packages/jobs). */
export const webhookModule: DomainModule = {
  name: "webhook",
  entities: [WebhookEndpoint, WebhookEvent, WebhookDelivery],
  resolvers: [WebhookEndpointResolver, WebhookDeliveryResolver],
  register(hooks) {
    registerWebhookScopes(hooks);
    registerWebhookReads(hooks);
    // Every order, claim and visit status change (and creation) writes its partner event in
    // the same transaction; the workers deliver it.
    hooks.onStatusChange(recordWebhookEvent);
  },
};
