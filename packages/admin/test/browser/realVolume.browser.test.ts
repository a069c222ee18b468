import type { Page, Request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { addFilter, browserSession, gql, signIn, staffToken } from "./support";

/**
 * The console on real volume (test/harness/volumeSeed.ts on top of the demo seed): every
 * list page holds more than 15 distinct references, which the API's alias limit once
 * turned into error icons. guard.setup.ts fails each test on any 4xx/5xx answer or
 * console error besides what it asserts here.
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");
const volume = inject("volume");
/** The operator's zone: the date filters mean days there, whatever the machine's zone. */
const ZONE = "America/Santiago";

const session = browserSession();

const TRAYS = ["IN_PROCESS", "WORKED", "TO_MANAGE", "CLOSED"] as const;

/** The GraphQL operations the page sends, parsed, for the batching assertions. */
function recordOperations(page: Page) {
  const operations: { query: string; variables: Record<string, unknown> }[] = [];
  page.on("request", (request: Request) => {
    if (!request.url().endsWith("/graphql") || request.method() !== "POST") return;
    const body = request.postDataJSON() as { query: string; variables?: Record<string, unknown> } | null;
    if (body?.query) operations.push({ query: body.query, variables: body.variables ?? {} });
  });
  return operations;
}

/** Waits until every cell of a reference column shows its record, or fails on an error icon. */
async function expectReferenceColumn(page: Page, column: string): Promise<string[]> {
  const cells = page.locator(`tbody td.column-${column}`);
  await cells.first().waitFor();
  await expect
    .poll(
      async () => {
        const errors = await page.locator(`tbody td.column-${column} [data-testid="ErrorIcon"]`).count();
        if (errors > 0) return `${errors} error icon(s)`;
        const texts = (await cells.allTextContents()).map((t) => t.trim());
        return texts.every((t) => t !== "") ? "all shown" : "loading";
      },
      { timeout: 30_000 },
    )
    .toBe("all shown");
  return (await cells.allTextContents()).map((t) => t.trim());
}

async function trayCount(page: Page, tray: string): Promise<number> {
  const tab = page.getByTestId(`tray-${tray}`);
  await expect.poll(async () => tab.textContent(), { timeout: 30_000 }).toMatch(/\(\d+\)/);
  return Number(/\((\d+)\)/.exec((await tab.textContent()) ?? "")![1]);
}

async function traySum(page: Page): Promise<number> {
  let sum = 0;
  for (const tray of TRAYS) sum += await trayCount(page, tray);
  return sum;
}

/** YYYY-MM-DD of today and the local midnight instant, as the browser in ZONE sees them. */
async function todayInBrowser(page: Page): Promise<{ day: string; startsAt: string }> {
  return page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    return { day, startsAt: new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString() };
  });
}

describe("the console on real volume", () => {
  it("the seed holds ≥ 200 orders, 60 visits, 80 claims over ≥ 40 patients and 20 providers", () => {
    expect(volume, "the browser tests run against the volume seed").toBeDefined();
    expect(volume!.orders).toBeGreaterThanOrEqual(200);
    expect(volume!.visits).toBeGreaterThanOrEqual(60);
    expect(volume!.claims).toBeGreaterThanOrEqual(80);
    expect(volume!.patients).toBeGreaterThanOrEqual(40);
    expect(volume!.providers).toBeGreaterThanOrEqual(20);
  });

  it("order trays show every Patient (through its case), load each resource's references in one ids query, and partition the orders", async () => {
    const page = await session.newPage({ timezoneId: ZONE });
    const operations = recordOperations(page);
    await signIn(page, consoleUrl, "operator");
    await page.goto(`${consoleUrl}/#/orders`);

    // one patient per case in the volume seed: the patients are as many as the cases
    const cases = await expectReferenceColumn(page, "case_patient");
    // more distinct references on one page than the 15 aliases the API allows
    expect(new Set(cases).size).toBeGreaterThan(15);
    const aliased = operations.filter((o) => /\br\d+\s*:\s*\w+\(id:/.test(o.query));
    expect(aliased.map((o) => o.query.slice(0, 120))).toEqual([]);
    const batched = operations.filter(
      (o) => /cases\(/.test(o.query) && Array.isArray((o.variables.filter as { ids?: unknown })?.ids),
    );
    expect(batched.length).toBeGreaterThan(0);
    expect((batched[0]!.variables.filter as { ids: string[] }).ids.length).toBe(new Set(cases).size);
    const patientsBatched = operations.filter(
      (o) => /patients\(/.test(o.query) && Array.isArray((o.variables.filter as { ids?: unknown })?.ids),
    );
    expect(patientsBatched.length).toBeGreaterThan(0);

    // every order in exactly one tray: the tab counts add up to all the orders
    const token = await staffToken(apiUrl, "operator");
    const { orders } = await gql<{ orders: { totalCount: number } }>(apiUrl, token, "{ orders { totalCount } }");
    expect(await traySum(page)).toBe(orders.totalCount);

    for (const tray of TRAYS) {
      await page.getByTestId(`tray-${tray}`).click();
      await expect.poll(async () => page.getByTestId(`tray-${tray}`).getAttribute("aria-selected")).toBe("true");
      const count = await trayCount(page, tray);
      if (count === 0) continue;
      await expect
        .poll(async () => page.locator(".MuiTablePagination-displayedRows").first().textContent(), { timeout: 30_000 })
        .toContain(`of ${count}`);
      await expectReferenceColumn(page, "case_patient");
      if (tray === "WORKED")
        // an order waiting for verification is the operator's to manage, never also worked
        expect(await page.locator('tbody td.column-status [data-value="IN_VERIFICATION"]').count()).toBe(0);
    }
    await page.context().close();
  });

  it("a click on the middle of a row (its Patient cell) opens that order, not the patient", async () => {
    const page = await session.signedIn("operator", { timezoneId: ZONE });
    await page.goto(`${consoleUrl}/#/orders`);
    await expectReferenceColumn(page, "case_patient");
    const row = page.locator("tbody tr").nth(2);
    const number = (await row.locator("td.column-number").textContent())?.trim();
    expect(number).toMatch(/^ORD-/);
    // on the patient's name itself, where a reference link would take the click
    const caseCell = row.locator("td.column-case_patient");
    await caseCell.getByText((await caseCell.textContent())!.trim(), { exact: true }).click();
    await page.waitForURL(/#\/orders\/[^/]+\/show/);
    await expect.poll(async () => page.locator("main").textContent(), { timeout: 30_000 }).toContain(number!);
    expect(page.url()).not.toContain("#/cases");
    expect(page.url()).not.toContain("#/patients");
    await page.context().close();
  });

  it("Issued from / Issued to narrow the list by the operator's days, without a rejected request", async () => {
    const page = await session.signedIn("operator", { timezoneId: ZONE });
    await page.goto(`${consoleUrl}/#/orders`);
    const total = await traySum(page);
    const { day, startsAt } = await todayInBrowser(page);

    // from today: the orders issued since local midnight, as the API counts them
    const from = await addFilter(page, "issuedFrom");
    await from.fill(day);
    const token = await staffToken(apiUrl, "operator");
    const count = async (filter: Record<string, unknown>) =>
      (
        await gql<{ orders: { totalCount: number } }>(
          apiUrl,
          token,
          "query($f: OrderFilter) { orders(filter: $f) { totalCount } }",
          { f: filter },
        )
      ).orders.totalCount;
    const sinceToday = await count({ issuedFrom: startsAt });
    await expect.poll(async () => traySum(page), { timeout: 30_000 }).toBe(sinceToday);
    expect(sinceToday).toBeGreaterThan(0);
    expect(sinceToday).toBeLessThan(total);

    // to yesterday (through its end): exactly the others, so the two days' bounds meet
    const yesterday = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() - 1);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await page.goto(
      `${consoleUrl}/#/orders?filter=${encodeURIComponent(JSON.stringify({ tray: "CLOSED", issuedTo: yesterday }))}&displayedFilters=${encodeURIComponent(JSON.stringify({ issuedTo: true }))}`,
    );
    await expect(page.locator('form input[name="issuedTo"]').inputValue()).resolves.toBe(yesterday);
    await expect.poll(async () => traySum(page), { timeout: 30_000 }).toBe(total - sinceToday);
    expect(await count({ issuedTo: startsAt })).toBe(total - sinceToday);
    await page.context().close();
  });

  it("the claims list shows the Patient of every claim of a full page, its cases in one ids query", async () => {
    const page = await session.newPage({ timezoneId: ZONE });
    const operations = recordOperations(page);
    await signIn(page, consoleUrl, "operator");
    await page.goto(`${consoleUrl}/#/claims`);
    await expectReferenceColumn(page, "case_patient");
    const batched = operations.filter(
      (o) => /cases\(/.test(o.query) && Array.isArray((o.variables.filter as { ids?: unknown })?.ids),
    );
    // each claim of the volume seed is on its own case: more than the API's 15 aliases
    expect(Math.max(...batched.map((o) => (o.variables.filter as { ids: string[] }).ids.length))).toBeGreaterThan(15);
    expect(operations.filter((o) => /\br\d+\s*:\s*\w+\(id:/.test(o.query))).toEqual([]);
    await page.context().close();
  });

  it("the visit assignment list shows every Patient and Case of a hospital's pending visits", async () => {
    const page = await session.signedIn("operator", { timezoneId: ZONE });
    await page.goto(`${consoleUrl}/#/visit-assignment`);
    await page.getByTestId("assignment-hospital").locator("..").click();
    await page.getByRole("option", { name: volume!.hospitalName, exact: true }).click();
    const patients = await expectReferenceColumn(page, "patientId");
    await expectReferenceColumn(page, "caseId");
    expect(new Set(patients).size).toBeGreaterThan(15);
    await page.context().close();
  });
});
