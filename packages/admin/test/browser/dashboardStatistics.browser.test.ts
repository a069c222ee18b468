import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { recomputeMonthlyStatistics } from "../harness/realApi";
import { browserSession, gql, LAB_API_KEY, staffToken } from "./support";
import { formatMonth } from "../../src/fields/format";

const apiUrl = inject("apiUrl");
const databaseUrl = inject("databaseUrl");

const session = browserSession();

interface MonthlyRow {
  organizationId: string;
  ordersIssued: number;
  claimsSubmitted: number;
  claimsSubmittedOnTime: number;
}

const MONTHLY = `query($month: String) {
  monthlyStatistics(first: 100, filter: { monthFrom: $month, monthTo: $month }) {
    nodes { organizationId ordersIssued claimsSubmitted claimsSubmittedOnTime }
  }
}`;

/** The calendar month (YYYY-MM) of now in the operator's time zone, as the statistics count it. */
function currentMonth(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(new Date());
}

/** Hovers a chart over one month's column and reads its tooltip as name → value. */
async function tooltipAt(page: Page, chart: Locator, month: string): Promise<Map<string, string>> {
  // the axis names months as the reader does ("Dec 2026" in English)
  const label = formatMonth(month, "en");
  const tick = chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value", { hasText: label });
  const tickBox = await tick.boundingBox();
  const plot = await chart.locator(".recharts-cartesian-grid").boundingBox();
  if (!tickBox || !plot) throw new Error(`no column for ${month} (${label})`);
  await page.mouse.move(tickBox.x + tickBox.width / 2, plot.y + plot.height / 2);
  const items = chart.locator(".recharts-tooltip-item");
  await items.first().waitFor();
  const entries = await items.evaluateAll((elements) =>
    elements.map((e) => [
      e.querySelector(".recharts-tooltip-item-name")?.textContent ?? "",
      e.querySelector(".recharts-tooltip-item-value")?.textContent ?? "",
    ]),
  );
  return new Map(entries as [string, string][]);
}

describe("dashboard of monthly statistics against the real API", () => {
  it("an order issued in the test shows up in this month's figures once the month is recomputed", async () => {
    expect(databaseUrl, "set CLINIGRAPH_TEST_DATABASE_URL with CLINIGRAPH_TEST_API_URL").not.toBe("");
    const token = await staffToken(apiUrl, "operator");
    const { viewer } = await gql<{ viewer: { organization: { timeZone: string } } }>(
      apiUrl,
      token,
      "{ viewer { organization { timeZone } } }",
    );
    const month = currentMonth(viewer.organization.timeZone);
    const labView = await gql<{
      viewer: { organization: { id: string; name: string } };
      orders: { nodes: { kind: string; specialty: string; requestedCodes: string[]; case: { id: string } }[] };
    }>(
      apiUrl,
      LAB_API_KEY,
      "{ viewer { organization { id name } } orders(first: 1, filter: { tray: IN_PROCESS }) { nodes { kind specialty requestedCodes case { id } } } }",
    );
    const lab = labView.viewer.organization;
    const template = labView.orders.nodes[0];
    const figures = async () =>
      (await gql<{ monthlyStatistics: { nodes: MonthlyRow[] } }>(apiUrl, token, MONTHLY, { month })).monthlyStatistics
        .nodes;
    const before = (await figures()).find((r) => r.organizationId === lab.id)?.ordersIssued ?? 0;

    // the operator issues one more order to the lab, like the case it copies from
    const issued = await gql<{ issueOrder: { order: { id: string } | null; userErrors: unknown[] } }>(
      apiUrl,
      token,
      "mutation($input: IssueOrderInput!) { issueOrder(input: $input) { order { id } userErrors { code message } } }",
      {
        input: {
          caseId: template.case.id,
          providerId: lab.id,
          kind: template.kind,
          specialty: template.specialty,
          serviceCodes: template.requestedCodes,
        },
      },
    );
    expect(issued.issueOrder.userErrors).toEqual([]);
    await recomputeMonthlyStatistics(databaseUrl, month, viewer.organization.timeZone);
    const rows = await figures();
    expect(rows.find((r) => r.organizationId === lab.id)?.ordersIssued).toBe(before + 1);

    const page = await session.signedIn("operator");
    const ordersChart = page.getByTestId("chart-orders");
    await ordersChart.locator(".recharts-bar-rectangle").first().waitFor();
    expect(await ordersChart.locator(".recharts-legend-item-text").allTextContents()).toContain(lab.name);

    const orders = await tooltipAt(page, ordersChart, month);
    expect(orders.get(lab.name)).toBe(String(before + 1));
    // every organisation's orders of the month are in the column, those beyond the largest summed as others
    const shown = [...orders.values()].reduce((sum, v) => sum + Number(v), 0);
    expect(shown).toBe(rows.reduce((sum, r) => sum + r.ordersIssued, 0));

    const submitted = rows.reduce((sum, r) => sum + r.claimsSubmitted, 0);
    if (submitted > 0) {
      const onTime = rows.reduce((sum, r) => sum + r.claimsSubmittedOnTime, 0);
      const rate = await tooltipAt(page, page.getByTestId("chart-on-time"), month);
      expect([...rate.values()].map((v) => v.replace(/\s*%$/, ""))).toEqual([
        String(Math.round((onTime / submitted) * 1000) / 10),
      ]);
      expect([...rate.keys()]).toEqual(["On time"]);
    }
    await page.context().close();
  });
});
