import { Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { BaseEntity } from "../db/base.entity.js";
import { ActorKind } from "../auth/actor-kind.js";

/**
 * A row that records who did something (a status change, a findings save): the principal's
 * kind, its id and its organisation, as the request had them. The same three columns in
 * every such table, so one actor-name resolver reads them all alike.
 */
@ObjectType()
export abstract class ActorStampedEntity<Optional extends string = never> extends BaseEntity<Optional> {
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
