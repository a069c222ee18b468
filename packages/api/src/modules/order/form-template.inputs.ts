import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "The first version of a new specialty's report form." })
export class CreateFormTemplateInput {
  @Field({ description: "Specialty, e.g. dermatology (stored in lower case; orders name it the same way)." })
  specialty!: string;
  @Field({ description: "Title shown above the form." })
  title!: string;
  @Field(() => GraphQLJSON, {
    description: "JSON Schema (draft-07) of the form: an object with properties; unknown keywords are refused.",
  })
  schema!: Record<string, unknown>;
}

@InputType({
  description:
    "An edit of a form template, written as a new version of its specialty; the earlier versions stay for the reports filled against them.",
})
export class CreateFormTemplateVersionInput {
  @Field(() => ID, {
    description: "The version you edited; it must still be the specialty's latest (else STALE_VERSION).",
  })
  id!: string;
  @Field({ description: "Title shown above the form." })
  title!: string;
  @Field(() => GraphQLJSON, { description: "JSON Schema (draft-07) of the form." })
  schema!: Record<string, unknown>;
  @Field(() => Boolean, {
    defaultValue: true,
    description: "Make it the active version at once (default); false keeps it as a draft to activate later.",
  })
  activate!: boolean;
}

@InputType({ description: "Activates or retires one form template version." })
export class FormTemplateStateInput {
  @Field(() => ID, { description: "Form template (version) id." })
  id!: string;
  @Field(() => Int, { description: "The version (optimistic lock) you read." })
  expectedVersion!: number;
}
