import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { requestsSettled } from "./browser";
import { AGENCY_API_KEY, browserSession, gql, LAB_API_KEY, staffToken } from "./support";
import { denylistFor, untranslated } from "./untranslated";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface Screen {
  path: string;
  /** what is on screen once the screen has its data */
  ready: string;
}

/** Each demo partner's portal screens, on records with the most words (a rejected order, a returned claim). */
async function portalScreens(): Promise<Record<"lab" | "hospital" | "agency", Screen[]>> {
  const firstId = async (key: string, field: "orders" | "claims", status: string) =>
    (
      await gql<Record<string, { nodes: { id: string }[] }>>(
        apiUrl,
        key,
        `{ ${field}(first: 1, filter: { status: [${status}] }) { nodes { id } } }`,
      )
    )[field]!.nodes[0]?.id;
  const order = await firstId(LAB_API_KEY, "orders", "REJECTED, IN_EVALUATION");
  const claim = await firstId(AGENCY_API_KEY, "claims", "RETURNED");
  if (!order || !claim) throw new Error("the demo seed has no rejected lab order or returned agency claim");
  const trays = { path: "/portal/orders", ready: '[data-testid="portal-tray-rows"]' };
  const users = { path: "/portal/users", ready: '[data-testid="portal-users"] bdi' };
  const integrations = { path: "/portal/integrations", ready: '[data-testid^="portal-api-key-"]' };
  return {
    lab: [
      trays,
      { path: `/portal/orders/${order}`, ready: '[data-testid="portal-order-status"]' },
      users,
      integrations,
    ],
    hospital: [
      { path: "/portal/visits", ready: '[data-testid^="portal-row-"]' },
      { path: "/portal/patients", ready: '[data-testid^="portal-patient-"]' },
      { path: "/portal/patients/new", ready: '[data-testid="portal-patient-form"]' },
      users,
    ],
    agency: [
      { path: "/portal/cases", ready: '[data-testid^="portal-row-"]' },
      { path: "/portal/claims", ready: '[data-testid^="portal-row-"]' },
      { path: "/portal/claims/new", ready: '[data-testid="claim-check"]' },
      { path: `/portal/claims/${claim}`, ready: '[data-testid="return-reasons"]' },
      integrations,
    ],
  };
}

/**
 * Data written as its owners write it, which no catalogue translates: organisations' names
 * and the reviewers' own words on returned claims ("Attach the itemised invoice.").
 */
async function recordTexts(): Promise<string[]> {
  const token = await staffToken(apiUrl, "admin");
  const { organizations } = await gql<{ organizations: { nodes: { name: string }[] } }>(
    apiUrl,
    token,
    "{ organizations(first: 100) { nodes { name } } }",
  );
  const { claims } = await gql<{ claims: { nodes: { returnReasons: { text: string }[] }[] } }>(
    apiUrl,
    AGENCY_API_KEY,
    "{ claims(first: 100, filter: { status: [RETURNED] }) { nodes { returnReasons { text } } } }",
  );
  const texts = [
    ...organizations.nodes.map((o) => o.name),
    ...claims.nodes.flatMap((c) => c.returnReasons.map((r) => r.text)),
  ];
  return [...new Set(texts)].filter(Boolean).sort((a, b) => b.length - a.length);
}

async function toPersian(page: Page) {
  await page.locator("header button", { hasText: "English" }).click();
  await page.getByRole("menuitem", { name: "فارسی" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "fa");
}

async function open(page: Page, screen: Screen) {
  await page.goto(`${consoleUrl}/#${screen.path}`);
  await page.locator(screen.ready).first().waitFor({ state: "attached", timeout: 60_000 });
  await requestsSettled(page);
  const busy = () => page.locator(".MuiLinearProgress-root:visible, .MuiSkeleton-root").count();
  await expect.poll(busy, { timeout: 120_000 }).toBe(0);
}

describe("the partner portal in Persian", () => {
  it(
    "is right to left on every partner's screens, with no raw key, no English and no untranslated code",
    { timeout: 600_000 },
    async () => {
      const screens = await portalScreens();
      const deny = await denylistFor("fa");
      const names = await recordTexts();
      const found: string[] = [];
      for (const who of ["lab", "hospital", "agency"] as const) {
        const page = await session.partnerSignedIn(who);
        await toPersian(page);
        for (const screen of screens[who]) {
          await open(page, screen);
          expect(await page.evaluate(() => document.documentElement.dir), screen.path).toBe("rtl");
          const text = names.reduce(
            (rest, name) => rest.split(name).join(" "),
            await page.evaluate(() => document.body.innerText),
          );
          found.push(...untranslated(text, deny).map((problem) => `${who} ${screen.path}: ${problem}`));
        }
        await page.context().close();
      }
      expect(found).toEqual([]);
    },
  );
});
