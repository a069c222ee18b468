import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, DEMO, gql } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

const TRAYS = ["TO_MANAGE", "IN_PROCESS", "WORKED", "CLOSED"] as const;
type Tray = (typeof TRAYS)[number];
type TrayRows = Record<Tray, { total: number; numbers: string[] }>;

/** Each tray of a branch as the API shows it to the two-branch login working in that branch. */
async function traysOf(branchCode: string): Promise<TrayRows> {
  const login = async (branchId?: string) => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
      body: JSON.stringify({
        query: "mutation($input: LoginInput!) { login(input: $input) { accessToken branches { id code } } }",
        variables: { input: { ...DEMO.branches, ...(branchId ? { branchId } : {}) } },
      }),
    });
    const body = (await response.json()) as {
      data: { login: { accessToken: string; branches: { id: string; code: string }[] } };
    };
    return body.data;
  };
  const branchId = (await login()).login.branches.find((b) => b.code === branchCode)!.id;
  const token = (await login(branchId)).login.accessToken;
  const rows = {} as TrayRows;
  for (const tray of TRAYS) {
    const { orders } = await gql<{ orders: { totalCount: number; nodes: { number: string }[] } }>(
      apiUrl,
      token,
      `query($tray: OrderTray) { orders(first: 100, filter: { tray: $tray }) { totalCount nodes { number } } }`,
      { tray },
    );
    rows[tray] = { total: orders.totalCount, numbers: orders.nodes.map((n) => n.number) };
  }
  return rows;
}

/** Opens the orders page on a tray and answers the tab's count and the order numbers listed. */
async function trayOnScreen(page: Page, tray: Tray, expected: number): Promise<{ count: number; numbers: string[] }> {
  await page.goto(`${consoleUrl}/#/orders`);
  const tab = page.getByTestId(`tray-${tray}`);
  await tab.click();
  await expect.poll(async () => (await tab.getAttribute("aria-selected")) === "true").toBe(true);
  await expect.poll(async () => /\(\d+\)/.test((await tab.textContent()) ?? "")).toBe(true);
  await expect.poll(async () => page.getByTestId("tray-loading").isVisible()).toBe(false);
  if (expected > 0) await page.locator(".RaDatagrid-tbody tr, .RaList-content .MuiCard-root").first().waitFor();
  const count = Number(/\((\d+)\)/.exec((await tab.textContent()) ?? "")![1]);
  const text = (await page.locator(".RaList-content").textContent()) ?? "";
  return { count, numbers: [...new Set(text.match(/ORD-\d{4}-\d+/g) ?? [])] };
}

describe("branches in the console (机构选择)", () => {
  it("a two-branch login chooses a branch, sees that branch's tray and the branch in the app bar, and switches", async () => {
    const valparaiso = await traysOf("VAL");
    const shanghai = await traysOf("SHA");
    // a tray where Valparaíso has work (and, where the demo has it, Shanghai too)
    const tray =
      TRAYS.find((t) => valparaiso[t].total > 0 && shanghai[t].total > 0) ??
      TRAYS.find((t) => valparaiso[t].total > 0) ??
      "TO_MANAGE";

    const page = await session.signedIn("branches");
    const chooser = page.getByTestId("branch-chooser");
    await chooser.waitFor();
    await expect.poll(() => chooser.textContent()).toContain("Choose your branch");
    await shot(page, "branches-chooser");
    await page.getByTestId("choose-branch-VAL").click();
    await expect.poll(() => page.getByTestId("current-branch").textContent()).toContain("Oficina Regional Valparaíso");
    await expect(chooser.isVisible()).resolves.toBe(false);
    // The dashboard's figures by branch: a branch session gets its own branch's row only.
    const card = page.getByTestId("branch-figures");
    await expect
      .poll(async () => (await card.count()) > 0 || (await page.getByTestId("supervision-ranking").count()) > 0)
      .toBe(true);
    if ((await card.count()) > 0) {
      await expect.poll(() => card.getByTestId("branch-figures-row").count()).toBe(1);
      expect(await card.getByTestId("branch-figures-row").textContent()).toContain("Oficina Regional Valparaíso");
    }

    const onVal = await trayOnScreen(page, tray, valparaiso[tray].total);
    expect(onVal.count).toBe(valparaiso[tray].total);
    expect(onVal.numbers.length).toBeGreaterThan(0);
    expect(onVal.numbers.every((n) => valparaiso[tray].numbers.includes(n))).toBe(true);
    expect(onVal.numbers.some((n) => shanghai[tray].numbers.includes(n))).toBe(false);
    await shot(page, "branches-valparaiso-tray");

    await page.getByTestId("branch-switcher").click();
    await page.getByTestId("switch-branch-SHA").click();
    await expect.poll(() => page.getByTestId("current-branch").textContent()).toContain("上海分公司");
    const onSha = await trayOnScreen(page, tray, shanghai[tray].total);
    expect(onSha.count).toBe(shanghai[tray].total);
    expect(onSha.numbers.every((n) => shanghai[tray].numbers.includes(n))).toBe(true);
    expect(onSha.numbers.some((n) => valparaiso[tray].numbers.includes(n))).toBe(false);
    await shot(page, "branches-shanghai-tray");
    await page.context().close();
  });

  it("a one-branch login goes straight to its branch, shown in the app bar", async () => {
    const page = await session.signedIn("valparaiso");
    await expect.poll(() => page.getByTestId("current-branch").textContent()).toContain("Oficina Regional Valparaíso");
    await expect(page.getByTestId("branch-chooser").count()).resolves.toBe(0);
    await page.context().close();
  });
});
