import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserSession, type Who } from "./support";

const consoleUrl = inject("consoleUrl");
const session = browserSession();

/** Signs in (the browser itself stays English) and switches the console to Persian. */
async function persian(who: Who): Promise<Page> {
  const page = await session.signedIn(who);
  await page.evaluate(() => localStorage.setItem("RaStore.locale", JSON.stringify("fa")));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === "fa");
  return page;
}

/** Persian digits and a Solar Hijri year (14xx), no Latin digit. */
const SOLAR_HIJRI = /۱۴[۰-۹]{2}/;

describe("dates picked with the browser's native pickers are said in the console's language", () => {
  it("an order's deadline, picked in an English browser, reads as a Solar Hijri date in Persian digits", async () => {
    const page = await persian("operator");
    await page.goto(`${consoleUrl}/#/orders/create`);
    await page.locator('input[name="dueAt"]').fill("2026-12-20T10:30");
    const said = page.getByTestId("date-said-dueAt");
    await expect.poll(() => said.textContent()).toMatch(SOLAR_HIJRI);
    expect(await said.textContent()).not.toMatch(/[0-9]/);
    await page.context().close();
  });

  it("billing's collections day reads in Persian under its native picker", async () => {
    const page = await persian("billing");
    await page.goto(`${consoleUrl}/#/collections`);
    await page.getByTestId("collections-date").fill("2026-03-21");
    const said = page.getByTestId("collections-date-read");
    // 21 March 2026 is the first day of the Solar Hijri year 1405
    await expect.poll(() => said.textContent()).toMatch(/۱ فروردین ۱۴۰۵/);
    await page.context().close();
  });
});
