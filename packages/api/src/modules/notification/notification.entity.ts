import { Entity, Enum, Index, Property } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { Language } from "../../platform/validation/language.js";
import { EntityTypeEnum, type EntityType } from "../../platform/audit/entity-type.js";

export enum NotificationChannel {
  SMS = "SMS",
  EMAIL = "EMAIL",
}
registerEnumType(NotificationChannel, {
  name: "NotificationChannel",
  description: "How a message is delivered.",
  valuesConfig: { SMS: { description: "Text message." }, EMAIL: { description: "E-mail." } },
});

export enum NotificationStatus {
  QUEUED = "QUEUED",
  SENDING = "SENDING",
  SENT = "SENT",
  FAILED = "FAILED",
  SKIPPED = "SKIPPED",
}
registerEnumType(NotificationStatus, {
  name: "NotificationStatus",
  description: "Outbox status of a message.",
  valuesConfig: {
    QUEUED: { description: "Waiting to be sent." },
    SENDING: { description: "Handed to the gateway; the outcome is not recorded yet." },
    SENT: { description: "Accepted by the gateway." },
    FAILED: { description: "Failed permanently (or out of retries)." },
    SKIPPED: { description: "Not sent on purpose (no consent, target cancelled or moved)." },
  },
});

/**
 * The outbox: every SMS and e-mail is first a row here, written in the same transaction
 * as the change that caused it, then sent by a worker. The unique dedupe key makes a
 * message impossible to queue twice.
 */
@ObjectType({ description: "An SMS or e-mail in the outbox." })
@Entity({ tableName: "notification" })
@Index({ properties: ["status", "sendAfter"] })
@Index({ properties: ["relatedType", "relatedId"] })
export class Notification extends VersionedEntity<"language" | "status" | "attempts" | "sendAfter" | "traceparent"> {
  @Field(() => NotificationChannel, { description: "SMS or EMAIL." })
  @Enum({ items: () => NotificationChannel, nativeEnumName: "notification_channel" })
  channel!: NotificationChannel;

  @Field({ description: "Phone (E.164) or e-mail address." })
  @Property({ type: "text" })
  recipient!: string;

  @Field({ description: "Template name, e.g. appointment-reminder, visit-assigned, order-rejected." })
  @Property({ type: "text" })
  template!: string;

  @Field(() => Language, { description: "Language of the message." })
  @Property({ type: "text" })
  language: string = "es";

  @Field(() => String, { nullable: true, description: "E-mail subject." })
  @Property({ type: "text", nullable: true })
  subject?: string | null;

  @Field({ description: "Rendered message text." })
  @Property({ type: "text" })
  body!: string;

  @Field({ description: "Unique key that makes the message impossible to queue twice." })
  @Property({ type: "text", unique: true })
  dedupeKey!: string;

  @Field(() => NotificationStatus, { description: "Outbox status." })
  @Enum({ items: () => NotificationStatus, nativeEnumName: "notification_status" })
  status: NotificationStatus = NotificationStatus.QUEUED;

  @Field(() => Int, { description: "Gateway attempts so far." })
  @Property({ type: "integer" })
  attempts: number = 0;

  @Field(() => String, { nullable: true, description: "Last error or skip reason." })
  @Property({ type: "text", nullable: true })
  lastError?: string | null;

  @Field(() => String, { nullable: true, description: "The gateway's message id." })
  @Property({ type: "text", nullable: true })
  providerMessageId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Organisation the message concerns (scoping, quiet-hours time zone).",
  })
  @Property({ type: "uuid", nullable: true })
  @Index()
  organizationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Patient recipient, when the message goes to a patient (consent).",
  })
  @Property({ type: "uuid", nullable: true })
  patientId?: string | null;

  @Field(() => EntityTypeEnum, {
    nullable: true,
    description: "Type of the row the message is about: Visit, Order, Claim, Patient.",
  })
  @Property({ type: "text", nullable: true })
  relatedType?: EntityType | null;

  @Field(() => ID, { nullable: true, description: "Id of that row." })
  @Property({ type: "uuid", nullable: true })
  relatedId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The recipient's IANA time zone, whose quiet hours (21:00–08:00) hold an SMS; null = the organisation's zone.",
  })
  @Property({ type: "text", nullable: true })
  recipientTimeZone?: string | null;

  @Field(() => DateTimeResolver, { description: "Not before this time (quiet hours defer it)." })
  @Property({ type: "timestamptz" })
  sendAfter: Date = new Date();

  @Field(() => DateTimeResolver, { nullable: true, description: "When the gateway accepted it." })
  @Property({ type: "timestamptz", nullable: true })
  sentAt?: Date | null;

  /**
   * The W3C traceparent of the request (or job) that queued the message, null when
   * untraced: the outbox breaks the call chain, so the worker's send continues the trace
   * from here, as a webhook delivery does (WebhookEvent.traceparent).
   */
  @Property({ type: "text", nullable: true })
  traceparent: string | null = null;
}
