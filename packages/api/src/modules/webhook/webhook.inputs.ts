import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook.enums.js";

@InputType({ description: "A new webhook endpoint." })
export class CreateWebhookEndpointInput {
  @Field({ description: "Where to POST events: https://… (http only outside production)." })
  url!: string;
  @Field(() => [WebhookEventType], { description: "The events to receive (at least one)." })
  events!: WebhookEventType[];
  @Field(() => String, { nullable: true, description: "Free text to tell endpoints apart." })
  description?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Staff only: the partner organisation the endpoint belongs to. Partners omit it.",
  })
  organizationId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Makes a retried create return the first result (without the secret).",
  })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to an endpoint; omitted fields stay as they are." })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: "Endpoint id." })
  id!: string;
  @Field(() => Int, { description: "The version you read (optimistic locking)." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "New URL." })
  url?: string | null;
  @Field(() => [WebhookEventType], { nullable: true, description: "New event list (replaces the old one)." })
  events?: WebhookEventType[] | null;
  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "false pauses deliveries; true re-enables a disabled endpoint.",
  })
  active?: boolean | null;
}

@InputType({ description: "Identifies one endpoint." })
export class WebhookEndpointRefInput {
  @Field(() => ID, { description: "Endpoint id." })
  id!: string;
}

@InputType({ description: "Sends a delivery again, with the same event id." })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: "The delivery to send again." })
  deliveryId!: string;
}

@InputType({ description: "Filters for the delivery log." })
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true, description: "Only deliveries to this endpoint." })
  endpointId?: string | null;
  @Field(() => [WebhookDeliveryStatus], { nullable: true, description: "Only these statuses." })
  status?: WebhookDeliveryStatus[] | null;
  @Field(() => [WebhookEventType], { nullable: true, description: "Only these event types." })
  eventType?: WebhookEventType[] | null;
  @Field(() => ID, { nullable: true, description: "Only events about this object (order, claim or visit id)." })
  objectId?: string | null;
}

export enum WebhookDeliverySortField {
  CREATED_AT = "createdAt",
}
registerEnumType(WebhookDeliverySortField, {
  name: "WebhookDeliverySortField",
  description: "Sortable delivery fields.",
  valuesConfig: { CREATED_AT: { description: "By creation time." } },
});
export const WebhookDeliveryOrder = OrderByInput(
  "WebhookDeliveryOrder",
  WebhookDeliverySortField,
  WebhookDeliverySortField.CREATED_AT,
);
