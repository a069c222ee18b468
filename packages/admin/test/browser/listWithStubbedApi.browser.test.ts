import type { Browser, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./browser";

let browser: Browser;
const consoleUrl = inject("consoleUrl");

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const user = { id: "u1", email: "ana@example.org", name: "Ana", roles: ["OPERATOR"] };
const organization = {
  id: "org1",
  version: 1,
  name: "Clínica Norte",
  kind: "CLINIC",
  taxId: null,
  phone: null,
  email: null,
  region: "RM",
  active: true,
  createdAt: "2026-01-02T10:00:00Z",
  updatedAt: "2026-01-02T10:00:00Z",
};

/**
 * Until the real API runs in globalSetup, answer GraphQL at the network layer
 * so the built console's login → generated list path is exercised end to end.
 */
async function answer(route: Route) {
  const { query } = route.request().postDataJSON() as { query: string };
  const reply = (data: unknown) => route.fulfill({ contentType: "application/json", body: JSON.stringify({ data }) });
  if (query.includes("login(")) return reply({ login: { accessToken: "a", refreshToken: "r", user, userErrors: [] } });
  if (query.includes("organizations("))
    return reply({
      organizations: { nodes: [organization], totalCount: 1, pageInfo: { hasNextPage: false, hasPreviousPage: false } },
    });
  const list = /\{ (\w+)\(first/.exec(query)?.[1];
  if (list)
    return reply({ [list]: { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false } } });
  return route.fulfill({
    contentType: "application/json",
    body: JSON.stringify({ errors: [{ message: "unexpected", extensions: { code: "INTERNAL" } }] }),
  });
}

describe("console in Chromium with a stubbed API", () => {
  it("signs in and renders a generated list from the metadata", async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/graphql", answer);
    await page.goto(`${consoleUrl}/#/login`);
    await page.locator('input[name="username"]').fill("ana@example.org");
    await page.locator('input[name="password"]').fill("secret");
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.hash.includes("login"));
    await page.goto(`${consoleUrl}/#/organizations`);
    await page.getByText("Clínica Norte").waitFor();
    expect(await page.getByText("CLINIC").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
