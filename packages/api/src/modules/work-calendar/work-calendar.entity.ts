import { Entity, Property } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { VersionedEntity } from "../../platform/db/base.entity.js";

@ObjectType({
  description: "Working days of an organisation: weekend days, public holidays of a country, manual closures.",
})
@Entity({ tableName: "work_calendar" })
export class WorkCalendar extends VersionedEntity<"weekendDays" | "closures" | "openDays"> {
  @Field({ description: "Display name, e.g. 'Chile (national)'." })
  @Property({ type: "text" })
  name!: string;

  @Field({ description: "ISO 3166-1 alpha-2 country whose public holidays apply (date-holidays)." })
  @Property({ type: "text" })
  country!: string;

  @Field(() => String, { nullable: true, description: "Optional region (state/province) code for regional holidays." })
  @Property({ type: "text", nullable: true })
  region?: string | null;

  @Field(() => [Int], { description: "Weekend days, 0 = Sunday … 6 = Saturday (Iran: [5])." })
  @Property({ type: "jsonb" })
  weekendDays: number[] = [0, 6];

  @Field(() => [String], { description: "Manual closures as YYYY-MM-DD dates." })
  @Property({ type: "jsonb" })
  closures: string[] = [];

  @Field(() => [String], {
    description: "Days worked although weekend or holiday (e.g. China's make-up Saturdays, 调休), YYYY-MM-DD.",
  })
  @Property({ type: "jsonb", default: "[]" })
  openDays: string[] = [];

  @Field({ description: "IANA time zone of the calendar." })
  @Property({ type: "text" })
  timeZone!: string;
}
