import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, gql, staffToken } from "./support";

/**
 * BILLING's day in the console, on the volume seed: the insurer's remittance and the
 * patient's co-pay recorded through recordPayment, a claim settled with a reason before
 * the insurer paid in full, and the daily collections of any day, downloaded as CSV.
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface BillingClaim {
  id: string;
  number: string;
  status: string;
  registeredById: string;
  settlementNote: string | null;
  paid: { insurer: string; patient: string };
  outstanding: { insurer: string; patient: string };
  payments: { id: string; payer: string; amount: string; reference: string | null }[];
}

const FIELDS = `id number status registeredById settlementNote paid { insurer patient } outstanding { insurer patient }
  payments { id payer amount reference }`;

describe("billing's day", () => {
  it("records a remittance and a co-pay, settles with a reason, reads and exports the day's collections", async () => {
    const token = await staffToken(apiUrl, "billing");
    const { claims } = await gql<{ claims: { nodes: BillingClaim[] } }>(
      apiUrl,
      token,
      `{ claims(first: 50, filter: { status: [APPROVED] }) { nodes { ${FIELDS} } } }`,
    );
    const owing = claims.nodes.filter((c) => Number(c.outstanding.insurer) > 0);
    expect(owing.length, "approved claims the insurer still owes on").toBeGreaterThanOrEqual(2);
    const [paying, settling] = [owing[0], owing[1]];
    const read = async (id: string) =>
      (await gql<{ claim: BillingClaim }>(apiUrl, token, `query($id: ID!) { claim(id: $id) { ${FIELDS} } }`, { id }))
        .claim;

    const page = await session.signedIn("billing");

    // the insurer's remittance: the amount starts at what the insurer owes
    await page.goto(`${consoleUrl}/#/claims/${paying.id}/show`);
    await page.getByTestId("record-payment").click();
    const dialog = page.getByTestId("record-payment-dialog");
    expect(Number(await dialog.getByTestId("payment-amount").inputValue())).toBe(Number(paying.outstanding.insurer));
    await dialog.getByTestId("payment-reference").fill("REM-2026-7781");
    await dialog.getByTestId("payment-save").click();
    await expect.poll(async () => Number((await read(paying.id)).outstanding.insurer), { timeout: 30_000 }).toBe(0);
    expect((await read(paying.id)).payments.some((p) => p.reference === "REM-2026-7781")).toBe(true);
    await page.getByTestId("payment-row").first().waitFor();

    // the patient's co-pay, part of what they owe
    const patientOwes = Number((await read(paying.id)).outstanding.patient);
    if (patientOwes > 0) {
      const part = String(Math.max(1, Math.floor(patientOwes / 2)));
      await page.getByTestId("record-payment").click();
      await dialog.locator('[role="combobox"]').first().click();
      await page.getByRole("option", { name: "Patient (co-pay)" }).click();
      await dialog.getByTestId("payment-amount").fill(part);
      await dialog.getByTestId("payment-save").click();
      await expect
        .poll(async () => Number((await read(paying.id)).paid.patient), { timeout: 30_000 })
        .toBe(Number(paying.paid.patient) + Number(part));
    }
    await shot(page, "billing-payments");

    // settling before the insurer paid in full: the dialog has the reason the rule asks for
    await page.goto(`${consoleUrl}/#/claims/${settling.id}/show`);
    await page.locator('[data-event="SETTLE"]').click();
    await page.getByTestId("transition-reference").fill("LIQ-2026-0042");
    await page.getByTestId("transition-reason").fill("Saldo condonado por acuerdo con la aseguradora");
    await shot(page, "billing-settle");
    await page.getByRole("dialog").getByRole("button", { name: "Settle" }).click();
    await expect.poll(async () => (await read(settling.id)).status, { timeout: 30_000 }).toBe("SETTLED");
    expect((await read(settling.id)).settlementNote).toBe("Saldo condonado por acuerdo con la aseguradora");

    // the day's collections hold the remittance; another day is one pick away; CSV downloads
    await page.getByTestId("menu-collections").click();
    await page.getByTestId("collections-row").first().waitFor();
    const { organization } = await gql<{ organization: { name: string } }>(
      apiUrl,
      token,
      "query($id: ID!) { organization(id: $id) { name } }",
      { id: paying.registeredById },
    );
    // the rows come with the figures, the organisations' names a request later
    await expect
      .poll(() => page.getByTestId("collections-page").textContent(), { timeout: 30_000 })
      .toContain(organization.name);
    await shot(page, "billing-collections");
    const download = page.waitForEvent("download");
    await page.getByTestId("collections-csv").click();
    const csv = await readFile((await (await download).path())!, "utf8");
    expect(csv.split("\r\n")[0]).toContain("receivedInsurer");
    expect(csv).toContain(organization.name);

    // another day: nothing was received then, so every row the API gives shows nothing received
    const other = "2020-01-02";
    const { dailyCollections } = await gql<{ dailyCollections: { receivedInsurer: string }[] }>(
      apiUrl,
      token,
      "query($d: LocalDate!) { dailyCollections(date: $d) { receivedInsurer } }",
      { d: other },
    );
    expect(dailyCollections.every((row) => Number(row.receivedInsurer) === 0)).toBe(true);
    const answered = page.waitForResponse(
      (r) => r.url().includes("/graphql") && (r.request().postData() ?? "").includes(other),
    );
    await page.getByTestId("collections-date").fill(other);
    await answered;
    await expect
      .poll(async () => page.getByTestId("collections-row").count(), { timeout: 15_000 })
      .toBe(dailyCollections.length);
    await page.context().close();
  });
});
