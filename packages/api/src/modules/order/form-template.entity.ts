import { Entity, Index, Property, Unique } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { ActorKind } from "../../platform/auth/actor-kind.js";
import { VersionedEntity } from "../../platform/db/base.entity.js";

/**
 * Versioned per specialty. A version's title and schema never change once written (an
 * edit is a new version), so a report that recorded its version can always be read and
 * re-validated against exactly what it was filled against. At most one version of a
 * specialty is active: the one new reports are validated against.
 */
@ObjectType({ description: "The JSON Schema of a specialty's report form, versioned." })
@Entity({ tableName: "form_template" })
@Unique({ properties: ["specialty", "templateVersion"] })
@Index({ properties: ["specialty", "active"] })
@Unique({
  name: "form_template_one_active_per_specialty",
  expression: "create unique index form_template_one_active_per_specialty on form_template (specialty) where active",
})
export class FormTemplate extends VersionedEntity<"active" | "createdByKind" | "createdById"> {
  @Field({ description: "Specialty, e.g. traumatology." })
  @Property({ type: "text" })
  specialty!: string;

  @Field(() => Int, { description: "Template version within the specialty (1, 2, …); never reused." })
  @Property({ type: "integer" })
  templateVersion!: number;

  @Field({ description: "Title shown above the form." })
  @Property({ type: "text" })
  title!: string;

  @Field(() => GraphQLJSON, { description: "JSON Schema (draft-07) the form must satisfy." })
  @Property({ type: "jsonb" })
  schema!: Record<string, unknown>;

  @Field({
    description:
      "The active version is the one new reports are validated against; at most one per specialty. None active: the specialty takes documents only.",
  })
  @Property({ type: "boolean" })
  active: boolean = true;

  @Field(() => ActorKind, { description: "STAFF for versions written in the console or API; SYSTEM for the seed." })
  @Property({ type: "text", default: ActorKind.SYSTEM })
  createdByKind: ActorKind = ActorKind.SYSTEM;

  @Field(() => ID, { nullable: true, description: "The staff user who wrote this version (null for the seed)." })
  @Property({ type: "uuid", nullable: true })
  createdById?: string | null = null;
}
