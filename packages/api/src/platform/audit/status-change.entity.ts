import { Entity, Index, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { BaseEntity } from "../db/base.entity.js";
import { ActorKind } from "../auth/actor-kind.js";
import { EntityTypeEnum, type EntityType } from "./entity-type.js";
import { WorkflowEvent, WorkflowStatus } from "../state-machine/vocabulary.js";

@ObjectType({ description: "One transition of a stateful entity, written in the same transaction as the change." })
@Entity({ tableName: "status_change" })
@Index({ properties: ["entityType", "entityId", "createdAt"] })
export class StatusChange extends BaseEntity {
  @Field(() => EntityTypeEnum, { description: "Order, Visit, Claim, Case or Patient." })
  @Property({ type: "text" })
  entityType!: EntityType;

  @Field(() => ID, { description: "Id of the entity that changed." })
  @Property({ type: "uuid" })
  entityId!: string;

  @Field(() => WorkflowStatus, {
    nullable: true,
    description:
      "Status before the transition, a value of the entity's own status enum; null for the creation of the entity.",
  })
  @Property({ type: "text", nullable: true })
  fromStatus?: string | null;

  @Field(() => WorkflowStatus, { description: "Status after the transition, a value of the entity's own status enum." })
  @Property({ type: "text" })
  toStatus!: string;

  @Field(() => WorkflowEvent, {
    description: "The event fired, e.g. APPROVE; ISSUE, REGISTER or CREATE for the creation.",
  })
  @Property({ type: "text" })
  event!: string;

  @Field(() => String, { nullable: true, description: "Reason given with the transition." })
  @Property({ type: "text", nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: "Reason given with the transition." })
  @Property({ type: "text", nullable: true })
  reasonCode?: string | null;

  @Field(() => String, { nullable: true, description: "Invoice or payment reference, where the event needs one." })
  @Property({ type: "text", nullable: true })
  reference?: string | null;

  @Field(() => ActorKind, { description: "STAFF, PARTNER or SYSTEM." })
  @Property({ type: "text" })
  actorKind!: string;

  @Field(() => ID, { nullable: true, description: "The user id (staff) or API key id (partner)." })
  @Property({ type: "uuid", nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "Organisation of the actor." })
  @Property({ type: "uuid", nullable: true })
  actorOrganizationId?: string | null;
}
