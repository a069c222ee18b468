import type { EntityManager } from "@mikro-orm/postgresql";
import {
  addWorkingDays,
  defaultWeekendDays,
  type WorkCalendar as CalendarRules,
} from "../../platform/calendar/index.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Organization } from "../organization/organization.entity.js";
import { WorkCalendar } from "../work-calendar/work-calendar.entity.js";

/** The agencies' delivery window to the review office (Persian seed, step 5: "۱۵ روز کاری"). */
export const DELIVERY_WORKING_DAYS = 15;

/**
 * The working-day rules of an organisation: its WorkCalendar when it has one, otherwise
 * its country's public holidays and customary weekend in its own time zone.
 */
export async function calendarOf(em: EntityManager, org: Organization): Promise<CalendarRules> {
  const calendarId = refId(org.workCalendar);
  const calendar = calendarId ? await em.findOne(WorkCalendar, { id: calendarId }, { filters: false }) : null;
  if (calendar) {
    return {
      country: calendar.country,
      ...(calendar.region ? { region: calendar.region } : {}),
      weekendDays: calendar.weekendDays,
      closures: calendar.closures,
      // A declared working Friday or worked holiday is a working day for every deadline.
      openDays: calendar.openDays,
      timeZone: calendar.timeZone,
    };
  }
  return { country: org.country, weekendDays: defaultWeekendDays(org.country), closures: [], timeZone: org.timeZone };
}

/** deliveryDueAt: the end of the 15th working day after registration, in the registering organisation's calendar. */
export async function deliveryDueAt(em: EntityManager, registeredBy: Organization, registeredAt: Date): Promise<Date> {
  return addWorkingDays(registeredAt, DELIVERY_WORKING_DAYS, await calendarOf(em, registeredBy));
}
