import { Entity, Index, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { ActorStampedEntity } from "./actor-stamped.entity.js";
import { EntityTypeEnum, type EntityType } from "./entity-type.js";
import { WorkflowEvent, WorkflowStatus } from "../state-machine/vocabulary.js";

@ObjectType({ description: "One transition of a stateful entity, written in the same transaction as the change." })
@Entity({ tableName: "status_change" })
@Index({ properties: ["entityType", "entityId", "createdAt"] })
export class StatusChange extends ActorStampedEntity {
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

  @Field(() => String, { nullable: true, description: "The reason's code, where the event takes coded reasons." })
  @Property({ type: "text", nullable: true })
  reasonCode?: string | null;

  @Field(() => String, { nullable: true, description: "Invoice or payment reference, where the event needs one." })
  @Property({ type: "text", nullable: true })
  reference?: string | null;
}
