import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser } from "../browser/browser";
import { gql, signIn, staffToken, type Who } from "../browser/support";

/**
 * Refreshes docs/screenshots/*.png from the real API and the demo seed
 * (`pnpm --filter @clinigraph/admin screenshots`). Not part of the test run.
 */
const OUT = resolve(import.meta.dirname, "../../../../docs/screenshots");
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(who: Who): Promise<Page> {
  // Reduced motion: a chart caught mid-animation shows bars at a fraction of their height.
  const context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 1440, height: 900 },
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  await signIn(page, consoleUrl, who);
  return page;
}

async function shoot(page: Page, name: string) {
  // charts and lazy chunks settle after the network does
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_600);
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

describe("screenshots of the main screens", () => {
  it("dashboard, order trays and order page", async () => {
    const page = await pageAs("operator");
    await shoot(page, "dashboard");
    await page.goto(`${consoleUrl}/#/orders`);
    await page.getByTestId("tray-TO_MANAGE").click();
    await page.locator("tbody tr").first().waitFor();
    await shoot(page, "order-trays");
    await page.locator("tbody tr").first().locator("td").first().click();
    await page.getByTestId("order-reports").waitFor();
    await shoot(page, "order-page");
    await page.goto(`${consoleUrl}/#/visit-assignment`);
    await page.getByTestId("assignment-hospital").locator("..").click();
    await page.getByRole("option").first().click();
    await page.locator("tbody tr").first().waitFor();
    await page.locator("tbody tr").first().locator('input[type="checkbox"]').check();
    await shoot(page, "visit-assignment");
    await page.context().close();
  });

  it("claim review, API keys, audit log and Persian", async () => {
    const token = await staffToken(apiUrl, "reviewer");
    const { claims } = await gql<{ claims: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ claims(first: 1, filter: { status: [IN_REVIEW] }) { nodes { id } } }",
    );
    const reviewer = await pageAs("reviewer");
    await reviewer.goto(`${consoleUrl}/#/claims/${claims.nodes[0].id}/show`);
    await reviewer.getByTestId("claim-lines").waitFor();
    await shoot(reviewer, "claim-review");
    await reviewer.context().close();

    const admin = await pageAs("admin");
    await admin.goto(`${consoleUrl}/#/apiKeys`);
    await admin.locator("tbody tr").first().waitFor();
    await shoot(admin, "api-keys");
    await admin.goto(`${consoleUrl}/#/auditEvents`);
    await admin.locator("tbody tr").first().waitFor();
    await shoot(admin, "audit-log");
    await admin.goto(`${consoleUrl}/#/orders`);
    await admin.locator("header button", { hasText: "English" }).click();
    await admin.getByRole("menuitem", { name: "فارسی" }).click();
    await admin.waitForFunction(() => document.documentElement.dir === "rtl");
    await admin.locator("tbody tr").first().waitFor();
    await shoot(admin, "orders-persian");
    await admin.context().close();
  });
});
