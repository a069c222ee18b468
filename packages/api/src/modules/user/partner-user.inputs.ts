import { Field, ID, InputType, Int } from "type-graphql";
import { Language } from "../../platform/validation/language.js";
import { PartnerRoleEnum } from "./partner-role.enum.js";

@InputType({ description: "Filters for a partner organisation's users." })
export class PartnerUserFilter {
  @Field(() => ID, { nullable: true, description: "The organisation (staff); a partner always reads its own." })
  organizationId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Only active (true) or inactive (false)." })
  active?: boolean | null;
  @Field(() => String, { nullable: true, description: "Name or e-mail contains this text." })
  search?: string | null;
}

@InputType({ description: "A new user of a partner organisation (logs in to the console's partner portal)." })
export class CreatePartnerUserInput {
  @Field(() => ID, {
    nullable: true,
    description: "The partner organisation: required for the operator's ADMIN; a partner's own by default.",
  })
  organizationId?: string | null;
  @Field({ description: "Login e-mail (stored lower-case)." })
  email!: string;
  @Field({ description: "Full name." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Mobile phone in E.164, for SMS." })
  phone?: string | null;
  @Field(() => Language, { nullable: true, description: "Language: en, es, zh, fa or bg (default es)." })
  language?: string | null;
  @Field(() => [PartnerRoleEnum], { description: "At least one role." })
  roles!: PartnerRoleEnum[];
  @Field({ description: "Initial password, at least 12 characters (stored as an argon2id hash)." })
  password!: string;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a partner user; omitted fields stay as they are." })
export class UpdatePartnerUserInput {
  @Field(() => ID, { description: "User id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Full name." })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "Mobile phone in E.164." })
  phone?: string | null;
  @Field(() => Language, { nullable: true, description: "Language." })
  language?: string | null;
  @Field(() => [PartnerRoleEnum], { nullable: true, description: "Roles (replaces the list); ends the sessions." })
  roles?: PartnerRoleEnum[] | null;
  @Field(() => String, { nullable: true, description: "New password, at least 12 characters; ends the sessions." })
  password?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Active; false ends the user's sessions." })
  active?: boolean | null;
}
