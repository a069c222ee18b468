import { Entity, Index, Property, Unique } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";

/** Versioned per specialty: a new version replaces the active one; old reports keep theirs. */
@ObjectType({ description: "The JSON Schema of a specialty's report form, versioned." })
@Entity({ tableName: "form_template" })
@Unique({ properties: ["specialty", "templateVersion"] })
@Index({ properties: ["specialty", "active"] })
export class FormTemplate extends VersionedEntity<"active"> {
  @Field({ description: "Specialty, e.g. traumatology." })
  @Property({ type: "text" })
  specialty!: string;

  @Field(() => Int, { description: "Template version within the specialty." })
  @Property({ type: "integer" })
  templateVersion!: number;

  @Field({ description: "Title shown above the form." })
  @Property({ type: "text" })
  title!: string;

  @Field(() => GraphQLJSON, { description: "JSON Schema (draft 2020-12 subset) the form must satisfy." })
  @Property({ type: "jsonb" })
  schema!: Record<string, unknown>;

  @Field({ description: "The active version is the one new forms are validated against." })
  @Property({ type: "boolean" })
  active: boolean = true;
}
