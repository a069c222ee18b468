import type { Role } from "../auth/authProvider";

/**
 * What each role works with (SPEC §6, §8 staff row rules). The API enforces access
 * (role checks and row rules); this only keeps menus and routes to what a role can
 * use, so no screen a role opens is refused by the API. A user with several roles
 * gets the union.
 */
export type Screen =
  | "dashboard"
  | "orders"
  | "cases"
  | "visits"
  | "visitAssignment"
  | "visitReview"
  | "claims"
  | "claimReview"
  | "collections"
  | "documentTypes"
  | "formTemplates"
  | "patients"
  | "policies"
  | "organizations"
  | "serviceCodes"
  | "workCalendars"
  | "monthlyStatistics"
  | "notifications"
  | "auditEvents"
  | "users"
  | "apiKeys"
  | "queueDashboard";

const BY_ROLE: Record<Role, Screen[]> = {
  // the dashboard is a visitor's home: their visits due today, overdue and returned
  VISITOR: ["dashboard", "visits"],
  REVIEWER: ["dashboard", "visitReview", "claimReview", "visits", "claims", "cases", "auditEvents"],
  // The outbox is refused to BILLING (and REVIEWER): messages hold phones and texts of others.
  BILLING: ["dashboard", "claims", "collections", "orders", "policies", "monthlyStatistics"],
  OPERATOR: [
    "dashboard",
    "orders",
    "cases",
    "visits",
    "visitAssignment",
    "claims",
    "collections",
    "patients",
    "policies",
    "organizations",
    "serviceCodes",
    "formTemplates",
    "monthlyStatistics",
    "notifications",
  ],
  ADMIN: [
    "dashboard",
    "orders",
    "cases",
    "visits",
    "visitAssignment",
    "visitReview",
    "claims",
    "claimReview",
    "collections",
    "patients",
    "policies",
    "organizations",
    "serviceCodes",
    "workCalendars",
    "documentTypes",
    "formTemplates",
    "monthlyStatistics",
    "notifications",
    "auditEvents",
    "users",
    "apiKeys",
    "queueDashboard",
  ],
};

/** Menu order is the order above, ADMIN's being the full list. */
const ORDER = BY_ROLE.ADMIN;

export function screensFor(roles: unknown): Screen[] {
  const held = Array.isArray(roles) ? (roles as string[]) : [];
  const allowed = new Set(held.flatMap((role) => BY_ROLE[role as Role] ?? []));
  return ORDER.filter((screen) => allowed.has(screen));
}

export function canSee(roles: unknown, screen: Screen): boolean {
  return screensFor(roles).includes(screen);
}

/** Who reads the monthly statistics (the API refuses them to a VISITOR, whose home is their visits). */
export function seesStatistics(roles: unknown): boolean {
  const held = Array.isArray(roles) ? (roles as string[]) : [];
  return held.some((role) => role !== "VISITOR" && (BY_ROLE[role as Role] ?? []).includes("dashboard"));
}

/** Who gets their visits of the day on the dashboard. */
export function seesOwnVisits(roles: unknown): boolean {
  return Array.isArray(roles) && roles.includes("VISITOR");
}

/** Who sees the app bar's count of arrived reports (the API's reportInbox: ADMIN, OPERATOR). */
export function seesReportInbox(roles: unknown): boolean {
  const held = Array.isArray(roles) ? (roles as string[]) : [];
  return held.includes("ADMIN") || held.includes("OPERATOR");
}

/** Who reads today's collections on the dashboard (the API's dailyCollections refuses the rest). */
const COLLECTION_ROLES: Role[] = ["ADMIN", "OPERATOR", "BILLING"];

export function seesCollections(roles: unknown): boolean {
  const held = Array.isArray(roles) ? (roles as string[]) : [];
  return COLLECTION_ROLES.some((role) => held.includes(role));
}

/**
 * Who may create records of the operator's desk: the API's @Authorized roles for
 * issueOrder, registerCase, createFieldVisit / scheduleAppointment and registerClaim
 * (ADMIN always). Other roles see those lists without a Create button or route, so no
 * form they open is refused on save; resources not named here keep the generated ones.
 */
const CREATE_ROLES: Partial<Record<Screen, Role[]>> = {
  orders: ["OPERATOR"],
  cases: ["OPERATOR"],
  visits: ["OPERATOR"],
  claims: ["OPERATOR"],
};

export function canCreate(roles: unknown, resource: string): boolean {
  const allowed = CREATE_ROLES[resource as Screen];
  if (!allowed) return true;
  const held = Array.isArray(roles) ? (roles as string[]) : [];
  return held.includes("ADMIN") || allowed.some((role) => held.includes(role));
}
