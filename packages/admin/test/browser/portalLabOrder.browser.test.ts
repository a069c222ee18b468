import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { shot, TINY_PNG } from "./desk";
import { browserSession, gql, LAB_API_KEY, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

/** An order the demo lab still has to confirm, with time left to do it. */
async function requiredLabOrder(): Promise<{ id: string; number: string }> {
  const data = await gql<{ orders: { nodes: { id: string; number: string; confirmBy: string }[] } }>(
    apiUrl,
    LAB_API_KEY,
    "{ orders(first: 100, filter: { status: [ISSUED] }, orderBy: { field: CONFIRM_BY, direction: DESC }) { nodes { id number confirmBy } } }",
  );
  const order = data.orders.nodes.find((o) => new Date(o.confirmBy).getTime() > Date.now() + 3600_000);
  if (!order) throw new Error("the demo seed has no lab order to confirm");
  return order;
}

async function statusIs(page: Page, status: string) {
  await page.locator(`[data-testid="portal-order-status"][data-status="${status}"]`).waitFor();
}

async function event(page: Page, name: string, next: string) {
  await page.getByTestId(`portal-event-${name}`).click();
  await statusIs(page, next);
}

async function uploadReport(page: Page, kind: "PRELIMINARY" | "FINAL", name: string) {
  const reports = page.getByTestId("order-report");
  const before = await reports.count();
  const kindInput = page.getByTestId("portal-report-kind");
  if ((await kindInput.inputValue()) !== kind && !(await kindInput.isDisabled())) {
    await kindInput.locator("..").click();
    await page.getByTestId(`portal-report-kind-${kind}`).click();
  }
  await page.getByTestId("portal-report-file").setInputFiles({ name, mimeType: "image/png", buffer: TINY_PNG });
  await page.getByTestId("portal-send-document").click();
  await expect.poll(() => reports.count(), { timeout: 60_000 }).toBe(before + 1);
}

describe("a lab's user works an order in the partner portal", () => {
  it("confirms, evaluates, attaches preliminary and final reports, submits; after a rejection sees why and resubmits", async () => {
    const target = await requiredLabOrder();
    const page = await session.partnerSignedIn("lab");
    // its own menu: the trays, not the operator's desk
    await page.getByTestId("portal-menu-orders").waitFor();
    expect(await page.getByTestId("menu-visitAssignment").count()).toBe(0);
    const required = page.getByTestId("portal-tray-REQUIRED");
    await expect.poll(() => required.textContent()).toMatch(/\(\d+\)/);
    await page.getByTestId("portal-tray-rows").waitFor();
    // deadlines are highlighted
    expect(await page.locator('[data-testid^="deadline-"]').count()).toBeGreaterThan(0);
    await shot(page, "portal-lab-trays");
    await page.getByTestId(`portal-order-${target.number}`).click();
    await page.waitForURL(new RegExp(`#/portal/orders/${target.id}$`));
    await statusIs(page, "ISSUED");

    await event(page, "CONFIRM", "CONFIRMED");
    await event(page, "START_EVALUATION", "IN_EVALUATION");
    // no FINAL report yet: the machine's guard holds SUBMIT_FOR_REVIEW back, and the page says why
    await page.getByTestId("portal-waiting-SUBMIT_FOR_REVIEW").waitFor();
    expect(await page.getByTestId("portal-event-SUBMIT_FOR_REVIEW").count()).toBe(0);
    await uploadReport(page, "PRELIMINARY", "informe-preliminar.png");
    await page.getByTestId("portal-waiting-SUBMIT_FOR_REVIEW").waitFor();
    expect(await page.getByTestId("portal-event-SUBMIT_FOR_REVIEW").count()).toBe(0);
    await uploadReport(page, "FINAL", "informe-final.png");
    await page.getByTestId("portal-event-SUBMIT_FOR_REVIEW").waitFor();
    expect(await page.getByTestId("portal-waiting-SUBMIT_FOR_REVIEW").count()).toBe(0);
    await event(page, "SUBMIT_FOR_REVIEW", "IN_VERIFICATION");

    // the operator rejects it through the API
    const operator = await staffToken(apiUrl, "operator");
    const { rejectionReasons } = await gql<{ rejectionReasons: { code: string }[] }>(
      apiUrl,
      operator,
      "{ rejectionReasons { code } }",
    );
    const { order } = await gql<{ order: { version: number } }>(
      apiUrl,
      operator,
      "query($id: ID!) { order(id: $id) { version } }",
      { id: target.id },
    );
    const rejected = await gql<{ transitionOrder: { userErrors: unknown[] } }>(
      apiUrl,
      operator,
      "mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { userErrors { code message } } }",
      {
        i: {
          id: target.id,
          event: "REJECT",
          reasonCode: rejectionReasons[0]!.code,
          reason: "Falta la firma del tecnólogo en el informe final.",
          expectedVersion: order.version,
        },
      },
    );
    expect(rejected.transitionOrder.userErrors).toEqual([]);

    // the lab sees the order in its Returned tray, with the reason
    await page.goto(`${consoleUrl}/#/portal/orders?tray=RETURNED`);
    await page.getByTestId(`portal-order-${target.number}`).click();
    await statusIs(page, "REJECTED");
    const rejection = page.getByTestId("portal-rejection");
    await expect.poll(() => rejection.textContent()).toContain("Falta la firma del tecnólogo en el informe final.");
    await shot(page, "portal-lab-rejected-order");
    // a rejected order takes only a FINAL correction
    expect(await page.getByTestId("portal-report-kind").isDisabled()).toBe(true);
    // RESUBMIT waits for a FINAL report newer than the rejection
    await page.getByTestId("portal-waiting-RESUBMIT").waitFor();
    expect(await page.getByTestId("portal-event-RESUBMIT").count()).toBe(0);
    await uploadReport(page, "FINAL", "informe-final-corregido.png");
    await event(page, "RESUBMIT", "IN_VERIFICATION");
    const timeline = page.getByTestId("status-timeline");
    await expect.poll(() => timeline.textContent()).toContain("Falta la firma del tecnólogo en el informe final.");
    await page.context().close();
  });
});
