import { DateTime, IANAZone } from "luxon";
import { assertHolidayDataFor, isPublicHoliday } from "./public-holidays.js";
import { type IsoDate, type WorkCalendar, WorkCalendarError, WorkCalendarErrorCode } from "./work-calendar.types.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** More than any real deadline needs; stops a calendar of back-to-back closures from looping for ever. */
const MAX_DAYS_SCANNED = 3 * 366;

function checkedIsoDate(value: string, field: string[]): IsoDate {
  if (!ISO_DATE.test(value) || !DateTime.fromISO(value, { zone: "UTC" }).isValid) {
    throw new WorkCalendarError(WorkCalendarErrorCode.INVALID_DATE, `"${value}" is not a YYYY-MM-DD date.`, field);
  }
  return value;
}

/**
 * Refuses a calendar that cannot be used: unknown time zone, country or region,
 * weekend days outside 0–6 or covering the whole week, malformed closure dates.
 * Call it when a calendar is saved; the functions below call it too.
 */
export function validateWorkCalendar(calendar: WorkCalendar): void {
  if (!IANAZone.isValidZone(calendar.timeZone)) {
    throw new WorkCalendarError(
      WorkCalendarErrorCode.INVALID_TIME_ZONE,
      `"${calendar.timeZone}" is not an IANA time zone.`,
      ["timeZone"],
    );
  }
  const weekend = new Set(calendar.weekendDays);
  if ([...weekend].some((day) => !Number.isInteger(day) || day < 0 || day > 6) || weekend.size >= 7) {
    throw new WorkCalendarError(
      WorkCalendarErrorCode.INVALID_WEEKEND,
      "Weekend days must be 0 (Sunday) to 6 (Saturday) and leave at least one working day.",
      ["weekendDays"],
    );
  }
  calendar.closures.forEach((date, i) => checkedIsoDate(date, ["closures", String(i)]));
  (calendar.openDays ?? []).forEach((date, i) => checkedIsoDate(date, ["openDays", String(i)]));
  assertHolidayDataFor(calendar.country, calendar.region);
}

/**
 * The calendar day, in the calendar's zone, of a Date or ISO string. A bare
 * "YYYY-MM-DD" is that day; a date-time with an offset is an instant; one without
 * an offset is read as local time in the calendar's zone.
 */
function localDay(date: Date | string, timeZone: string): DateTime {
  const parsed =
    typeof date === "string"
      ? DateTime.fromISO(ISO_DATE.test(date) ? checkedIsoDate(date, ["date"]) : date, { zone: timeZone })
      : DateTime.fromJSDate(date, { zone: timeZone });
  if (!parsed.isValid) {
    throw new WorkCalendarError(WorkCalendarErrorCode.INVALID_DATE, `"${String(date)}" is not a valid date.`, ["date"]);
  }
  return parsed.startOf("day");
}

function isWorkingLocalDay(day: DateTime, calendar: WorkCalendar): boolean {
  const iso = day.toISODate()!;
  if (calendar.closures.includes(iso)) return false;
  if (calendar.openDays?.includes(iso)) return true;
  // Luxon counts 1 = Monday … 7 = Sunday; the calendar counts 0 = Sunday.
  if (calendar.weekendDays.includes(day.weekday % 7)) return false;
  return !isPublicHoliday(iso, calendar.country, calendar.region);
}

/** Whether the organisation works on the calendar day containing `date` (in its own zone). */
export function isWorkingDay(date: Date | string, calendar: WorkCalendar): boolean {
  validateWorkCalendar(calendar);
  return isWorkingLocalDay(localDay(date, calendar.timeZone), calendar);
}

/**
 * The deadline `days` working days after `start` (SPEC §3 deliveryDueAt).
 *
 * The start day itself never counts, working or not: the first counted day is the
 * next working day. The deadline is the end of the last counted day — 23:59:59.999
 * in the calendar's zone — so work delivered at any time that day is on time.
 * With `days` = 0 it is the end of the start day.
 */
export function addWorkingDays(start: Date | string, days: number, calendar: WorkCalendar): Date {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new WorkCalendarError(WorkCalendarErrorCode.INVALID_DAYS, `Days must be a whole number ≥ 0, got ${days}.`, [
      "days",
    ]);
  }
  validateWorkCalendar(calendar);

  let day = localDay(start, calendar.timeZone);
  let counted = 0;
  for (let scanned = 0; counted < days; scanned += 1) {
    if (scanned > MAX_DAYS_SCANNED) {
      throw new WorkCalendarError(
        WorkCalendarErrorCode.NO_WORKING_DAYS,
        `Found only ${counted} of ${days} working days in ${MAX_DAYS_SCANNED} days; check the calendar's closures.`,
        ["closures"],
      );
    }
    // plus({ days }) moves by calendar days, so DST changes never skip or repeat a day.
    day = day.plus({ days: 1 });
    if (isWorkingLocalDay(day, calendar)) counted += 1;
  }
  return day.endOf("day").toJSDate();
}
