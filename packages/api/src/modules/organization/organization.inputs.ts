import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { OrganizationKind } from "./organization.entity.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";
import { Language } from "../../platform/validation/language.js";

@InputType({ description: "Filters for the organisation list." })
export class OrganizationFilter {
  @IdsFilterField("organisations")
  ids?: string[] | null;
  @Field(() => [OrganizationKind], { nullable: true, description: "Only these kinds." })
  kind?: OrganizationKind[] | null;
  @Field(() => Boolean, { nullable: true, description: "Only active (true) or inactive (false)." })
  active?: boolean | null;
  @Field(() => String, { nullable: true, description: "Region." })
  region?: string | null;
  @Field(() => String, { nullable: true, description: "Name or tax id contains this text." })
  search?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Only those that fit this specialty: they state it, or state no specialty at all.",
  })
  specialty?: string | null;
}

export enum OrganizationSortField {
  NAME = "name",
  KIND = "kind",
  CREATED_AT = "createdAt",
}
registerEnumType(OrganizationSortField, {
  name: "OrganizationSortField",
  description: "Sortable organisation fields.",
  valuesConfig: {
    NAME: { description: "By name." },
    KIND: { description: "By kind." },
    CREATED_AT: { description: "By creation time." },
  },
});
export const OrganizationOrder = OrderByInput("OrganizationOrder", OrganizationSortField, OrganizationSortField.NAME);

@InputType({ description: "A new organisation." })
export class CreateOrganizationInput {
  @Field(() => OrganizationKind, { description: "Kind." })
  kind!: OrganizationKind;
  @Field({ description: "Name." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Tax id." })
  taxId?: string | null;
  @Field(() => String, { nullable: true, description: "Phone in E.164." })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: "E-mail." })
  email?: string | null;
  @Field(() => String, { nullable: true, description: "Region." })
  region?: string | null;
  @Field({ description: "ISO 3166-1 alpha-2 country." })
  country!: string;
  @Field({ description: "IANA time zone." })
  timeZone!: string;
  @Field(() => Language, { nullable: true, description: "Language (en, es, zh, fa, bg)." })
  language?: string | null;
  @Field(() => [String], { nullable: true, description: "Specialties a provider takes work in." })
  specialties?: string[] | null;
  @Field(() => ID, { nullable: true, description: "Work calendar." })
  workCalendarId?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to an organisation; omitted fields stay as they are." })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: "Organisation id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Name." })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "Tax id." })
  taxId?: string | null;
  @Field(() => String, { nullable: true, description: "Phone in E.164." })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: "E-mail." })
  email?: string | null;
  @Field(() => String, { nullable: true, description: "Region." })
  region?: string | null;
  @Field(() => String, { nullable: true, description: "IANA time zone." })
  timeZone?: string | null;
  @Field(() => Language, { nullable: true, description: "Language (en, es, zh, fa, bg)." })
  language?: string | null;
  @Field(() => [String], { nullable: true, description: "Specialties a provider takes work in." })
  specialties?: string[] | null;
  @Field(() => ID, { nullable: true, description: "Work calendar." })
  workCalendarId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Active." })
  active?: boolean | null;
}
