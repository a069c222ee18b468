import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, LAB_API_KEY } from "./support";

/**
 * Issue 19: the order trays' counts follow other users' changes without a reload (the
 * counts poll every 15 s while the page is visible; src/orders/TrayTabs.tsx).
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

const countOf = (label: string | null) => Number(/\((\d+)\)/.exec(label ?? "")?.[1] ?? NaN);

describe("the order trays", () => {
  it("move their counts when a lab confirms an order elsewhere, with no reload", async () => {
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/orders`);
    const inProcess = page.getByTestId("tray-IN_PROCESS");
    const worked = page.getByTestId("tray-WORKED");
    await expect.poll(async () => countOf(await inProcess.textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
    const before = { inProcess: countOf(await inProcess.textContent()), worked: countOf(await worked.textContent()) };
    // A mark only a reload would wipe.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The lab, through its API key, confirms one of its new orders.
    const { orders } = await gql<{ orders: { nodes: { id: string; version: number; confirmBy: string }[] } }>(
      apiUrl,
      LAB_API_KEY,
      `{ orders(first: 50, filter: { tray: IN_PROCESS }) { nodes { id version confirmBy } } }`,
    );
    const order = orders.nodes.find((o) => Date.parse(o.confirmBy) > Date.now() + 60_000)!;
    expect(order, "an order the lab can still confirm").toBeDefined();
    const { transitionOrder } = await gql<{ transitionOrder: { order: { status: string } | null } }>(
      apiUrl,
      LAB_API_KEY,
      `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { status } userErrors { code } } }`,
      { i: { id: order.id, event: "CONFIRM", expectedVersion: order.version } },
    );
    expect(transitionOrder.order?.status).toBe("CONFIRMED");

    await expect
      .poll(async () => countOf(await inProcess.textContent()), { timeout: 60_000, interval: 1_000 })
      .toBe(before.inProcess - 1);
    expect(countOf(await worked.textContent())).toBe(before.worked + 1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.close();
  });
});
