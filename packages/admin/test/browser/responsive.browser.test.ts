import type { Page, Route } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { requestsSettled } from "./browser";
import { browserSession, DEMO } from "./support";

const consoleUrl = inject("consoleUrl");

const session = browserSession();

/** The login form, then the app bar: on a phone the menu stays closed, so support.ts's signIn would wait for it. */
async function signInOnPhone(page: Page, who: "operator" | "admin" = "operator") {
  await page.goto(`${consoleUrl}/#/login`);
  await page.locator('input[name="username"]').fill(DEMO[who].email);
  await page.locator('input[name="password"]').fill(DEMO[who].password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.hash.includes("login"));
  await page.locator("header").first().waitFor();
}

/**
 * What makes the page scroll sideways: the outermost elements reaching past the screen's
 * edges (none when the page fits).
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    if (root.scrollWidth <= root.clientWidth + 1) return [];
    const width = root.clientWidth;
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1);
    });
    return wide
      .filter((el) => !wide.some((other) => other !== el && other.contains(el)) || el.children.length === 0)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${Math.round(el.getBoundingClientRect().width)}px`,
      );
  });

describe("a phone, 390 px wide", () => {
  it.each(["en", "fa"])("shows the lists as cards, never scrolling the page sideways (%s)", async (locale) => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPhone(page);
    if (locale === "fa") {
      // the switcher is an icon on a phone; react-admin reads the chosen locale from its store
      await page.evaluate(() => localStorage.setItem("RaStore.locale", JSON.stringify("fa")));
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dir === "rtl");
    }
    for (const resource of ["orders", "visits", "claims", "cases"]) {
      await page.goto(`${consoleUrl}/#/${resource}`);
      await page.locator(".phone-list li").first().waitFor({ timeout: 30_000 });
      expect(await page.locator("table.RaDatagrid-table").count()).toBe(0);
      expect(await overflowing(page)).toEqual([]);
      // a card's lines are blocks: a status chip inside a <p> is invalid HTML the browser re-nests
      expect(await page.locator(".phone-list p div, .phone-list p p").count()).toBe(0);
      // the due date stands at the card's far side, apart from the number it would run into
      const side = await page
        .locator(".phone-list .RaSimpleList-tertiary")
        .first()
        .evaluate((el) => getComputedStyle(el).float);
      expect(side).toBe(locale === "fa" ? "left" : "right");
      // right to left, a page opens at its start (the right edge), not scrolled to the far end
      expect(await page.evaluate(() => document.scrollingElement!.scrollLeft)).toBe(0);
    }
    // a record's page fits too
    await page.locator(".phone-list li a, .phone-list li [role='button']").first().click();
    await page.locator('[data-testid^="section-"]').first().waitFor({ timeout: 30_000 });
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });
});

describe("the admin's and the operator's hand-written lists on a phone", () => {
  it("API keys, the audit log and users scroll inside their list, never the page (fa)", async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPhone(page, "admin");
    await page.evaluate(() => localStorage.setItem("RaStore.locale", JSON.stringify("fa")));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    for (const path of ["/apiKeys", "/auditEvents", "/users"]) {
      await page.goto(`${consoleUrl}/#${path}`);
      await page.locator("tbody tr td, .phone-list li").first().waitFor({ timeout: 30_000 });
      await requestsSettled(page);
      expect(await overflowing(page), path).toEqual([]);
    }
    await page.context().close();
  });
});

describe("order trays", () => {
  it("a tray click moves the tab and shows a loading state at once, before the new tray's rows arrive", async () => {
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/orders`);
    await page.locator("tbody tr").first().waitFor();
    await requestsSettled(page);

    // hold the WORKED tray's rows until the screen has been looked at
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen = false;
    await page.route("**/graphql", async (route: Route) => {
      const body = route.request().postData() ?? "";
      if (!seen && /"tray":"WORKED"/.test(body) && /orders\(/.test(body)) {
        seen = true;
        await held;
      }
      await route.continue();
    });
    await page.getByTestId("tray-WORKED").click();
    await expect
      .poll(() => page.getByTestId("tray-WORKED").getAttribute("aria-selected"), { timeout: 15_000 })
      .toBe("true");
    expect(await page.getByTestId("tray-TO_MANAGE").getAttribute("aria-selected")).toBe("false");
    await expect.poll(() => page.getByTestId("tray-loading").isVisible(), { timeout: 15_000 }).toBe(true);
    // the previous tray's rows are greyed out, not offered as the new tray's
    const opacity = await page.locator(".RaDatagrid-tbody").evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(opacity).toBeLessThan(1);
    expect(seen).toBe(true);

    release();
    await expect.poll(() => page.getByTestId("tray-loading").isVisible(), { timeout: 30_000 }).toBe(false);
    expect(await page.locator(".RaDatagrid-tbody").evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
    await page.unroute("**/graphql");
    await page.context().close();
  });
});
