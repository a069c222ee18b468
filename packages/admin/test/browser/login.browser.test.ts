import { describe, expect, inject, it } from "vitest";
import { browserSession } from "./support";

const consoleUrl = inject("consoleUrl");

const session = browserSession();

describe("console in Chromium, signed out", () => {
  it("sends a signed-out visitor to the login page", async () => {
    const page = await session.newPage();
    await page.goto(`${consoleUrl}/`);
    await page.waitForURL(/#\/login/);
    await page.locator('input[name="username"]').waitFor({ state: "visible" });
    await page.locator('input[name="password"]').waitFor({ state: "visible" });
    await expect(page.getAttribute("html", "dir")).resolves.toBe("ltr");
    await page.context().close();
  });

  it("switching to Persian turns the page right-to-left and is remembered across reloads", async () => {
    const page = await session.newPage();
    await page.goto(`${consoleUrl}/#/login`);
    const submit = page.locator('button[type="submit"]');
    await submit.waitFor({ state: "visible" });
    const englishLabel = (await submit.textContent())?.trim();

    await page.locator('[data-testid="login-locale"] button').click();
    await page.getByRole("menuitem", { name: "فارسی" }).click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");

    expect(await page.getAttribute("html", "lang")).toBe("fa");
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
    await expect.poll(async () => (await submit.textContent())?.trim()).not.toBe(englishLabel);

    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await page.getAttribute("html", "lang")).toBe("fa");
    await page.context().close();
  });
});
