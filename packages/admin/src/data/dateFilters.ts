/**
 * Date filters: the operator picks days, the API's DateTime filters take instants. A day
 * becomes the instant it starts in the operator's own time zone (the browser's), and an
 * upper bound the instant it ends, so "to 1 Dec" keeps everything issued on 1 Dec. The
 * API's upper bounds are exclusive ("issued before"), so the end of a day is the start of
 * the next one.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `issuedTo`, `scheduledTo`, `to`: the filters that bound a range from above. */
export function isUpperBound(name: string): boolean {
  return /(^to|To|Before|Until)$/.test(name);
}

/**
 * A DateTime filter value as a full ISO 8601 instant, or undefined when it is not a date
 * (the filter is then left out rather than sent for the API to refuse).
 */
export function toInstant(value: unknown, upperBound: boolean): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const day = DAY.exec(value.trim());
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    // local midnight; Date normalises the day after the 31st and skips DST gaps itself
    const instant = new Date(year, month - 1, date + (upperBound ? 1 : 0));
    return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
  }
  // a date-time without zone (an old URL's `2026-12-01T00:00`) is the operator's local time
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}
