import { Entity, Index, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { BaseEntity } from "../db/base.entity.js";
import { ActorKind } from "../auth/actor-kind.js";
import { EntityTypeEnum, type EntityType } from "./entity-type.js";

@ObjectType({ description: "Every mutation and every read of a sensitive field leaves one of these." })
@Entity({ tableName: "audit_event" })
@Index({ properties: ["entityType", "entityId"] })
@Index({ properties: ["createdAt"] })
export class AuditEvent extends BaseEntity {
  @Field(() => ActorKind, { description: "STAFF, PARTNER, SYSTEM or ANONYMOUS." })
  @Property({ type: "text" })
  actorKind!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The user id (staff) or API key id (partner); null for the system.",
  })
  @Property({ type: "uuid", nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor's organisation." })
  @Property({ type: "uuid", nullable: true })
  actorOrganizationId?: string | null;

  @Field({ description: "e.g. order.transition.APPROVE, patient.read.nationalId, apiKey.create" })
  @Property({ type: "text" })
  action!: string;

  @Field(() => EntityTypeEnum, { description: "Type of the row acted on, e.g. Patient, Order." })
  @Property({ type: "text" })
  entityType!: EntityType;

  @Field(() => ID, { nullable: true, description: "Id of the row acted on." })
  @Property({ type: "uuid", nullable: true })
  entityId?: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "Names of the fields changed (never their sensitive values).",
  })
  @Property({ type: "jsonb", nullable: true })
  changes?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "The request id (x-request-id) of the call that did it." })
  @Property({ type: "text", nullable: true })
  requestId?: string | null;
}
