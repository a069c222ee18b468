import { describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import { SHOTS_DIR } from "./desk";
import { browserSession, gql, INTERCONSULTANT_API_KEY } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

const TRANSITION = `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { status version } userErrors { code message } } }`;

/**
 * A traumatology expert opinion of the demo specialist, brought to IN_EVALUATION through the
 * organisation's API key (confirming and starting are the lab test's part).
 */
async function orderInEvaluation(): Promise<{ id: string; number: string }> {
  const data = await gql<{
    orders: {
      nodes: { id: string; number: string; status: string; version: number; confirmBy: string; dueAt: string }[];
    };
  }>(
    apiUrl,
    INTERCONSULTANT_API_KEY,
    "{ orders(first: 100, filter: { status: [ISSUED, CONFIRMED] }, orderBy: { field: DUE_AT, direction: DESC }) { nodes { id number status version confirmBy dueAt } } }",
  );
  const now = Date.now() + 3600_000;
  const order = data.orders.nodes.find(
    (o) => new Date(o.dueAt).getTime() > now && (o.status === "CONFIRMED" || new Date(o.confirmBy).getTime() > now),
  );
  if (!order) throw new Error("the demo seed has no specialist order to evaluate");
  let version = order.version;
  for (const event of order.status === "ISSUED" ? ["CONFIRM", "START_EVALUATION"] : ["START_EVALUATION"]) {
    const res = await gql<{ transitionOrder: { order: { version: number }; userErrors: unknown[] } }>(
      apiUrl,
      INTERCONSULTANT_API_KEY,
      TRANSITION,
      { i: { id: order.id, event, expectedVersion: version } },
    );
    expect(res.transitionOrder.userErrors).toEqual([]);
    version = res.transitionOrder.order.version;
  }
  return order;
}

describe("an interconsultant fills the specialty's form", () => {
  it("renders the traumatology form from its JSON Schema, refuses it incomplete, and files it as the final report", async () => {
    const target = await orderInEvaluation();
    const page = await session.partnerSignedIn("specialist");
    await page.goto(`${consoleUrl}/#/portal/orders/${target.id}`);
    await page.locator('[data-testid="portal-order-status"][data-status="IN_EVALUATION"]').waitFor();

    const kind = page.getByTestId("portal-report-kind");
    await kind.locator("..").click();
    await page.getByTestId("portal-report-kind-FINAL").click();
    await page.getByTestId("portal-mode-form").click();
    const form = page.getByTestId("portal-report-form");
    await form.locator("#root_diagnosis").waitFor();

    // incomplete: ajv says so beside the fields, and nothing reaches the API
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator(".Mui-error").count()).toBeGreaterThan(0);
    await page.getByTestId("portal-report-error").waitFor();
    expect(await page.getByTestId("order-report").count()).toBe(0);

    await form.locator("#root_diagnosis").fill("Lumbalgia mecánica sin compromiso radicular");
    await form.locator("#root_affectedSegment").click();
    await page.getByRole("option", { name: "Spine", exact: true }).click();
    await form.locator("#root_functionalLoss").fill("15");
    await form.locator("#root_examinedAt").fill("2026-03-02");
    await page.keyboard.press("Escape");
    await page.getByTestId("report-composer").screenshot({ path: join(SHOTS_DIR, "portal-specialist-form.png") });
    await form.locator('button[type="submit"]').click();

    const report = page.getByTestId("order-report");
    await expect
      .poll(async () => ((await report.count()) === 1 ? "filed" : await form.locator(".Mui-error").allTextContents()), {
        timeout: 60_000,
      })
      .toBe("filed");
    const table = page.getByTestId("form-report");
    await expect.poll(() => table.textContent()).toContain("Lumbalgia mecánica sin compromiso radicular");
    await page.getByTestId("portal-event-SUBMIT_FOR_REVIEW").click();
    await page.locator('[data-testid="portal-order-status"][data-status="IN_VERIFICATION"]').waitFor();

    // what the API stored is the form as filled
    const { order } = await gql<{ order: { reports: { kind: string; form: Record<string, unknown> }[] } }>(
      apiUrl,
      INTERCONSULTANT_API_KEY,
      "query($id: ID!) { order(id: $id) { reports { kind form } } }",
      { id: target.id },
    );
    expect(order.reports).toEqual([
      {
        kind: "FINAL",
        form: {
          diagnosis: "Lumbalgia mecánica sin compromiso radicular",
          affectedSegment: "SPINE",
          functionalLoss: 15,
          examinedAt: "2026-03-02",
        },
      },
    ]);
    await page.context().close();
  });
});
