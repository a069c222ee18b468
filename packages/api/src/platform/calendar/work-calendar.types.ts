import { DomainError } from "../errors/domain-error.js";
import { WorkCalendarErrorCode } from "../errors/calendar.errors.js";

export { WorkCalendarErrorCode };

/** A plain calendar date, "YYYY-MM-DD", read in the calendar's time zone. */
export type IsoDate = string;

/** An organisation's working calendar (SPEC §3 deliveryDueAt). */
export interface WorkCalendar {
  /** ISO 3166-1 alpha-2 country whose public holidays apply, e.g. "IR", "CL", "BG". */
  country: string;
  /** ISO 3166-2 subdivision code as date-holidays names it ("MD" for Madrid), for regional holidays. */
  region?: string;
  /** Days of the week that are not worked, 0 = Sunday … 6 = Saturday; see defaultWeekendDays. */
  weekendDays: readonly number[];
  /** Extra days the organisation is closed (strikes, moves, a missing substitute holiday). */
  closures: readonly IsoDate[];
  /**
   * Days worked although they are a weekend day or a holiday, e.g. China's make-up
   * Saturdays (调休). Wins over weekends and holidays, not over closures.
   */
  openDays?: readonly IsoDate[];
  /** IANA time zone in which the organisation's days begin and end. */
  timeZone: string;
}

/** A calendar or date the caller can fix; `field` names the calendar property at fault. */
export class WorkCalendarError extends DomainError {
  declare readonly code: WorkCalendarErrorCode;

  constructor(code: WorkCalendarErrorCode, message: string, field?: string[]) {
    super(code, message, field);
    this.name = "WorkCalendarError";
  }
}
