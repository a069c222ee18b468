import { describe, expect, inject, it } from "vitest";
import { TINY_PNG, fire, pickAutocomplete, pickSelect, shot } from "./desk";
import { browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface OrderState {
  status: string;
  serviceCodes?: string[];
  reports: { kind: string; submittedByKind: string; file: { fileName: string } | null }[];
}

async function orderState(token: string, id: string): Promise<OrderState> {
  const { order } = await gql<{ order: OrderState }>(
    apiUrl,
    token,
    "query($id: ID!) { order(id: $id) { status reports { kind submittedByKind file { fileName } } } }",
    { id },
  );
  return order;
}

describe("the operator's order desk against the real API", () => {
  it("issues an order from the console (case, provider, specialty, services), then suspends, resumes and voids it with reasons", async () => {
    const token = await staffToken(apiUrl, "operator");
    // an open case and a lab, as the operator would pick them
    const { cases, organizations } = await gql<{
      cases: { nodes: { id: string; number: string }[] };
      organizations: { nodes: { id: string; name: string }[] };
    }>(
      apiUrl,
      token,
      `{ cases(first: 1, filter: { status: [OPEN] }) { nodes { id number } }
         organizations(first: 1, filter: { kind: LAB, specialty: "traumatology" }) { nodes { id name } } }`,
    );
    const kase = cases.nodes[0]!;
    const lab = organizations.nodes[0]!;
    // providers the traumatology order must not be offered: a psychiatry-only specialist, a hospital
    const { psychiatry, hospitals } = await gql<{
      psychiatry: { nodes: { name: string; specialties: string[] }[] };
      hospitals: { nodes: { name: string }[] };
    }>(
      apiUrl,
      token,
      `{ psychiatry: organizations(first: 50, filter: { kind: INTERCONSULTANT, specialty: "psychiatry" }) { nodes { name specialties } }
         hospitals: organizations(first: 1, filter: { kind: HOSPITAL }) { nodes { name } } }`,
    );
    const specialist = psychiatry.nodes.find((o) => o.specialties.length === 1)!;
    expect(specialist, "the seed's psychiatry-only interconsultant").toBeDefined();

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/orders`);
    await page.getByRole("link", { name: "Create" }).click();
    await page.waitForURL(/#\/orders\/create/);
    await pickAutocomplete(page, "caseId", kase.number);
    await pickSelect(page, "kind", 0);
    await pickSelect(page, "specialty", "Traumatology");
    // the provider picker searches only the active providers that take traumatology orders
    const provider = page.locator('input[name="providerId"]').first();
    for (const unfit of [specialist.name, hospitals.nodes[0]!.name]) {
      const answered = page.waitForResponse(
        (r) => (r.request().postData() ?? "").includes("organizations") && r.request().postData()!.includes("search"),
      );
      await provider.click();
      await provider.fill(unfit);
      const body = (await (await answered).json()) as { data: { organizations: { nodes: unknown[] } } };
      expect(body.data.organizations.nodes, `${unfit} is not offered`).toEqual([]);
      await provider.fill("");
    }
    await pickAutocomplete(page, "providerId", lab.name);
    await page.locator('input[name="serviceCodes"]').click();
    await page.getByRole("option").first().click();
    await page.keyboard.press("Escape");
    await page.locator('input[name="notes"], textarea[name="notes"]').first().fill("Orden emitida desde la consola.");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/#\/orders\/[^/]+\/show/);
    const id = decodeURIComponent(page.url().split("/orders/")[1]!.split("/")[0]!);
    await page.locator('[data-value="ISSUED"]').first().waitFor();
    await shot(page, "order-issued");

    await fire(page, "SUSPEND");
    await page.getByTestId("transition-reason").fill("El paciente está hospitalizado.");
    await page.getByRole("dialog").getByRole("button", { name: "Suspend" }).click();
    await page.locator('[data-value="SUSPENDED"]').first().waitFor();

    await fire(page, "RESUME");
    await page.locator('[data-value="ISSUED"]').first().waitFor();

    await fire(page, "VOID");
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain("This cannot be undone.");
    await page.getByTestId("transition-reason").fill("Emitida por error.");
    await dialog.getByRole("button", { name: "Void" }).click();
    await page.locator('[data-value="VOIDED"]').first().waitFor();

    expect((await orderState(token, id)).status).toBe("VOIDED");
    const timeline = page.getByTestId("status-timeline");
    await expect.poll(() => timeline.textContent()).toContain("El paciente está hospitalizado.");
    await page.context().close();
  });

  it("files a FINAL report on the provider's behalf for an order in evaluation, shown beside the order", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { orders } = await gql<{ orders: { nodes: { id: string; number: string }[] } }>(
      apiUrl,
      token,
      "{ orders(first: 1, filter: { status: [IN_EVALUATION] }) { nodes { id number } } }",
    );
    const order = orders.nodes[0];
    if (!order) throw new Error("the seed has no order in evaluation");
    const before = (await orderState(token, order.id)).reports.length;

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/orders/${encodeURIComponent(order.id)}/show`);
    await page.getByTestId("attach-report").click();
    await pickSelect(page, "report-kind", /Final/);
    await page
      .getByTestId("report-file")
      .setInputFiles({ name: "informe-final.png", mimeType: "image/png", buffer: TINY_PNG });
    await page.getByRole("dialog").getByRole("button", { name: "Attach report" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });

    const reports = page.getByTestId("order-reports");
    await expect.poll(() => reports.textContent(), { timeout: 20_000 }).toContain("informe-final.png");
    const after = await orderState(token, order.id);
    expect(after.reports).toHaveLength(before + 1);
    expect(after.reports.some((r) => r.kind === "FINAL" && r.file?.fileName === "informe-final.png")).toBe(true);
    await shot(page, "order-report-on-behalf");
    await page.context().close();
  });
});
