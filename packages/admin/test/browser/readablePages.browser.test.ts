import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, staffToken } from "./support";

/**
 * Pages read like a product, not a database: a show page in titled sections without raw
 * ids, the status history as sentences, lists with the columns a worker scans by, and a
 * bank account masked on a visitor's screen. On the volume seed (guard.setup.ts fails on
 * any 4xx/5xx or console error).
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface OrderSample {
  id: string;
  number: string;
  version: number;
  caseId: string;
  providerId: string;
  provider: { name: string };
  case: { patient: { id: string; firstName: string; lastName: string } };
  history: { event: string; actorName: string | null; actorKind: string }[];
}

async function headers(page: Page): Promise<string[]> {
  // the list's own grid: the dashboard's collections table (left behind by the navigation) also has rows
  const cells = page.locator(".RaDatagrid-root thead th");
  await page.locator(".RaDatagrid-root tbody tr").first().waitFor();
  // on a busy machine the first grid is react-admin's loading placeholder, headers still blank
  await expect
    .poll(async () => (await cells.allTextContents()).some((t) => t.trim() !== ""), { timeout: 30_000 })
    .toBe(true);
  return (await cells.allTextContents()).map((t) => t.trim()).filter(Boolean);
}

describe("pages that read like a product", () => {
  it("an order's page: titled sections, the patient and provider by name, no raw ids, history as sentences", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { orders } = await gql<{ orders: { nodes: OrderSample[] } }>(
      apiUrl,
      token,
      `{ orders(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes {
          id number version caseId providerId provider { name }
          case { patient { id firstName lastName } }
          history { event actorName actorKind } } } }`,
    );
    const order = orders.nodes.find((o) => o.history.length >= 2 && o.history.every((h) => h.actorName));
    expect(order, "an order with two named history entries").toBeDefined();

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/orders/${order!.id}/show`);
    const summary = page.getByTestId("section-summary");
    await summary.waitFor();
    await expect.poll(async () => summary.textContent(), { timeout: 30_000 }).toContain(order!.provider.name);
    const patient = order!.case.patient;
    await expect
      .poll(async () => summary.textContent(), { timeout: 30_000 })
      .toContain(`${patient.firstName} ${patient.lastName}`);
    expect(await summary.textContent()).toContain(order!.number);
    expect(await page.getByTestId("section-summary").locator("h2").textContent()).toBe("Summary");
    expect(await page.getByTestId("section-deadlines").locator("h2").textContent()).toBe("Dates and deadlines");

    // the history as sentences: "Issued by <name>, <date>", never the raw event and actor kind
    const entries = page.getByTestId("history-entry");
    await expect.poll(async () => entries.count(), { timeout: 30_000 }).toBe(order!.history.length);
    const first = (await entries.first().locator("p, span").first().textContent())?.trim() ?? "";
    expect(first).toMatch(
      new RegExp(`^Issued by ${order!.history[0]!.actorName!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, \\d`),
    );
    const timeline = (await page.getByTestId("status-timeline").textContent()) ?? "";
    expect(timeline).not.toMatch(/\b(STAFF|PARTNER|SUBMIT_FOR_REVIEW|START_EVALUATION)\b/);

    // no internal ids or bookkeeping anywhere on the page
    const main = (await page.locator("main").textContent()) ?? "";
    for (const id of [order!.id, order!.caseId, order!.providerId, patient.id]) expect(main).not.toContain(id);
    expect(main).not.toMatch(/\bVersion\b|Updated at/);
    await page.context().close();
  });

  it("the visits list: number, patient, hospital, visitor, date and status; no bank account", async () => {
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/visits`);
    expect(await headers(page)).toEqual(["Number", "Patient", "Site", "Visitor", "Scheduled at", "Status"]);
    // every patient cell resolves to a name (one batched query), none to an error icon
    const cells = page.locator("tbody td.column-patientId");
    await expect
      .poll(async () => (await cells.allTextContents()).every((t) => t.trim() !== ""), { timeout: 30_000 })
      .toBe(true);
    expect(await page.locator('tbody [data-testid="ErrorIcon"]').count()).toBe(0);
    await page.context().close();
  });

  it("the claims list: number, patient, agency, status, payable and due date; the patient filter narrows it", async () => {
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/claims`);
    expect(await headers(page)).toEqual(["Number", "Patient", "Registered by", "Status", "Payable", "Delivery due"]);
    const payable = page.locator("tbody td.column-payable");
    await expect
      .poll(async () => (await payable.allTextContents()).some((t) => /\d/.test(t) && /[A-Z$]/.test(t)), {
        timeout: 30_000,
      })
      .toBe(true);

    // by patient: the rows are that patient's claims, as many as the API counts
    const token = await staffToken(apiUrl, "operator");
    const { claims } = await gql<{
      claims: { nodes: { case: { patient: { id: string; firstName: string; lastName: string } } }[] };
    }>(apiUrl, token, "{ claims(first: 1) { nodes { case { patient { id firstName lastName } } } } }");
    const patient = claims.nodes[0]!.case.patient;
    const { claims: theirs } = await gql<{ claims: { totalCount: number } }>(
      apiUrl,
      token,
      "query($f: ClaimFilter) { claims(filter: $f) { totalCount } }",
      { f: { patientId: patient.id } },
    );
    await page.goto(
      `${consoleUrl}/#/claims?filter=${encodeURIComponent(JSON.stringify({ patientId: patient.id }))}&displayedFilters=${encodeURIComponent(JSON.stringify({ patientId: true }))}`,
    );
    const cells = page.locator("tbody td.column-case_patient");
    await expect
      .poll(
        async () => {
          const texts = (await cells.allTextContents()).map((t) => t.trim());
          return (
            texts.length === theirs.totalCount &&
            texts.every((t) => t.startsWith(`${patient.firstName} ${patient.lastName}`))
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.context().close();
  });

  it("a visitor sees their visit's bank account masked, as an operator does", async () => {
    const token = await staffToken(apiUrl, "visitor");
    const { visits } = await gql<{ visits: { nodes: { id: string; bankAccount: string | null }[] } }>(
      apiUrl,
      token,
      "{ visits(first: 100) { nodes { id bankAccount } } }",
    );
    // the API itself masks it for the visitor who entered it: only billing reads it in clear
    expect(visits.nodes.filter((v) => v.bankAccount && !v.bankAccount.startsWith("•"))).toEqual([]);
    const visit = visits.nodes.find((v) => v.bankAccount);
    expect(visit, "a visit of theirs with a payout account").toBeDefined();

    const page = await session.signedIn("visitor");
    await page.goto(`${consoleUrl}/#/visits/${visit!.id}/show`);
    const account = page.getByTestId("bank-account");
    await account.waitFor({ timeout: 30_000 });
    expect((await account.textContent())?.trim()).toBe(visit!.bankAccount);
    await page.context().close();
  });
});
