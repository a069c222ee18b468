import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, LAB_API_KEY } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface LabOrder {
  id: string;
  number: string;
  specialty: string;
  status: string;
  version: number;
}

/** An order of the demo lab waiting for the operator's verification, seen through the lab's own key. */
async function labOrderToManage(): Promise<LabOrder> {
  const data = await gql<{ orders: { nodes: LabOrder[] } }>(
    apiUrl,
    LAB_API_KEY,
    "{ orders(first: 1, filter: { tray: TO_MANAGE }) { nodes { id number specialty status version } } }",
  );
  const order = data.orders.nodes[0];
  if (!order) throw new Error("the demo seed has no lab order in the To manage tray");
  return order;
}

const ATTACH = `mutation($input: AttachOrderReportInput!) { attachOrderReport(input: $input) { userErrors { code message } } }`;
const TRANSITION = `mutation($input: TransitionOrderInput!) {
  transitionOrder(input: $input) { order { status version } userErrors { code message } }
}`;

/** The provider side: a corrected FINAL report, then RESUBMIT, through the API with the lab's key. */
async function resubmitAsLab(orderId: string) {
  const { order } = await gql<{ order: { version: number; specialty: string } }>(
    apiUrl,
    LAB_API_KEY,
    "query($id: ID!) { order(id: $id) { version specialty } }",
    { id: orderId },
  );
  const attached = await gql<{ attachOrderReport: { userErrors: { message: string }[] } }>(
    apiUrl,
    LAB_API_KEY,
    ATTACH,
    {
      input: {
        orderId,
        kind: "FINAL",
        form: {
          diagnosis: "Esguince de tobillo grado II, corregido",
          affectedSegment: "LOWER_LIMB",
          functionalLoss: 10,
          examinedAt: "2026-02-10",
        },
      },
    },
  );
  expect(attached.attachOrderReport.userErrors).toEqual([]);
  const { order: fresh } = await gql<{ order: { version: number } }>(
    apiUrl,
    LAB_API_KEY,
    "query($id: ID!) { order(id: $id) { version } }",
    { id: orderId },
  );
  const resubmitted = await gql<{ transitionOrder: { order: { status: string } | null; userErrors: unknown[] } }>(
    apiUrl,
    LAB_API_KEY,
    TRANSITION,
    { input: { id: orderId, event: "RESUBMIT", expectedVersion: fresh.version ?? order.version } },
  );
  expect(resubmitted.transitionOrder.userErrors).toEqual([]);
  expect(resubmitted.transitionOrder.order?.status).toBe("IN_VERIFICATION");
}

describe("order verification against the real API", () => {
  it("operator rejects from the To manage tray with a reason code, the lab resubmits, the operator approves after confirming", async () => {
    const target = await labOrderToManage();
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/orders`);

    const toManage = page.getByTestId("tray-TO_MANAGE");
    await toManage.click();
    await expect.poll(async () => toManage.textContent()).toMatch(/To manage \(\d+\)/);
    await page.locator('input[name="q"], input[name="search"]').first().fill(target.number);
    await page.getByRole("cell", { name: target.number, exact: true }).click();
    await page.waitForURL(new RegExp(`#/orders/${target.id}/show`));
    await page.getByTestId("order-reports").waitFor();
    await page.getByTestId("status-timeline").waitFor();

    await page.locator('[data-event="REJECT"]').click();
    await page.getByTestId("transition-reason-code").locator("..").click();
    await page.getByRole("option").first().click();
    await page.getByTestId("transition-reason").fill("El informe no trae la firma del especialista.");
    await page.getByRole("dialog").getByRole("button", { name: "Reject" }).click();
    await page.locator('[data-value="REJECTED"]').first().waitFor();

    await resubmitAsLab(target.id);

    await page.reload();
    await page.locator('[data-value="IN_VERIFICATION"]').first().waitFor();
    await page.locator('[data-event="APPROVE"]').click();
    // approving sends the order to billing for good: the console asks first
    const confirm = page.getByRole("dialog");
    await expect.poll(() => confirm.textContent()).toContain("This cannot be undone.");
    await confirm.getByRole("button", { name: "Approve" }).click();
    await page.locator('[data-value="VALIDATED_FOR_BILLING"]').first().waitFor();
    // the timeline now tells the whole story
    const timeline = page.getByTestId("status-timeline");
    await expect.poll(async () => timeline.textContent()).toContain("El informe no trae la firma del especialista.");
    await page.context().close();
  });
});
