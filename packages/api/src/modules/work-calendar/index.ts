import type { DomainModule } from "../../platform/composition/module.js";
import { WorkCalendar } from "./work-calendar.entity.js";
import { WorkCalendarResolver } from "./work-calendar.resolver.js";
import { WorkCalendarHolidaysResolver } from "./work-calendar.holidays.js";
import { registerWorkCalendarReads } from "./work-calendar.read.js";

/** Working days per region (weekends, closures) for deadlines. */
export const workCalendarModule: DomainModule = {
  name: "work-calendar",
  entities: [WorkCalendar],
  resolvers: [WorkCalendarResolver, WorkCalendarHolidaysResolver],
  register(hooks) {
    hooks.defineScope("WorkCalendar", () => "ALL");
    registerWorkCalendarReads(hooks);
  },
};
