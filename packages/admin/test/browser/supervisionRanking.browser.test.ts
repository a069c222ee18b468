import type { Page } from "playwright-core";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserSession, gql, staffToken } from "./support";

const apiUrl = inject("apiUrl");
const databaseUrl = inject("databaseUrl");
const session = browserSession();

/** A month four years back, long before the demo data, so these rows are the only ones ranked. */
const MONTH = ((d) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`)(
  new Date(Date.UTC(new Date().getFullYear() - 4, new Date().getMonth(), 1)),
);
let agencyA: { id: string; name: string };
let agencyB: { id: string; name: string };
let lab: { id: string; name: string };

/**
 * The month's figures as the workers would store them: counts only. Agency B approved 3 of
 * its 4 claims first time (75.00 %), agency A 1 of 3 (33.33 %); the lab reported 5 of its 6
 * orders due by their deadline (83.33 %) and is not ranked by claims.
 */
beforeAll(async () => {
  expect(databaseUrl, "set CLINIGRAPH_TEST_DATABASE_URL with CLINIGRAPH_TEST_API_URL").not.toBe("");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const orgs = await db.query<{ id: string; name: string; kind: string }>(
      `select id, name, kind from organization where kind in ('AGENCY', 'LAB') order by kind, name`,
    );
    const agencies = orgs.rows.filter((o) => o.kind === "AGENCY");
    [agencyA, agencyB] = [agencies[0]!, agencies[1]!];
    lab = orgs.rows.find((o) => o.kind === "LAB")!;
    const insert = `insert into monthly_statistic (id, organization_id, month, orders_issued, orders_confirmed,
        orders_validated, orders_rejected, orders_expired, orders_voided, claims_registered, claims_submitted,
        claims_submitted_on_time, claims_returned, claims_approved, visits_completed, computed_at,
        orders_first_pass, orders_due, orders_due_on_time, claims_first_pass, claim_deliveries_due, claim_deliveries_on_time)
      values (gen_random_uuid(), $1, $2, 0, 0, $3, 0, 0, 0, 0, 0, 0, 0, $4, 0, now(), $5, $6, $7, $8, $9, $10)
      on conflict (organization_id, month) do nothing`;
    await db.query(insert, [agencyA.id, MONTH, 0, 3, 0, 0, 0, 1, 4, 4]);
    await db.query(insert, [agencyB.id, MONTH, 0, 4, 0, 0, 0, 3, 0, 0]);
    await db.query(insert, [lab.id, MONTH, 8, 0, 7, 6, 5, 0, 0, 0]);
  } finally {
    await db.end();
  }
});

/** The ranking card's rows as [rank, organisation, rate, counts] texts. */
async function rows(page: Page): Promise<string[][]> {
  const cells = page.getByTestId("ranking-row");
  return cells.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())),
  );
}

/**
 * Picks MONTH from the month list, by the name the console gives it in its language (not the
 * browser's): "January 2022", and in Persian the Solar Hijri month with Persian digits.
 */
async function showMonth(page: Page, intlLocale = "en-GB"): Promise<string> {
  const card = page.getByTestId("supervision-ranking");
  await card.waitFor();
  const name = await page.evaluate(
    ([month, locale]) =>
      new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${month}-15T12:00:00Z`),
      ),
    [MONTH, intlLocale],
  );
  await page.getByTestId("ranking-month").getByRole("combobox").click();
  await page.getByRole("option", { name, exact: true }).click();
  await expect.poll(() => page.getByTestId("ranking-month").getByRole("combobox").textContent()).toBe(name);
  return name;
}

describe("the supervisor's ranking on the dashboard, against the real API", () => {
  it("ranks the agencies by first-pass claims, then the lab by orders reported on time, as the API does", async () => {
    const page = await session.signedIn("operator");
    await showMonth(page);
    await expect
      .poll(() => rows(page))
      .toEqual([
        ["1", agencyB.name, "75.00%", "3 of 4"],
        ["2", agencyA.name, "33.33%", "1 of 3"],
      ]);

    await page.getByTestId("supervision-ranking").getByRole("combobox").first().click();
    await page.getByRole("option", { name: "Orders reported by their deadline" }).click();
    await expect.poll(() => rows(page)).toEqual([["1", lab.name, "83.33%", "5 of 6"]]);

    // The card shows what the API ranks, in the same order.
    const token = await staffToken(apiUrl, "operator");
    const api = await gql<{
      supervisionRanking: { entries: { organizationId: string; measured: { ratio: string } }[] };
    }>(
      apiUrl,
      token,
      `query($input: SupervisionRankingInput!) { supervisionRanking(input: $input) { entries { organizationId measured { ratio } } } }`,
      { input: { monthFrom: MONTH, monthTo: MONTH, measure: "ORDERS_ON_TIME" } },
    );
    expect(api.supervisionRanking.entries).toEqual([{ organizationId: lab.id, measured: { ratio: "0.8333" } }]);
    await page.context().close();
  });

  it("reads in Persian, right to left, with the rates in the locale's digits", async () => {
    const page = await session.signedIn("reviewer");
    await page.locator("header button", { hasText: "English" }).click();
    await page.getByRole("menuitem", { name: "فارسی" }).click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    const monthName = await showMonth(page, "fa-IR");
    // the Solar Hijri month, in Persian digits, whatever the browser's own language
    expect(monthName).toMatch(/۱۴[۰-۹]{2}/); // a Solar Hijri year (14xx), not 20xx
    expect(monthName).not.toMatch(/[0-9]/);
    await expect.poll(async () => page.getByTestId("supervision-ranking").textContent()).toContain("رتبه‌بندی نظارتی");
    const [percent, one, three, four] = await page.evaluate(() => [
      new Intl.NumberFormat("fa", { style: "percent", minimumFractionDigits: 2 }).format(0.75),
      ...[1, 3, 4].map((n) => new Intl.NumberFormat("fa-IR").format(n)),
    ]);
    // rank and counts in Persian digits too (۱, ۳ از ۴); names are isolated, not changed
    await expect
      .poll(async () => (await rows(page))[0].map((cell) => cell.replace(/[\u2066-\u2069]/g, "")))
      .toEqual([one, agencyB.name, percent, `${three} از ${four}`]);
    await page.context().close();
  });
});
