import { ArrayType, Entity, Enum, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { DateTimeResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import { BaseEntity, VersionedEntity } from "../../platform/db/base.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook.enums.js";

@ObjectType({ description: "A partner's HTTPS endpoint that receives signed event notifications." })
@Entity({ tableName: "webhook_endpoint" })
@Index({ properties: ["organization", "active"] })
export class WebhookEndpoint extends VersionedEntity<
  "active" | "consecutiveFailureSince" | "disabledAt" | "description"
> {
  @ManyToOne(() => Organization, { deleteRule: "cascade" })
  organization!: Organization;

  @Field({ description: "Where events are POSTed (HTTPS in production)." })
  @Property({ type: "text" })
  url!: string;

  @Field(() => [WebhookEventType], { description: "The events this endpoint receives." })
  @Property({ type: ArrayType })
  events!: WebhookEventType[];

  @Field(() => String, { nullable: true, description: "Free text to tell endpoints apart." })
  @Property({ type: "text", nullable: true })
  description: string | null = null;

  /** The signing secret, encrypted with the field cipher; shown to the partner once. */
  @Property({ type: "text", hidden: true, lazy: true })
  secretEnc!: string;

  @Field({ description: "Inactive endpoints receive nothing; one is deactivated after a day of consecutive failures." })
  @Property({ type: "boolean" })
  active: boolean = true;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Start of the current run of failed attempts; null after a success.",
  })
  @Property({ type: "timestamptz", nullable: true })
  consecutiveFailureSince: Date | null = null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the endpoint was disabled for failing; updateWebhookEndpoint(active: true) re-enables it.",
  })
  @Property({ type: "timestamptz", nullable: true })
  disabledAt: Date | null = null;
}

/**
 * The outbox of partner events: one row per event, written in the transaction of the
 * status change it reports, fanned out to the matching endpoints by the workers.
 */
@Entity({ tableName: "webhook_event" })
@Index({ properties: ["fannedOutAt", "occurredAt"] })
export class WebhookEvent extends BaseEntity<"fannedOutAt" | "traceparent"> {
  @Property({ type: "text" })
  type!: WebhookEventType;

  @Property({ type: "timestamptz" })
  occurredAt!: Date;

  /** The partner the event concerns; only its endpoints receive it. */
  @ManyToOne(() => Organization, { deleteRule: "cascade" })
  organization!: Organization;

  @Property({ type: "text" })
  objectType!: string;

  @Property({ type: "uuid" })
  objectId!: string;

  @Property({ type: "text" })
  objectStatus!: string;

  @Property({ type: "integer" })
  objectVersion!: number;

  @Property({ type: "timestamptz", nullable: true })
  fannedOutAt: Date | null = null;

  /**
   * The W3C traceparent of the request that wrote the row (null when untraced): the outbox
   * breaks the call chain, so the worker's delivery span continues the trace from here.
   */
  @Property({ type: "text", nullable: true })
  traceparent: string | null = null;
}

@ObjectType({ description: "One event sent (or to be sent) to one endpoint: the delivery log." })
@Entity({ tableName: "webhook_delivery" })
@Unique({ properties: ["event", "endpoint"] })
@Index({ properties: ["status", "nextAttemptAt"] })
export class WebhookDelivery extends VersionedEntity<
  "status" | "attempts" | "lastStatusCode" | "lastError" | "deliveredAt"
> {
  @ManyToOne(() => WebhookEvent, { deleteRule: "cascade" })
  event!: WebhookEvent;

  @ManyToOne(() => WebhookEndpoint, { deleteRule: "cascade" })
  endpoint!: WebhookEndpoint;

  @Field(() => WebhookDeliveryStatus, { description: "Delivery status." })
  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: "webhook_delivery_status" })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: "Attempts made so far." })
  @Property({ type: "integer" })
  attempts: number = 0;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the next attempt is due (PENDING only)." })
  @Property({ type: "timestamptz", nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "HTTP status of the last attempt; null when it got no answer." })
  @Property({ type: "integer", nullable: true })
  lastStatusCode: number | null = null;

  @Field(() => String, {
    nullable: true,
    description: "Why the last attempt failed (timeout, connection refused, HTTP 500…).",
  })
  @Property({ type: "text", nullable: true })
  lastError: string | null = null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the endpoint accepted it with a 2xx." })
  @Property({ type: "timestamptz", nullable: true })
  deliveredAt: Date | null = null;
}
