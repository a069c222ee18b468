import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

describe("visit assignment against the real API", () => {
  it("bulk-assigns two pending visits of a hospital to a covering visitor and queues the SMS", async () => {
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/visit-assignment`);

    // the first hospital with at least two pending visits
    const rows = page.locator("tbody tr");
    const options = async () => {
      await page.getByTestId("assignment-hospital").locator("..").click();
      return page.getByRole("option");
    };
    const count = await (await options()).count();
    let found = false;
    for (let i = 0; i < count && !found; i++) {
      if (i > 0) await options();
      await page.getByRole("option").nth(i).click();
      await page.waitForTimeout(300);
      await page.locator("tbody tr, .RaList-noResults, .RaEmpty-message").first().waitFor();
      found = (await rows.count()) >= 2;
    }
    expect(found).toBe(true);

    const numbers = [
      (await rows.nth(0).locator("td").nth(1).textContent())?.trim(),
      (await rows.nth(1).locator("td").nth(1).textContent())?.trim(),
    ];
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await rows.nth(1).locator('input[type="checkbox"]').check();
    await page.getByTestId("bulk-assign").click();
    await page.getByTestId("assign-visitor").locator("..").click();
    await page.getByRole("option").first().click();
    await expect(page.getByTestId("assign-sms").locator("input").isChecked()).resolves.toBe(true);
    await page.getByTestId("assign-confirm").click();
    await page.getByRole("dialog").waitFor({ state: "detached" });

    const token = await staffToken(apiUrl, "operator");
    for (const number of numbers) {
      const { visits } = await gql<{
        visits: { nodes: { id: string; status: string; assignee: { id: string } | null }[] };
      }>(
        apiUrl,
        token,
        "query($q: String) { visits(first: 1, filter: { search: $q }) { nodes { id status assignee { id } } } }",
        { q: number },
      );
      const visit = visits.nodes[0];
      expect(visit.status).not.toBe("PENDING_ASSIGNMENT");
      expect(visit.assignee).not.toBeNull();
      const { notifications } = await gql<{ notifications: { totalCount: number } }>(
        apiUrl,
        token,
        "query($id: ID) { notifications(filter: { relatedId: $id, channel: SMS }) { totalCount } }",
        { id: visit.id },
      );
      expect(notifications.totalCount).toBeGreaterThan(0);
    }
    await page.context().close();
  });
});
