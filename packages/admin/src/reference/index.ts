import { lazy } from "react";

/** Purpose-built pages for reference records: what a person on each screen needs, not every field. */
export const documents = { show: lazy(() => import("./DocumentShow")) };
export const users = { show: lazy(() => import("./UserShow")) };
export const workCalendars = { show: lazy(() => import("./WorkCalendarShow")) };
export const serviceCodes = { show: lazy(() => import("./ServiceCodeShow")) };
