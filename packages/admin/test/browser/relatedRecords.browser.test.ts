import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, gql, staffToken } from "./support";

/**
 * The case, patient and policy pages are designed pages, not the generic dump: their
 * sections, then the records that belong to them (a case's orders and claims, a patient's
 * policies and cases, a policy's liabilities and members), each row opening its own page,
 * and the status history as sentences. On the volume seed (guard.setup.ts fails on any
 * 4xx/5xx or console error).
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface Sample {
  orders: { nodes: { number: string; case: { id: string; number: string; patientId: string } }[] };
  policies: { nodes: { id: string; number: string; liabilities: { id: string }[] }[] };
}

describe("record pages with what belongs to them", () => {
  it("a case lists its orders, its patient their policies and cases, a policy its liabilities and members", async () => {
    const token = await staffToken(apiUrl, "operator");
    const sample = await gql<Sample>(
      apiUrl,
      token,
      `{ orders(first: 1, filter: { tray: WORKED }) { nodes { number case { id number patientId } } }
         policies(first: 20, filter: { status: [ACTIVE] }) { nodes { id number liabilities { id } } } }`,
    );
    const order = sample.orders.nodes[0]!;
    const page = await session.signedIn("operator");

    // the case: its sections, its orders (the sample among them), the history as sentences
    await page.goto(`${consoleUrl}/#/cases/${encodeURIComponent(order.case.id)}/show`);
    await page.getByTestId("section-summary").waitFor();
    const orders = page.getByTestId("related-orders");
    await orders.getByText(order.number).waitFor();
    await page
      .getByTestId("status-timeline")
      .getByText(/^Registered /)
      .first()
      .waitFor();
    // an empty relation is left out, not shown as "No … found"
    expect(await page.getByText(/No .* found/).count()).toBe(0);
    await shot(page, "operator-case");

    // a row opens its own record
    await orders.getByText(order.number).click();
    await page.waitForURL(/#\/orders\/[^/]+\/show/);

    // the patient: their cases (this one among them)
    await page.goto(`${consoleUrl}/#/patients/${encodeURIComponent(order.case.patientId)}/show`);
    await page.getByTestId("section-person").waitFor();
    await page.getByTestId("related-cases").getByText(order.case.number).waitFor();
    await shot(page, "operator-patient");

    // a policy: every liability as a sentence, and its members
    const policy = sample.policies.nodes.find((p) => p.liabilities.length > 1)!;
    expect(policy, "an active policy with several liabilities").toBeDefined();
    await page.goto(`${consoleUrl}/#/policies/${encodeURIComponent(policy.id)}/show`);
    const liabilities = page.getByTestId("policy-liability");
    await expect.poll(() => liabilities.count(), { timeout: 30_000 }).toBe(policy.liabilities.length);
    expect(await liabilities.first().textContent()).toMatch(/% covered/);
    await page.getByTestId("related-patients").locator("tbody tr").first().waitFor();
    await shot(page, "operator-policy");
    await page.context().close();
  });
});
