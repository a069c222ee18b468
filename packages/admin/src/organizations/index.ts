import { lazy } from "react";

/** Organisations: the generated views, with the visitors of a hospital on its page. */
export const organizations = { show: lazy(() => import("./OrganizationShow")) };
