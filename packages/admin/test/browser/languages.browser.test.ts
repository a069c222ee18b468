import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { requestsSettled } from "./browser";
import { browserSession, gql, staffToken } from "./support";
import { denylistFor, untranslated } from "./untranslated";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

const NAMES: Record<string, string> = { es: "Español", zh: "中文", fa: "فارسی", bg: "Български" };
const LATIN_DIGIT = /[0-9]/;
const PERSIAN_DIGIT = /[۰-۹]/;

interface Screen {
  name: string;
  path: string;
  /** what is on screen once the screen has its data */
  ready: string;
}

/** The main screens, on records that show the most words: a rejected order with form reports, a visit with findings, a claim in review. */
async function mainScreens(): Promise<Screen[]> {
  const token = await staffToken(apiUrl, "admin");
  const first = async (resource: string, filter: string) =>
    (
      await gql<Record<string, { nodes: { id: string }[] }>>(
        apiUrl,
        token,
        `{ ${resource}(first: 1, filter: ${filter}) { nodes { id } } }`,
      )
    )[resource].nodes[0]!.id;
  const order = await first("orders", "{ status: [REJECTED] }");
  const visit = await first("visits", "{ status: [IN_REVIEW] }");
  const claim = await first("claims", "{ status: [IN_REVIEW] }");
  return [
    { name: "dashboard", path: "/", ready: '[data-testid="chart-orders"] .recharts-cartesian-axis-tick-value' },
    { name: "orders", path: "/orders", ready: "tbody tr td" },
    { name: "order show", path: `/orders/${order}/show`, ready: '[data-testid="form-report"]' },
    { name: "visits", path: "/visits", ready: "tbody tr td" },
    { name: "visit findings", path: `/visits/${visit}/show`, ready: '[data-testid^="section-"]' },
    { name: "claims", path: "/claims", ready: "tbody tr td" },
    { name: "claim review", path: `/claims/${claim}/show`, ready: '[data-testid="claim-lines"]' },
  ];
}

async function switchLanguage(page: Page, locale: string) {
  await page.locator("header button", { hasText: "English" }).click();
  await page.getByRole("menuitem", { name: NAMES[locale] }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

/**
 * The names of the demo's organisations: data, written as their owners write them
 * ("Hospital Regional del Pacífico"), which a list shows or not depending on the day's rows.
 */
async function recordNames(): Promise<string[]> {
  const token = await staffToken(apiUrl, "admin");
  const { organizations } = await gql<{ organizations: { nodes: { name: string }[] } }>(
    apiUrl,
    token,
    `{ organizations(first: 100) { nodes { name } } }`,
  );
  return organizations.nodes.map((o) => o.name).sort((a, b) => b.length - a.length);
}

const withoutNames = (text: string, names: string[]) => names.reduce((rest, name) => rest.split(name).join(" "), text);

/** Opens a screen and waits for its data and for react-admin's loaders to go. */
async function open(page: Page, screen: Screen) {
  await page.goto(`${consoleUrl}/#${screen.path}`);
  try {
    await page.locator(screen.ready).first().waitFor({ state: "attached", timeout: 60_000 });
  } catch (error) {
    throw new Error(
      `${screen.name} did not load: ${(await page.evaluate(() => document.body.innerText)).slice(0, 600)}`,
      {
        cause: error,
      },
    );
  }
  // a busy machine may take a while to settle; the loaders check below is what must hold
  await requestsSettled(page);
  const busy = () =>
    page
      .locator(".MuiLinearProgress-root:visible, .MuiSkeleton-root")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-testid") ?? el.className));
  await expect.poll(busy, { message: `${screen.name} kept loading`, timeout: 120_000 }).toEqual([]);
}

describe.each(["es", "zh", "fa", "bg"])("every main screen in %s", (locale) => {
  it(
    "shows no raw key, no English the language has words for, no untranslated code",
    { timeout: 600_000 },
    async () => {
      const screens = await mainScreens();
      const deny = await denylistFor(locale);
      const names = await recordNames();
      const page = await session.signedIn("admin");
      await switchLanguage(page, locale);
      const found: string[] = [];
      for (const screen of screens) {
        await open(page, screen);
        const text = withoutNames(await page.evaluate(() => document.body.innerText), names);
        found.push(...untranslated(text, deny).map((problem) => `${screen.name}: ${problem}`));
      }
      expect(found).toEqual([]);
      await page.context().close();
    },
  );
});

describe("Persian screens", () => {
  it("are right-to-left, in Persian digits and Solar Hijri dates, with mixed text isolated and numbers unbroken", async () => {
    const screens = Object.fromEntries((await mainScreens()).map((s) => [s.name, s]));
    const page = await session.signedIn("admin");
    await switchLanguage(page, "fa");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");

    // dashboard: chart axes (months, counts, percentages, hours) and the collections' counts
    await open(page, screens.dashboard!);
    const ticks = await page.locator(".recharts-cartesian-axis-tick-value").allTextContents();
    expect(ticks.length).toBeGreaterThan(4);
    expect(ticks.filter((t) => LATIN_DIGIT.test(t))).toEqual([]);
    expect(ticks.join(" ")).toMatch(/۱۴۰۵/); // the Solar Hijri year, not 2026

    // orders: tray counts, pagination, dates; every cell isolated; order numbers on one line
    await open(page, screens.orders!);
    const trays = await page.locator('[role="tab"][data-testid^="tray-"]').allTextContents();
    expect(trays.filter((t) => LATIN_DIGIT.test(t) || !PERSIAN_DIGIT.test(t))).toEqual([]);
    const pagination = (await page.locator(".MuiTablePagination-root").first().innerText()).trim();
    expect(pagination).toMatch(PERSIAN_DIGIT);
    expect(pagination).not.toMatch(LATIN_DIGIT);
    const due = await page.locator("td.column-dueAt").first().innerText();
    expect(due).toMatch(PERSIAN_DIGIT);
    expect(due).not.toMatch(/2026|Dec|Nov/);
    const cells = await page
      .locator("tbody td")
      .evaluateAll((tds) => tds.map((td) => getComputedStyle(td).unicodeBidi));
    expect(cells.filter((b) => b !== "plaintext" && b !== "isolate")).toEqual([]);
    const number = page.locator("td.column-number span").first();
    expect(await number.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");
    expect(await number.evaluate((el) => el.getClientRects().length)).toBe(1);
    // a Latin value reads in its own order (an inline isolate) and stands at the cell's start, the right
    expect(await number.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("plaintext");
    const gap = await number.evaluate((el) => {
      const cell = el.closest("td")!;
      return (
        cell.getBoundingClientRect().right -
        parseFloat(getComputedStyle(cell).paddingRight) -
        el.getBoundingClientRect().right
      );
    });
    expect(Math.abs(gap), "the order number is aligned right in a right-to-left page").toBeLessThan(2);

    // order page: history sentences isolate the Latin names in them; arrows point along the reading
    await open(page, screens["order show"]!);
    const entries = await page.getByTestId("history-entry").allInnerTexts();
    const mixed = entries.filter((t) => /[A-Za-z]/.test(t.split("\n")[0]!));
    expect(mixed.length).toBeGreaterThan(0);
    expect(mixed.filter((t) => !t.includes("\u2068"))).toEqual([]);
    expect(entries.join("\n")).not.toContain("→");
    await page.context().close();
  });
});
