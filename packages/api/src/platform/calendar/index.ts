export { addWorkingDays, isWorkingDay, validateWorkCalendar } from "./working-days.js";
export { defaultWeekendDays } from "./weekend.js";
export { isPublicHoliday, publicHolidaysOfYear, type PublicHolidayDay } from "./public-holidays.js";
export { type IsoDate, type WorkCalendar, WorkCalendarError, WorkCalendarErrorCode } from "./work-calendar.types.js";
