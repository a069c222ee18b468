import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, INTERCONSULTANT_API_KEY } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

describe("a partner's user stays in its organisation", () => {
  it("cannot open another organisation's order by URL, nor any operator route or menu, and the API refuses it too", async () => {
    // an order of another provider (the demo specialist), read with that organisation's key
    const { orders } = await gql<{ orders: { nodes: { id: string }[] } }>(
      apiUrl,
      INTERCONSULTANT_API_KEY,
      "{ orders(first: 1) { nodes { id } } }",
    );
    const foreign = orders.nodes[0];
    if (!foreign) throw new Error("the demo seed has no specialist order");

    const page = await session.partnerSignedIn("lab");
    await page.goto(`${consoleUrl}/#/portal/orders/${foreign.id}`);
    await page.getByTestId("portal-not-found").waitFor();
    expect(await page.getByTestId("portal-order-number").count()).toBe(0);

    // operator screens are not there for a partner: react-admin's not-found page, no operator menu
    for (const route of [
      "/orders",
      `/orders/${foreign.id}/show`,
      "/users",
      "/visit-assignment",
      "/api-keys",
      "/cases",
    ]) {
      await page.goto(`${consoleUrl}/#${route}`);
      await page.locator(".RaNotFound-message").first().waitFor();
    }
    // another kind's portal screen is not there either
    await page.goto(`${consoleUrl}/#/portal/visits`);
    await page.locator(".RaNotFound-message").first().waitFor();
    const menu = page.locator(".RaMenu-open, .RaMenu-closed").first();
    expect(await menu.locator('a[href*="portal/orders"]').count()).toBe(1);
    for (const operatorLink of ["#/users", "#/visit-assignment", "#/organizations", "#/auditEvents"])
      expect(await menu.locator(`a[href="${operatorLink}"]`).count()).toBe(0);

    // its admin manages its own organisation's users, and only those
    await page.getByTestId("portal-menu-users").click();
    await page.getByTestId("portal-user-email").fill("tecnologa.portal@partner.test");
    await page.getByTestId("portal-user-name").fill("Tecnóloga del portal");
    await page.getByTestId("portal-user-password").fill("a-long-enough-password-1");
    await page.getByTestId("portal-user-create").click();
    await page.getByTestId("portal-user-tecnologa.portal@partner.test").waitFor();
    const emails = await page.getByTestId("portal-users").locator("bdi").allTextContents();
    expect(emails).toContain("lab@partner.demo");
    expect(emails).not.toContain("specialist@partner.demo");

    // the API agrees: with the same session's token an operator query is FORBIDDEN
    const token = await page.evaluate(() => localStorage.getItem("clinigraph.accessToken"));
    const refused = await fetch(`${apiUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token ?? ""}` },
      body: JSON.stringify({ query: "{ users(first: 1) { totalCount } }" }),
    });
    expect(refused.status).toBe(403);
    const byId = await gql<{ order: unknown }>(apiUrl, token ?? "", "query($id: ID!) { order(id: $id) { id } }", {
      id: foreign.id,
    });
    expect(byId.order).toBeNull();
    await page.context().close();
  });
});
