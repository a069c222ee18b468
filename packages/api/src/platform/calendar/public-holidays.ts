import Holidays from "date-holidays";
import { DateTime } from "luxon";
import { type IsoDate, WorkCalendarError, WorkCalendarErrorCode } from "./work-calendar.types.js";

/**
 * Only "public" holidays close an organisation. date-holidays' "bank" days (e.g.
 * Chile's 31 December) close banks, not clinics or claim offices; "optional",
 * "school" and "observance" days are worked. An organisation that does close on
 * such a day records it as a manual closure.
 */
const CLOSING_TYPES: ReadonlySet<string> = new Set(["public"]);

const instances = new Map<string, Holidays>();
const datesByYear = new Map<string, ReadonlySet<IsoDate>>();
let knownCountries: ReadonlySet<string> | undefined;

function holidaysFor(country: string, region: string | undefined): Holidays {
  const key = `${country}|${region ?? ""}`;
  const cached = instances.get(key);
  if (cached) return cached;

  knownCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  if (!knownCountries.has(country)) {
    throw new WorkCalendarError(
      WorkCalendarErrorCode.UNSUPPORTED_COUNTRY,
      `No public-holiday data for country "${country}".`,
      ["country"],
    );
  }
  // date-holidays quietly falls back to the national list for an unknown region; we refuse instead.
  if (region !== undefined && !(region in (new Holidays().getStates(country) ?? {}))) {
    throw new WorkCalendarError(
      WorkCalendarErrorCode.UNSUPPORTED_REGION,
      `No public-holiday data for region "${region}" of ${country}.`,
      ["region"],
    );
  }
  const holidays = region === undefined ? new Holidays(country) : new Holidays(country, region);
  instances.set(key, holidays);
  return holidays;
}

/**
 * Local dates covered by the public holidays date-holidays lists for `year`. A
 * multi-day holiday (a three-day Eid) covers each of its days, possibly into the
 * next year. Holidays starting after midnight (China's half-day Women's Day, Iceland's
 * Christmas Eve afternoon) are partial days and do not close the office.
 */
function holidayDatesOfYear(country: string, region: string | undefined, year: number): ReadonlySet<IsoDate> {
  const key = `${country}|${region ?? ""}|${year}`;
  const cached = datesByYear.get(key);
  if (cached) return cached;

  const dates = new Set<IsoDate>();
  for (const holiday of holidaysFor(country, region).getHolidays(year)) {
    if (!CLOSING_TYPES.has(holiday.type)) continue;
    // `date` is local to the country ("2026-03-21 00:00:00"); lunar holidays carry a
    // "-0600" suffix meaning they begin the evening before, which we do not count.
    if (holiday.date.slice(11, 19) !== "00:00:00") continue;
    const first = DateTime.fromISO(holiday.date.slice(0, 10), { zone: "UTC" });
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let offset = 0; offset < days; offset += 1) dates.add(first.plus({ days: offset }).toISODate()!);
  }
  datesByYear.set(key, dates);
  return dates;
}

/** Whether a local date is a public holiday of the country (and region). */
export function isPublicHoliday(date: IsoDate, country: string, region?: string): boolean {
  const year = Number(date.slice(0, 4));
  // A holiday listed under the previous year can run into January.
  return holidayDatesOfYear(country, region, year).has(date) || holidayDatesOfYear(country, region, year - 1).has(date);
}

/** Checks that date-holidays knows the country and region, so a bad calendar fails when saved. */
export function assertHolidayDataFor(country: string, region?: string): void {
  holidaysFor(country, region);
}

/** One closing public holiday as the console lists it. */
export interface PublicHolidayDay {
  date: IsoDate;
  name: string;
  days: number;
}

/**
 * The closing public holidays listed for `year`, in date order, named in `language` where
 * date-holidays has that translation (else the country's own language). Same rule as
 * holidayDatesOfYear: only "public" days starting at midnight count.
 */
export function publicHolidaysOfYear(
  country: string,
  region: string | undefined,
  year: number,
  language?: string,
): PublicHolidayDay[] {
  const list = holidaysFor(country, region).getHolidays(year, language);
  return list
    .filter((h) => CLOSING_TYPES.has(h.type) && h.date.slice(11, 19) === "00:00:00")
    .map((h) => ({
      date: h.date.slice(0, 10),
      name: h.name,
      days: Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000)),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
