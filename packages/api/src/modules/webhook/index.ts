import type { EntityClass } from "@mikro-orm/core";
import { statusChangeListeners } from "../../platform/state-machine/engine.js";
import "./webhook.scope.js";
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from "./webhook.entities.js";
import { recordWebhookEvent } from "./webhook.events.js";
import { WebhookDeliveryResolver, WebhookEndpointResolver } from "./webhook.resolver.js";

// Every order, claim and visit status change (and creation) writes its partner event in
// the same transaction; the workers deliver it.
statusChangeListeners.push(recordWebhookEvent);

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [WebhookEndpointResolver, WebhookDeliveryResolver];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [WebhookEndpoint, WebhookEvent, WebhookDelivery];

export { WebhookEndpoint, WebhookEvent, WebhookDelivery } from "./webhook.entities.js";
export { WebhookEventType, WebhookDeliveryStatus } from "./webhook.enums.js";
export { signatureHeader, type WebhookPayload } from "./webhook.signing.js";
