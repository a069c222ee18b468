/** Codes for working calendars and the dates counted on them (platform/calendar). */
export enum WorkCalendarErrorCode {
  INVALID_TIME_ZONE = "INVALID_TIME_ZONE",
  UNSUPPORTED_COUNTRY = "UNSUPPORTED_COUNTRY",
  UNSUPPORTED_REGION = "UNSUPPORTED_REGION",
  INVALID_WEEKEND = "INVALID_WEEKEND",
  INVALID_DATE = "INVALID_DATE",
  INVALID_DAYS = "INVALID_DAYS",
  NO_WORKING_DAYS = "NO_WORKING_DAYS",
}

export const WORK_CALENDAR_ERROR_DESCRIPTIONS: Record<keyof typeof WorkCalendarErrorCode, string> = {
  INVALID_TIME_ZONE: "The time zone is not an IANA zone such as America/Santiago.",
  UNSUPPORTED_COUNTRY: "There is no public-holiday calendar for this country.",
  UNSUPPORTED_REGION: "There is no public-holiday calendar for this region of the country.",
  INVALID_WEEKEND: "Weekend days are 0 (Sunday) to 6 (Saturday) and leave at least one working day.",
  INVALID_DATE: "A date is not a real YYYY-MM-DD day.",
  INVALID_DAYS: "A number of working days must be a whole number of at least 0.",
  NO_WORKING_DAYS: "The closures leave too few working days to count the deadline; check them.",
};
