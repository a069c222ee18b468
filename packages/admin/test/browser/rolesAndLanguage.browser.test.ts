import { describe, expect, inject, it } from "vitest";
import { browserSession } from "./support";

const consoleUrl = inject("consoleUrl");

const session = browserSession();

describe("menus by role and language, signed in against the real API", () => {
  it("a VISITOR sees their visits but no users or API keys menu", async () => {
    const page = await session.signedIn("visitor");
    await page.locator('a[href="#/visits"]').first().waitFor();
    expect(await page.locator('a[href="#/users"]').count()).toBe(0);
    expect(await page.locator('a[href="#/apiKeys"]').count()).toBe(0);
    await page.context().close();
  });

  it("an ADMIN sees users, API keys and the queue dashboard link", async () => {
    const page = await session.signedIn("admin");
    await page.locator('a[href="#/users"]').first().waitFor();
    expect(await page.locator('a[href="#/apiKeys"]').count()).toBe(1);
    expect(await page.getByTestId("menu-queue-dashboard").count()).toBe(1);
    await page.context().close();
  });

  it("in 中文 react-admin's own words on a list are Chinese too (Add filter, Create, Export, pagination)", async () => {
    const page = await session.signedIn("operator");
    await page.locator("header button", { hasText: "English" }).click();
    await page.getByRole("menuitem", { name: "中文" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "zh");
    await page.goto(`${consoleUrl}/#/orders`);
    await page.locator(".MuiTablePagination-displayedRows").first().waitFor();
    const toolbar =
      (await page.locator(".RaList-main .RaTopToolbar-root, .RaList-actions").first().textContent()) ?? "";
    expect(toolbar).not.toMatch(/add filter|create|export/i);
    expect(toolbar).toContain("导出");
    const pagination = (await page.locator(".MuiTablePagination-root").first().textContent()) ?? "";
    expect(pagination).not.toMatch(/Rows per page|\d+\s*-\s*\d+ of \d+/);
    expect(pagination).toMatch(/\d+-\d+ \/ \d+/);
    await page.context().close();
  });

  it("switching to Persian turns the console right-to-left with translated menu labels", async () => {
    const page = await session.signedIn("operator");
    const ordersLink = page.locator('a[href="#/orders"]').first();
    await expect.poll(async () => ordersLink.textContent()).toContain("Orders");

    await page.locator("header button", { hasText: "English" }).click();
    await page.getByRole("menuitem", { name: "فارسی" }).click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
    await expect.poll(async () => ordersLink.textContent()).toContain("دستور");
    await expect
      .poll(async () => page.locator(".RaMenu-open, .RaSidebar-fixed").first().textContent())
      .toContain("داشبورد");
    // the generated columns are labelled in Persian too, not only the hand-written screens
    await ordersLink.click();
    // the list's own grid (the dashboard's tables may still be on the page), past react-admin's
    // loading placeholder whose headers are blank
    const headers = page.locator(".RaDatagrid-root thead th");
    await expect
      .poll(async () => (await headers.allTextContents()).join(" | "), { timeout: 30_000 })
      .toContain("وضعیت");
    expect((await headers.allTextContents()).join(" ")).not.toMatch(/Status|Created at|Confirm by/);
    await page.context().close();
  });
});
