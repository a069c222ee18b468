import { DateTime } from "luxon";

/** No SMS between 21:00 and 08:00 in the recipient's time zone (else its organisation's). */
export const QUIET_HOURS_START = 21;
export const QUIET_HOURS_END = 8;

/**
 * When `now` falls in the quiet hours of `timeZone`, the next 08:00 there; otherwise
 * null (send now). Computed in the zone so DST days still land on 08:00 local.
 */
export function quietHoursDeferral(now: Date, timeZone: string): Date | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (local.hour >= QUIET_HOURS_END && local.hour < QUIET_HOURS_START) return null;
  const day = local.hour >= QUIET_HOURS_START ? local.plus({ days: 1 }) : local;
  return day.set({ hour: QUIET_HOURS_END, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
