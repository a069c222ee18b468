import { Arg, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { publicHolidaysOfYear } from "../../platform/calendar/index.js";
import { Language } from "../../platform/validation/language.js";
import { WorkCalendar } from "./work-calendar.entity.js";

@ObjectType({ description: "A public holiday that closes the calendar's organisations (from date-holidays)." })
export class PublicHoliday {
  @Field(() => LocalDateResolver, { description: "First day of the holiday (local calendar day)." })
  date!: string;

  @Field({ description: "Name of the holiday, in the requested language where one is known." })
  name!: string;

  @Field(() => Int, { description: "Days it lasts (a three-day Eid: 3)." })
  days!: number;
}

// The holidays a calendar closes on are computed (date-holidays), not stored: listing them
// lets a person check what the 15-working-day deadlines skip in a given year.
@Resolver(() => WorkCalendar)
export class WorkCalendarHolidaysResolver {
  @FieldResolver(() => [PublicHoliday], {
    description: "The public holidays of the calendar's country (and region) in a year, in date order.",
  })
  holidays(
    @Root() calendar: WorkCalendar,
    @Arg("year", () => Int, { description: "Calendar year, e.g. 2026 (1900–2200; other years list nothing)." })
    year: number,
    @Arg("language", () => Language, { nullable: true, description: "Language of the names." })
    language: Language | null,
  ): PublicHoliday[] {
    if (year < 1900 || year > 2200) return [];
    return publicHolidaysOfYear(calendar.country, calendar.region ?? undefined, year, language ?? undefined);
  }
}
