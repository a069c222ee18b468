import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser } from "../browser/browser";
import { DEMO, gql, signIn, staffToken, type Who } from "../browser/support";

/**
 * Refreshes docs/screenshots/*.png from the real API and the demo seed
 * (`pnpm --filter @clinigraph/admin screenshots`): each role's main screens
 * (`<role>-<screen>.png`), the main screens in the other languages
 * (`<locale>-<screen>.png`) and a phone (`phone-<screen>.png`). Not part of the test run.
 * Screens are opened by their routes and waited for by what every list or record
 * page has, so a screen a change adds or redesigns is still photographed.
 */
const OUT = resolve(import.meta.dirname, "../../../../docs/screenshots");
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");
const LANGUAGES: Record<string, string> = { es: "Español", zh: "中文", fa: "فارسی", bg: "Български" };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(who: Who, options: { locale?: string; phone?: boolean } = {}): Promise<Page> {
  // Reduced motion: a chart caught mid-animation shows bars at a fraction of their height.
  const context = await browser.newContext({
    locale: "en-US",
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    deviceScaleFactor: options.phone ? 2 : 1,
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  if (options.phone) {
    // on a phone the menu stays closed: the app bar says the console is there
    await page.goto(`${consoleUrl}/#/login`);
    await page.locator('input[name="username"]').fill(DEMO[who].email);
    await page.locator('input[name="password"]').fill(DEMO[who].password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.hash.includes("login"));
    await page.locator("header").first().waitFor();
    if (options.locale) {
      await page.evaluate((l) => localStorage.setItem("RaStore.locale", JSON.stringify(l)), options.locale);
      await page.reload();
      await page.waitForFunction((l) => document.documentElement.lang === l, options.locale);
    }
    return page;
  }
  await signIn(page, consoleUrl, who);
  if (options.locale) {
    await page.locator("header button", { hasText: "English" }).click();
    await page.getByRole("menuitem", { name: LANGUAGES[options.locale] }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, options.locale);
  }
  return page;
}

/** A record page, a list's rows, or the dashboard's cards: what a screen shows once loaded. */
const LOADED = '[data-testid^="section-"], tbody tr td, .phone-list li, .MuiCard-root';

async function shoot(page: Page, name: string, path?: string) {
  if (path !== undefined) {
    await page.goto(`${consoleUrl}/#${path}`);
    await page.locator(LOADED).first().waitFor({ state: "attached", timeout: 30_000 });
    // a list is photographed with its rows, not while its query is still out
    if (!path.includes("/show") && path !== "/")
      await page.locator("tbody tr td, .phone-list li").first().waitFor({ timeout: 60_000 });
  }
  // charts and lazy chunks settle after the network does
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_200);
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

/** The dashboard once its charts are drawn (the cards hold skeletons until then). */
async function shootDashboard(page: Page, name: string) {
  await page.goto(`${consoleUrl}/#/`);
  await page
    .locator('[data-testid="chart-orders"] .recharts-bar-rectangle, [data-testid="visitor-home"]')
    .first()
    .waitFor({ timeout: 60_000 });
  await shoot(page, name);
}

/** Ids of demo records worth showing: the first one matching each filter. */
async function records() {
  const token = await staffToken(apiUrl, "admin");
  const first = async (resource: string, filter: string) =>
    (
      await gql<Record<string, { nodes: { id: string }[] }>>(
        apiUrl,
        token,
        `{ ${resource}(first: 1, filter: ${filter}) { nodes { id } } }`,
      )
    )[resource].nodes[0]?.id;
  return {
    rejectedOrder: await first("orders", "{ status: [REJECTED] }"),
    verifyingOrder: await first("orders", "{ status: [IN_VERIFICATION] }"),
    visitInReview: await first("visits", "{ status: [IN_REVIEW] }"),
    claimInReview: await first("claims", "{ status: [IN_REVIEW] }"),
    document: await first("documents", "{}"),
    serviceCode: await first("serviceCodes", '{ codes: ["RX-STD"] }'),
    calendar: await first("workCalendars", '{ country: "CL" }'),
    visitor: await first("users", "{ role: VISITOR }"),
  };
}

describe("screenshots: each role's day", () => {
  it("OPERATOR: dashboard, order trays, order review, visit assignment, claims, cases", async () => {
    const ids = await records();
    const page = await pageAs("operator");
    await shootDashboard(page, "operator-dashboard");
    await page.goto(`${consoleUrl}/#/orders`);
    await page.getByTestId("tray-TO_MANAGE").click();
    await page.locator("tbody tr").first().waitFor();
    await shoot(page, "operator-order-trays");
    await shoot(page, "operator-order-review", `/orders/${ids.verifyingOrder ?? ids.rejectedOrder}/show`);
    await page.goto(`${consoleUrl}/#/visit-assignment`);
    await page.getByTestId("assignment-hospital").locator("..").click();
    await page.getByRole("option").first().click();
    await page.locator("tbody tr").first().waitFor();
    await page.locator("tbody tr").first().locator('input[type="checkbox"]').check();
    await shoot(page, "operator-visit-assignment");
    await shoot(page, "operator-claims", "/claims");
    await shoot(page, "operator-cases", "/cases");
    await shoot(page, "operator-service-code", `/serviceCodes/${ids.serviceCode}/show`);
    await shoot(page, "operator-document", `/documents/${ids.document}/show`);
    await page.context().close();
  });

  it("VISITOR: their visits and a visit's findings", async () => {
    const page = await pageAs("visitor");
    await shoot(page, "visitor-home");
    await shoot(page, "visitor-visits", "/visits");
    await page.locator("tbody tr td").first().click();
    await page.locator('[data-testid^="section-"]').first().waitFor({ timeout: 30_000 });
    await shoot(page, "visitor-visit");
    await page.context().close();
  });

  it("REVIEWER: claim review with its lines, visit review", async () => {
    const ids = await records();
    const page = await pageAs("reviewer");
    await shootDashboard(page, "reviewer-dashboard");
    await shoot(page, "reviewer-claim-review", `/claims/${ids.claimInReview}/show`);
    await shoot(page, "reviewer-visit-review", `/visits/${ids.visitInReview}/show`);
    await page.context().close();
  });

  it("BILLING: collections dashboard, claims, policies", async () => {
    const page = await pageAs("billing");
    await shootDashboard(page, "billing-dashboard");
    await shoot(page, "billing-claims", "/claims");
    await shoot(page, "billing-policies", "/policies");
    await page.context().close();
  });

  it("BRANCH OPERATOR: their branch's dashboard and orders", async () => {
    const page = await pageAs("valparaiso");
    await shootDashboard(page, "branch-operator-dashboard");
    await shoot(page, "branch-operator-orders", "/orders");
    await page.context().close();
  });

  it("ADMIN: users, a user, a work calendar, API keys, audit log", async () => {
    const ids = await records();
    const page = await pageAs("admin");
    await shoot(page, "admin-users", "/users");
    await shoot(page, "admin-user", `/users/${ids.visitor}/show`);
    await shoot(page, "admin-work-calendar", `/workCalendars/${ids.calendar}/show`);
    await shoot(page, "admin-api-keys", "/apiKeys");
    await shoot(page, "admin-audit-log", "/auditEvents");
    await page.context().close();
  });
});

describe("screenshots: languages and a phone", () => {
  it.each(Object.keys(LANGUAGES))("%s: dashboard, orders, an order, a claim in review", async (locale) => {
    const ids = await records();
    const page = await pageAs("admin", { locale });
    await shootDashboard(page, `${locale}-dashboard`);
    await shoot(page, `${locale}-orders`, "/orders");
    await shoot(page, `${locale}-order`, `/orders/${ids.rejectedOrder}/show`);
    await shoot(page, `${locale}-claim-review`, `/claims/${ids.claimInReview}/show`);
    await page.context().close();
  });

  it("a phone: the order list as cards, in English and Persian", async () => {
    for (const locale of [undefined, "fa"]) {
      const page = await pageAs("operator", { phone: true, locale });
      await shoot(page, `phone-orders${locale ? `-${locale}` : ""}`, "/orders");
      await page.context().close();
    }
  });
});
