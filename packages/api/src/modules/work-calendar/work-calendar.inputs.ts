import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";

@InputType({ description: "Filters for the work calendar list." })
export class WorkCalendarFilter {
  @IdsFilterField("work calendars")
  ids?: string[] | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 country." })
  country?: string | null;
  @Field(() => String, { nullable: true, description: "Name contains this text." })
  search?: string | null;
}

export enum WorkCalendarSortField {
  NAME = "name",
  COUNTRY = "country",
  CREATED_AT = "createdAt",
}
registerEnumType(WorkCalendarSortField, {
  name: "WorkCalendarSortField",
  description: "Sortable work calendar fields.",
  valuesConfig: {
    NAME: { description: "By name." },
    COUNTRY: { description: "By country." },
    CREATED_AT: { description: "By creation time." },
  },
});
export const WorkCalendarOrder = OrderByInput("WorkCalendarOrder", WorkCalendarSortField, WorkCalendarSortField.NAME);

@InputType({ description: "A new work calendar." })
export class CreateWorkCalendarInput {
  @Field({ description: "Display name." })
  name!: string;
  @Field({ description: "ISO 3166-1 alpha-2 country whose public holidays apply." })
  country!: string;
  @Field(() => String, { nullable: true, description: "Region (state/province) code for regional holidays." })
  region?: string | null;
  @Field(() => [Int], {
    nullable: true,
    description: "Weekend days, 0 = Sunday … 6 = Saturday (default Saturday and Sunday).",
  })
  weekendDays?: number[] | null;
  @Field(() => [String], { nullable: true, description: "Manual closures, YYYY-MM-DD." })
  closures?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Days worked although weekend or holiday, YYYY-MM-DD." })
  openDays?: string[] | null;
  @Field({ description: "IANA time zone." })
  timeZone!: string;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a work calendar; omitted fields stay as they are." })
export class UpdateWorkCalendarInput {
  @Field(() => ID, { description: "Work calendar id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Display name." })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "Country." })
  country?: string | null;
  @Field(() => String, { nullable: true, description: "Region code; an empty string clears it." })
  region?: string | null;
  @Field(() => [Int], { nullable: true, description: "Weekend days." })
  weekendDays?: number[] | null;
  @Field(() => [String], { nullable: true, description: "Manual closures (replaces the list)." })
  closures?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Open days (replaces the list)." })
  openDays?: string[] | null;
  @Field(() => String, { nullable: true, description: "IANA time zone." })
  timeZone?: string | null;
}
