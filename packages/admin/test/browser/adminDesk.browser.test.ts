import { describe, expect, inject, it } from "vitest";
import { addFilter, browserSession, gql, staffToken } from "./support";
import { shot } from "./desk";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

describe("the admin's day against the real API", () => {
  it("lists users with their roles and their organisation by name", async () => {
    const page = await session.signedIn("admin");
    await page.goto(`${consoleUrl}/#/users`);
    const row = page.locator("tbody tr", { hasText: "operator@clinigraph.demo" });
    await row.waitFor();
    expect(await row.locator("td.column-roles").textContent()).toContain("Operator");
    const organization = row.locator("td.column-organizationId");
    await expect.poll(async () => (await organization.textContent())?.trim()).toMatch(/\p{L}{3,}/u);
    expect(await organization.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    await page.context().close();
  });

  it("reads a visit's audit trail in words: status values translated and the site by name, never an id", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { patients, organizations } = await gql<{
      patients: { nodes: { id: string }[] };
      organizations: { nodes: { id: string; name: string }[] };
    }>(
      apiUrl,
      token,
      `{ patients(first: 1, filter: { status: ACTIVE }) { nodes { id } }
         organizations(first: 1, filter: { kind: CLINIC }) { nodes { id name } } }`,
    );
    const clinic = organizations.nodes[0]!;
    const booked = await gql<{ scheduleAppointment: { visit: { id: string; version: number } } }>(
      apiUrl,
      token,
      `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { visit { id version } } }`,
      {
        input: {
          patientId: patients.nodes[0]!.id,
          providerId: clinic.id,
          scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        },
      },
    );
    const visit = booked.scheduleAppointment.visit;
    await gql(
      apiUrl,
      token,
      `mutation($input: TransitionVisitInput!) { transitionVisit(input: $input) { userErrors { code } } }`,
      { input: { id: visit.id, event: "CANCEL", expectedVersion: visit.version, reason: "Duplicada" } },
    );

    const page = await session.signedIn("admin");
    await page.goto(`${consoleUrl}/#/auditEvents`);
    await page.locator("tbody tr").first().waitFor();
    const entity = await addFilter(page, "entityId");
    await entity.fill(visit.id);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const text = async () => (await page.locator("tbody").textContent()) ?? "";
    await expect.poll(text, { timeout: 30_000 }).toContain("Scheduled → Cancelled");
    await expect.poll(text, { timeout: 30_000 }).toContain(clinic.name);
    expect(await text()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    await shot(page, "audit-visit");
    await page.context().close();
  });

  it("opens the queue dashboard from the console menu", async () => {
    const page = await session.signedIn("admin");
    const [dashboard] = await Promise.all([
      page.context().waitForEvent("page"),
      page.getByTestId("menu-queue-dashboard").click(),
    ]);
    const response = await dashboard.waitForResponse((r) => r.url().includes("/admin/queues/api/queues"), {
      timeout: 30_000,
    });
    expect(response.status()).toBe(200);
    await dashboard.waitForLoadState("load");
    await shot(dashboard, "queue-dashboard");
    await page.context().close();
  });

  it("BILLING reads orders and claims without a Create button, which the API would refuse it", async () => {
    const page = await session.signedIn("billing");
    for (const resource of ["orders", "claims"]) {
      await page.goto(`${consoleUrl}/#/${resource}`);
      // the toolbar is drawn (Export sits beside where Create would be)
      await page.getByRole("button", { name: "Export" }).waitFor();
      expect(await page.locator(`a[href="#/${resource}/create"]`).count()).toBe(0);
    }
    await page.context().close();
  });
});
