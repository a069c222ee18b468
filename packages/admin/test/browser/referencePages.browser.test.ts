import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, gql, staffToken } from "./support";
import { denylistFor, untranslated } from "./untranslated";

/**
 * The document, service code, user and work calendar pages are designed pages: what a
 * person on each needs (the file and its versions; the price and where the code is used;
 * roles, organisation, branches, last sign-in and deactivation; holidays by year), in every
 * language. On the volume seed (guard.setup.ts fails on any 4xx/5xx or console error).
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const LANGUAGE_NAMES: Record<string, string> = { es: "Español", zh: "中文", fa: "فارسی", bg: "Български" };

async function upload(token: string, name: string): Promise<string> {
  const body = new FormData();
  body.append("file", new Blob([PNG], { type: "image/png" }), name);
  const response = await fetch(`${apiUrl}/files`, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

interface Pages {
  document: string;
  replaced: string;
  serviceCode: string;
  orderNumber: string;
  user: string;
  calendar: string;
}

let pages: Promise<Pages> | undefined;
/** The records the pages show, the document with a replaced earlier version (filed by the operator, who may). */
function samples(): Promise<Pages> {
  pages ??= (async () => {
    const operator = await staffToken(apiUrl, "operator");
    const admin = await staffToken(apiUrl, "admin");
    const { claims } = await gql<{ claims: { nodes: { documents: { id: string }[] }[] } }>(
      apiUrl,
      operator,
      `{ claims(first: 50, filter: { status: [APPROVED, SETTLED, DENIED] }) { nodes { documents { id } } } }`,
    );
    const old = claims.nodes.find((c) => c.documents.length > 0)?.documents[0]?.id;
    expect(old, "the demo seed files documents on decided claims").toBeDefined();
    const fileId = await upload(operator, "rescanned-invoice.png");
    const replaced = await gql<{ replaceDocument: { document: { id: string } | null; userErrors: unknown[] } }>(
      apiUrl,
      operator,
      `mutation($i: ReplaceDocumentInput!) { replaceDocument(input: $i) { document { id } userErrors { code message } } }`,
      { i: { id: old, fileId, note: "Legible scan" } },
    );
    expect(replaced.replaceDocument.userErrors).toEqual([]);
    const { orders } = await gql<{ orders: { nodes: { number: string; requestedCodes: string[] }[] } }>(
      apiUrl,
      operator,
      `{ orders(first: 20, filter: { tray: WORKED }) { nodes { number requestedCodes } } }`,
    );
    const order = orders.nodes.find((o) => o.requestedCodes.length > 0)!;
    const data = await gql<{
      serviceCodes: { nodes: { id: string }[] };
      users: { nodes: { id: string; email: string }[] };
      workCalendars: { nodes: { id: string; country: string }[] };
    }>(
      apiUrl,
      admin,
      `query($codes: [String!]) { serviceCodes(first: 1, filter: { codes: $codes }) { nodes { id } }
         users(first: 100, filter: { role: VISITOR }) { nodes { id email } }
         workCalendars(first: 20) { nodes { id country } } }`,
      { codes: [order.requestedCodes[0]] },
    );
    return {
      document: replaced.replaceDocument.document!.id,
      replaced: old!,
      serviceCode: data.serviceCodes.nodes[0]!.id,
      orderNumber: order.number,
      user: data.users.nodes.find((u) => u.email === "visitor1@clinigraph.demo")!.id,
      calendar: data.workCalendars.nodes.find((c) => c.country === "CL")!.id,
    };
  })();
  return pages;
}

async function switchLanguage(page: Page, locale: string) {
  await page.locator("header button", { hasText: "English" }).click();
  await page.getByRole("menuitem", { name: LANGUAGE_NAMES[locale] }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

describe("reference pages designed for their reader", () => {
  it("a document: its type, who attached it when, the file previewed, and its versions", async () => {
    const s = await samples();
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/documents/${s.document}/show`);
    await page.getByTestId("document-type").waitFor();
    expect(await page.getByTestId("document-attached").innerText()).toMatch(/^Attached by operator staff, /);
    await page.getByTestId("document-file").locator('img[alt="rescanned-invoice.png"]').waitFor();
    await page.getByTestId("document-claim").waitFor();
    // the versions: this one current, the one it replaced below it, marked replaced
    const versions = page.getByTestId("document-version");
    await expect.poll(() => versions.count(), { timeout: 30_000 }).toBe(2);
    expect(await versions.nth(0).getAttribute("data-current")).toBe("true");
    expect(await versions.nth(0).innerText()).toMatch(/Current/);
    expect(await versions.nth(1).innerText()).toMatch(/Replaced /);
    await shot(page, "operator-document");
    // the earlier version opens its own page, which knows it was replaced
    await versions.nth(1).getByRole("link").click();
    await page.waitForURL(new RegExp(`#/documents/${s.replaced}/show`));
    await expect
      .poll(() => page.locator('[data-testid="document-version"][data-current="true"]').innerText())
      .toMatch(/Replaced /);
    // and the claim's documents panel opens the current one
    await page.getByTestId("document-claim").click();
    await page.getByTestId("claim-documents").getByTestId("document-open").first().click();
    await page.waitForURL(/#\/documents\/[^/]+\/show/);
    await page.context().close();
  });

  it("a service code: its price, and the orders that request it", async () => {
    const s = await samples();
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/serviceCodes/${s.serviceCode}/show`);
    await page.getByTestId("section-price").waitFor();
    expect(await page.getByTestId("section-price").innerText()).toMatch(/\d/);
    const orders = page.getByTestId("related-orders");
    await orders.locator("tbody tr").first().waitFor();
    // the filter asks the API for the orders requesting the code, so the sample is among them
    expect(await page.getByTestId("service-code-unused").count()).toBe(0);
    await shot(page, "operator-service-code");
    await page.context().close();
  });

  it("a user: roles, organisation, hospitals covered, last sign-in; an admin deactivates one", async () => {
    const s = await samples();
    const admin = await staffToken(apiUrl, "admin");
    const created = await gql<{ createUser: { user: { id: string } } }>(
      apiUrl,
      admin,
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }`,
      {
        i: {
          email: `leaver-${Date.now()}@clinigraph.demo`,
          name: "Leaving Biller",
          password: "leaver-password-2026",
          roles: ["BILLING"],
        },
      },
    );
    const page = await session.signedIn("admin");
    await page.goto(`${consoleUrl}/#/users/${s.user}/show`);
    const summary = page.getByTestId("section-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Visitor/);
    // the organisation by name, never an id; the visitor's hospitals; the last sign-in (the tests' own)
    const org = await page.getByTestId("section-organisation").innerText();
    expect(org).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.getByTestId("user-hospitals").locator(".MuiChip-root").first().waitFor();
    await page.getByTestId("section-access").waitFor();
    await shot(page, "admin-user");
    // what they did: the audit log's readable list, filtered to them
    await page.getByTestId("user-activity").click();
    await page.waitForURL(/#\/auditEvents\?filter=/);
    expect(decodeURIComponent(page.url())).toContain(`"actorId":"${s.user}"`);

    // a user who never signed in says so; Deactivate asks first, then the page shows inactive
    await page.goto(`${consoleUrl}/#/users/${created.createUser.user.id}/show`);
    await page.getByTestId("user-never-signed-in").waitFor();
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /confirm/i })
      .click();
    await page.getByText("User deactivated").waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Deactivate" }).count()).toBe(0);
    const after = await gql<{ user: { active: boolean } }>(
      apiUrl,
      admin,
      `query($id: ID!) { user(id: $id) { active } }`,
      {
        id: created.createUser.user.id,
      },
    );
    expect(after.user.active).toBe(false);
    await page.context().close();
  });

  it("a work calendar: its weekend, and its public holidays year by year", async () => {
    const s = await samples();
    const page = await session.signedIn("admin");
    await page.goto(`${consoleUrl}/#/workCalendars/${s.calendar}/show`);
    const holidays = page.getByTestId("calendar-holiday");
    await expect.poll(() => holidays.count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await page.getByTestId("calendar-weekend").innerText()).toMatch(
      /Saturday[\s\S]*Sunday|Sunday[\s\S]*Saturday/,
    );
    const year = Number(await page.getByTestId("calendar-year").innerText());
    expect(await page.getByTestId("calendar-holidays").innerText()).toMatch(/New Year/);
    await page.getByTestId("calendar-next-year").click();
    await expect.poll(() => page.getByTestId("calendar-year").innerText()).toBe(String(year + 1));
    await expect.poll(() => holidays.first().innerText(), { timeout: 30_000 }).toMatch(new RegExp(String(year + 1)));
    await shot(page, "admin-work-calendar");
    await page.context().close();
  });

  it.each(["es", "zh", "fa", "bg"])(
    "in %s the four pages leave nothing untranslated",
    { timeout: 300_000 },
    async (locale) => {
      const s = await samples();
      const deny = await denylistFor(locale);
      const page = await session.signedIn("admin");
      await switchLanguage(page, locale);
      const screens = [
        { path: `/documents/${s.document}/show`, ready: '[data-testid="document-version"]' },
        { path: `/serviceCodes/${s.serviceCode}/show`, ready: '[data-testid="related-orders"] tbody tr' },
        { path: `/users/${s.user}/show`, ready: '[data-testid="user-hospitals"]' },
        { path: `/workCalendars/${s.calendar}/show`, ready: '[data-testid="calendar-holiday"]' },
      ];
      const found: string[] = [];
      for (const screen of screens) {
        await page.goto(`${consoleUrl}/#${screen.path}`);
        await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
        await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
        // organisation names are proper names in their own language ("Hospital Clínico …"), not console words
        const names = await page.locator('[data-testid="user-hospitals"] .MuiChip-label').allInnerTexts();
        const text = names.reduce(
          (t, name) => t.split(name).join(" "),
          await page.evaluate(() => document.body.innerText),
        );
        found.push(...untranslated(text, deny).map((problem) => `${screen.path}: ${problem}`));
      }
      if (locale === "fa") {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
        // the calendar's year and holiday dates in Persian digits
        expect(await page.getByTestId("calendar-year").innerText()).toMatch(/^[۰-۹]{4}$/);
        expect(await page.getByTestId("calendar-holiday").first().innerText()).not.toMatch(/[0-9]/);
      }
      expect(found).toEqual([]);
      await page.context().close();
    },
  );
});
