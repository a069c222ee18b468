import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchBrowser, newPage } from "./browser";

/** The demo seed's fixed logins (packages/api/src/seed/demo-credentials.ts). */
export const DEMO = {
  admin: { email: "admin@clinigraph.demo", password: "demo-admin-2026" },
  operator: { email: "operator@clinigraph.demo", password: "demo-operator-2026" },
  reviewer: { email: "reviewer@clinigraph.demo", password: "demo-reviewer-2026" },
  visitor: { email: "visitor1@clinigraph.demo", password: "demo-visitor1-2026" },
  billing: { email: "billing@clinigraph.demo", password: "demo-billing-2026" },
  /** Branch staff (分公司): one branch, and two (chooses one after login). */
  valparaiso: { email: "operator.valparaiso@clinigraph.demo", password: "demo-valparaiso-2026" },
  branches: { email: "operator.branches@clinigraph.demo", password: "demo-branches-2026" },
} as const;

/** The demo LAB partner's API key (`ck_<prefix>_<secret>`). */
export const LAB_API_KEY = "ck_DEMOLAB1_demo-lab-key-not-for-production-0001";

export type Who = keyof typeof DEMO;

/** Signs in through the console's login form and waits for the app shell. */
export async function signIn(page: Page, consoleUrl: string, who: Who): Promise<void> {
  await page.goto(`${consoleUrl}/#/login`);
  await page.locator('input[name="username"]').fill(DEMO[who].email);
  await page.locator('input[name="password"]').fill(DEMO[who].password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.hash.includes("login"));
  await page.locator(".RaSidebar-fixed, .RaMenu-open").first().waitFor();
}

/** A GraphQL call straight to the API, as a partner (API key) or a staff member (JWT). */
export async function gql<T>(
  apiUrl: string,
  bearer: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "apollo-require-preflight": "true",
      authorization: `Bearer ${bearer}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data as T;
}

/** Opens react-admin's "Add filter" menu and shows the filter for `source`; returns its input. */
export async function addFilter(page: Page, source: string) {
  await page.locator("button.add-filter").click();
  await page.locator(`li.new-filter-item[data-key="${source}"]`).click();
  const input = page.locator(`form input[name="${source}"]`);
  await input.waitFor();
  return input;
}

/** A staff access token for API calls made by the test itself. */
export async function staffToken(apiUrl: string, who: Who): Promise<string> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
    body: JSON.stringify({
      query: "mutation($input: LoginInput!) { login(input: $input) { accessToken } }",
      variables: { input: DEMO[who] },
    }),
  });
  const body = (await response.json()) as { data: { login: { accessToken: string } } };
  return body.data.login.accessToken;
}

/** The demo seed's partner portal logins (DEMO_PARTNER_LOGINS), each its organisation's PARTNER_ADMIN. */
export const PARTNER_LOGINS = {
  lab: { email: "lab@partner.demo", password: "demo-lab-user-2026" },
  specialist: { email: "specialist@partner.demo", password: "demo-specialist-2026" },
  hospital: { email: "hospital@partner.demo", password: "demo-hospital-user-2026" },
  agency: { email: "agency@partner.demo", password: "demo-agency-user-2026" },
} as const;

/** The demo INTERCONSULTANT's API key, for what the specialist's organisation does through the API. */
export const INTERCONSULTANT_API_KEY = "ck_DEMOINT1_demo-interconsultant-key-not-for-production-1";

/** The demo AGENCY's API key (the same organisation as PARTNER_LOGINS.agency). */
export const AGENCY_API_KEY = "ck_DEMOAGY1_demo-agency-key-not-for-production-0001";

/** Signs a partner's user in through the same login form; it lands on its portal. */
export async function signInPartner(page: Page, consoleUrl: string, who: keyof typeof PARTNER_LOGINS): Promise<void> {
  await page.goto(`${consoleUrl}/#/login`);
  await page.locator('input[name="username"]').fill(PARTNER_LOGINS[who].email);
  await page.locator('input[name="password"]').fill(PARTNER_LOGINS[who].password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.hash.startsWith("#/portal/"));
  await page.locator(".RaSidebar-fixed, .RaMenu-open").first().waitFor();
}

export interface BrowserSession {
  /** A fresh page in a fresh context (no session or locale carried over). */
  newPage(options?: { timezoneId?: string }): Promise<Page>;
  /** The same, signed in through the login form as a demo staff member. */
  signedIn(who: Who, options?: { timezoneId?: string }): Promise<Page>;
  /** The same, signed in as a demo partner organisation's user (the partner portal). */
  partnerSignedIn(who: keyof typeof PARTNER_LOGINS): Promise<Page>;
}

/**
 * The browser of one test file: Chromium launched before its tests and closed after them,
 * with the pages a test opens, signed in or not.
 */
export function browserSession(): BrowserSession {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = (options?: { timezoneId?: string }) => newPage(browser!, options);
  return {
    newPage: open,
    async signedIn(who, options) {
      const page = await open(options);
      await signIn(page, inject("consoleUrl"), who);
      return page;
    },
    async partnerSignedIn(who) {
      const page = await open();
      await signInPartner(page, inject("consoleUrl"), who);
      return page;
    },
  };
}
