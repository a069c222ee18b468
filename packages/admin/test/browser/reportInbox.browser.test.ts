import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, LAB_API_KEY, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The lab sends a preliminary report as a document, through the API as its integration would. */
async function labSendsPreliminary(): Promise<{ id: string; number: string }> {
  const { orders } = await gql<{ orders: { nodes: { id: string; number: string }[] } }>(
    apiUrl,
    LAB_API_KEY,
    `{ orders(first: 1, filter: { status: [IN_EVALUATION] }, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id number } } }`,
  );
  const order = orders.nodes[0]!;
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), "informe-preliminar.pdf");
  const upload = await fetch(`${apiUrl}/files`, {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${LAB_API_KEY}` },
  });
  expect(upload.status).toBe(201);
  const { id: fileId } = (await upload.json()) as { id: string };
  const { attachOrderReport } = await gql<{ attachOrderReport: { userErrors: unknown[] } }>(
    apiUrl,
    LAB_API_KEY,
    `mutation($i: AttachOrderReportInput!) { attachOrderReport(input: $i) { userErrors { code message } } }`,
    { i: { orderId: order.id, kind: "PRELIMINARY", fileId } },
  );
  expect(attachOrderReport.userErrors).toEqual([]);
  return order;
}

const badgeCount = async (page: Page) =>
  Number(await page.getByTestId("report-inbox-badge").getAttribute("data-count"));

describe("the operator's report badge", () => {
  it("counts a report the lab just sent, lists its order, and drops it once the operator marks it read", async () => {
    const page = await session.signedIn("operator");
    await page.getByTestId("report-inbox-badge").waitFor();
    const before = await badgeCount(page);

    const order = await labSendsPreliminary();
    await page.reload();
    await page.getByTestId("report-inbox-badge").waitFor();
    await expect.poll(() => badgeCount(page)).toBe(before + 1);

    await page.getByTestId("report-inbox-badge").click();
    await page.waitForURL(/reportsAwaiting/);
    // the trays count only orders with reports awaiting; a preliminary report sits in WORKED
    await page.getByTestId("tray-WORKED").click();
    await expect.poll(() => page.locator("tbody").textContent(), { timeout: 60_000 }).toContain(order.number);

    // marking read takes every unread report of the order out (an earlier run may have left one)
    const { order: unread } = await gql<{ order: { reports: { acknowledgedAt: string | null }[] } }>(
      apiUrl,
      await staffToken(apiUrl, "operator"),
      `query($id: ID!) { order(id: $id) { reports { acknowledgedAt } } }`,
      { id: order.id },
    );
    const unreadHere = unread.reports.filter((r) => r.acknowledgedAt === null).length;
    expect(unreadHere).toBeGreaterThanOrEqual(1);
    await page.goto(`${consoleUrl}/#/orders/${order.id}/show`);
    await page.getByTestId("mark-reports-read").click();
    await expect.poll(() => badgeCount(page)).toBe(before + 1 - unreadHere);
    await page.getByTestId("mark-reports-read").waitFor({ state: "detached" });
    await page.context().close();
  });

  it("is not shown to a role the API does not answer it for", async () => {
    const page = await session.signedIn("reviewer");
    await page.locator("header").waitFor();
    expect(await page.getByTestId("report-inbox-badge").count()).toBe(0);
    await page.context().close();
  });
});
