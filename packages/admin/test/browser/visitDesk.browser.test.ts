import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { fire, localDateTime, pickAutocomplete, pickSelect, shot } from "./desk";
import { browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface Hospital {
  id: string;
  name: string;
  visitors: { id: string; name: string }[];
}

async function hospitals(token: string): Promise<Hospital[]> {
  const { organizations } = await gql<{ organizations: { nodes: Hospital[] } }>(
    apiUrl,
    token,
    "{ organizations(first: 50, filter: { kind: HOSPITAL }) { nodes { id name visitors { id name } } } }",
  );
  return organizations.nodes;
}

async function visitOf(token: string, id: string) {
  const { visit } = await gql<{
    visit: {
      status: string;
      scheduledAt: string | null;
      assignee: { id: string; name: string } | null;
      version: number;
    };
  }>(apiUrl, token, "query($id: ID!) { visit(id: $id) { status scheduledAt version assignee { id name } } }", { id });
  return visit;
}

function shownId(page: Page, resource: string): string {
  return decodeURIComponent(page.url().split(`/${resource}/`)[1]!.split("/")[0]!);
}

describe("the operator's visit desk against the real API", () => {
  it("creates a field visit for a case, assigns it, and reassigns it in the console to another visitor of the hospital with an SMS", async () => {
    const token = await staffToken(apiUrl, "operator");
    const hospital = (await hospitals(token)).find((h) => h.visitors.length >= 2);
    if (!hospital) throw new Error("the seed has no hospital covered by two visitors");
    // a new outpatient case at that hospital: it has no field visit yet (an inpatient one gets it on registration)
    const { patients } = await gql<{ patients: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ patients(first: 1, filter: { status: ACTIVE }) { nodes { id } } }",
    );
    const { registerCase } = await gql<{ registerCase: { case: { id: string; number: string } } }>(
      apiUrl,
      token,
      `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { case { id number } userErrors { code } } }`,
      {
        input: {
          patientId: patients.nodes[0]!.id,
          hospitalId: hospital.id,
          kind: "OUTPATIENT",
          incidentDate: "2026-12-01",
        },
      },
    );
    const kase = registerCase.case;

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/visits`);
    await page.getByTestId("new-field-visit").click();
    await pickAutocomplete(page, "caseId", kase.number);
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/#\/visits\/[^/]+\/show/);
    const id = shownId(page, "visits");
    await page.locator('[data-value="PENDING_ASSIGNMENT"]').first().waitFor();
    const created = await visitOf(token, id);

    // assignment has its own screen (visitAssignment.browser.test.ts); here it is the starting point
    const [first, second] = hospital.visitors;
    await gql(
      apiUrl,
      token,
      `mutation($input: AssignVisitInput!) { assignVisit(input: $input) { userErrors { code message } } }`,
      { input: { visitIds: [id], expectedVersions: [created.version], visitorId: first!.id } },
    );
    await page.reload();
    await fire(page, "REASSIGN");
    await pickSelect(page, "reassign-visitor", second!.name);
    await page.getByRole("dialog").locator("textarea").first().fill("Cambio de turno del visitador.");
    await page.getByRole("dialog").getByRole("button", { name: "Reassign" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(async () => (await visitOf(token, id)).assignee?.id, { timeout: 20_000 }).toBe(second!.id);
    // the new visitor is texted (the dialog's SMS box is on by default)
    const { notifications } = await gql<{ notifications: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "query($id: ID) { notifications(first: 10, filter: { relatedId: $id, channel: SMS }) { nodes { id } } }",
      { id },
    );
    expect(notifications.nodes.length).toBeGreaterThanOrEqual(1);
    await shot(page, "visit-reassigned");
    await page.context().close();
  });

  it("links a visitor to a hospital on the hospital's page and unlinks them again", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { users } = await gql<{ users: { nodes: { id: string; name: string }[] } }>(
      apiUrl,
      token,
      "{ users(first: 50, filter: { role: VISITOR, active: true }) { nodes { id name } } }",
    );
    const all = await hospitals(token);
    const pair = all
      .flatMap((h) => users.nodes.map((v) => ({ hospital: h, visitor: v })))
      .find(({ hospital, visitor }) => !hospital.visitors.some((c) => c.id === visitor.id));
    if (!pair) throw new Error("every visitor already covers every hospital");
    const { hospital, visitor } = pair;
    const covers = async () =>
      (await hospitals(token)).find((h) => h.id === hospital.id)!.visitors.some((v) => v.id === visitor.id);

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/organizations/${encodeURIComponent(hospital.id)}/show`);
    const panel = page.getByTestId("hospital-visitors");
    await panel.waitFor();
    await pickSelect(page, "hospital-visitor-candidate", visitor.name);
    await panel.getByRole("button", { name: "Add visitor" }).click();
    await expect.poll(covers, { timeout: 20_000 }).toBe(true);
    const chip = panel.locator(".MuiChip-root", { hasText: visitor.name });
    await chip.waitFor();
    await shot(page, "hospital-visitors");

    await chip.locator(".MuiChip-deleteIcon").click();
    await expect.poll(covers, { timeout: 20_000 }).toBe(false);
    await chip.waitFor({ state: "detached" });
    await page.context().close();
  });

  it("books an appointment, reschedules it with the date-time picker, and cancels it with a reason", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { patients, organizations } = await gql<{
      patients: { nodes: { id: string; customerNumber: string }[] };
      organizations: { nodes: { name: string }[] };
    }>(
      apiUrl,
      token,
      `{ patients(first: 1, filter: { status: ACTIVE }) { nodes { id customerNumber } }
         organizations(first: 1, filter: { kind: CLINIC }) { nodes { name } } }`,
    );
    const patient = patients.nodes[0]!;

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/visits`);
    await page.getByTestId("book-appointment").click();
    await pickAutocomplete(page, "patientId", patient.customerNumber);
    await pickAutocomplete(page, "providerId", organizations.nodes[0]!.name);
    await page.locator('input[name="scheduledAt"]').fill(localDateTime(3));
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/#\/visits\/[^/]+\/show/);
    const id = shownId(page, "visits");
    await page.locator('[data-value="SCHEDULED"]').first().waitFor();

    const moved = localDateTime(5);
    await fire(page, "RESCHEDULE");
    await page.getByTestId("transition-scheduled-at").fill(moved);
    await page.getByRole("dialog").getByRole("button", { name: "Reschedule" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    // the picker's wall-clock time in the browser's zone is the instant the API keeps
    const expected = await page.evaluate((value) => new Date(value).toISOString(), moved);
    await expect.poll(async () => (await visitOf(token, id)).scheduledAt, { timeout: 20_000 }).toBe(expected);
    await shot(page, "appointment-rescheduled");

    await fire(page, "CANCEL");
    await page.getByTestId("transition-reason").fill("El paciente pidió cancelar.");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).last().click();
    await expect.poll(async () => (await visitOf(token, id)).status, { timeout: 20_000 }).toBe("CANCELLED");
    await page.context().close();
  });

  it("marks one appointment attended and, once its time has passed, another a no-show", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { patients } = await gql<{ patients: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ patients(first: 2, filter: { status: ACTIVE }) { nodes { id } } }",
    );
    const { organizations } = await gql<{ organizations: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ organizations(first: 1, filter: { kind: CLINIC }) { nodes { id } } }",
    );
    const book = async (patientId: string, inMs: number) => {
      const data = await gql<{ scheduleAppointment: { visit: { id: string } | null; userErrors: unknown[] } }>(
        apiUrl,
        token,
        `mutation($input: ScheduleAppointmentInput!) {
          scheduleAppointment(input: $input) { visit { id } userErrors { code message } } }`,
        {
          input: {
            patientId,
            providerId: organizations.nodes[0]!.id,
            scheduledAt: new Date(Date.now() + inMs).toISOString(),
          },
        },
      );
      expect(data.scheduleAppointment.userErrors).toEqual([]);
      return data.scheduleAppointment.visit!.id;
    };
    const attended = await book(patients.nodes[0]!.id, 86_400_000);
    // a no-show is recorded only after the appointment time: book it a few seconds ahead
    const missed = await book(patients.nodes[1]!.id, 5_000);

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/visits/${encodeURIComponent(attended)}/show`);
    await fire(page, "ATTEND");
    await expect.poll(async () => (await visitOf(token, attended)).status, { timeout: 20_000 }).toBe("COMPLETED");

    await page.goto(`${consoleUrl}/#/visits/${encodeURIComponent(missed)}/show`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator("[data-event]").first().waitFor();
          return page.locator('[data-event="NO_SHOW"]').count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    await fire(page, "NO_SHOW");
    await expect.poll(async () => (await visitOf(token, missed)).status, { timeout: 20_000 }).toBe("NO_SHOW");
    await page.context().close();
  });
});
