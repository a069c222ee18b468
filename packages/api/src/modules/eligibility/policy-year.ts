import { DateTime } from "luxon";

export interface PolicyYear {
  /** First day of the policy year, YYYY-MM-DD. */
  start: string;
  /** First day of the next policy year (exclusive bound). */
  end: string;
}

/**
 * The policy year containing `date`: it starts on the latest anniversary of `validFrom`
 * on or before the date (a policy from 2025-07-01 has years Jul–Jun). A 29 February start
 * falls on 28 February in common years, as Luxon's calendar arithmetic does.
 */
export function policyYearOf(validFrom: string, date: string): PolicyYear {
  const from = DateTime.fromISO(validFrom, { zone: "UTC" });
  const day = DateTime.fromISO(date, { zone: "UTC" });
  let years = Math.floor(day.diff(from, "years").years);
  if (years < 0) years = 0;
  let start = from.plus({ years });
  // diff in fractional years can be off by one around leap days; settle it exactly.
  while (start > day && years > 0) start = from.plus({ years: --years });
  while (from.plus({ years: years + 1 }) <= day) start = from.plus({ years: ++years });
  return { start: start.toISODate()!, end: from.plus({ years: years + 1 }).toISODate()! };
}
