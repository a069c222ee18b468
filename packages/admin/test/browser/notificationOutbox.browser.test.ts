import { describe, expect, inject, it } from "vitest";
import { addFilter, browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

const REGISTER = `mutation($input: RegisterPatientInput!) {
  registerPatient(input: $input) { patient { id status } userErrors { code message } }
}`;

interface OutboxRow {
  channel: string;
  status: string;
  template: string;
  recipient: string;
  dedupeKey: string;
}

/**
 * The Notifications screen is the SMS/e-mail outbox (SPEC §2): every message the
 * platform queued, with its delivery status. It has no read/unread state to mark;
 * an operator finds a message and sees whether it went out.
 */
describe("notification outbox against the real API", () => {
  it("activating a patient in the console queues the welcome e-mail, which the operator finds in the outbox", async () => {
    const token = await staffToken(apiUrl, "operator");
    const run = Date.now().toString(36);
    const email = `welcome-${run}@example.test`;
    const firstName = "Valentina";
    const registered = await gql<{
      registerPatient: { patient: { id: string; status: string } | null; userErrors: unknown[] };
    }>(apiUrl, token, REGISTER, {
      input: { firstName, lastName: `Outbox ${run}`, email, emailConsent: true, language: "es" },
    });
    expect(registered.registerPatient.userErrors).toEqual([]);
    const patient = registered.registerPatient.patient!;
    expect(patient.status).toBe("PROSPECT");

    const page = await session.signedIn("operator");
    // dental seed step 4 → 5: the first screening makes the patient active, which sends the welcome e-mail
    await page.goto(`${consoleUrl}/#/patients/${patient.id}/show`);
    await page.locator('[data-event="ACTIVATE"]').click();
    await page.locator('[data-value="ACTIVE"]').first().waitFor();

    await page.locator('a[href="#/notifications"]').first().click();
    await page.locator("tbody tr").first().waitFor();
    await (await addFilter(page, "template")).fill("patient-welcome");
    const row = page.locator("tbody tr").filter({ hasText: `patient-welcome:${patient.id}` });
    await row.waitFor();
    // nothing sends in this harness (no workers), so the message waits in the outbox
    expect(await row.locator('td.column-status [data-value="QUEUED"]').count()).toBe(1);
    expect((await row.locator("td.column-channel").textContent())?.trim()).toBe("E-mail");
    // The language reads as its name (the Language enum's label), not its code.
    expect((await row.locator("td.column-language").textContent())?.trim()).toBe("Español");
    expect(await row.locator("td.column-body").textContent()).toContain(firstName);
    // the template filter reached the API: no other kind of message is left in the list
    await expect
      .poll(async () =>
        (await page.locator("tbody tr td.column-template, tbody tr td.column-dedupeKey").allTextContents()).filter(
          (key) => !key.startsWith("patient-welcome:"),
        ),
      )
      .toEqual([]);

    // exactly one message for the patient, to the address registered
    const { notifications } = await gql<{ notifications: { nodes: OutboxRow[] } }>(
      apiUrl,
      token,
      "query($id: ID) { notifications(first: 10, filter: { patientId: $id }) { nodes { channel status template recipient dedupeKey } } }",
      { id: patient.id },
    );
    expect(notifications.nodes).toEqual([
      {
        channel: "EMAIL",
        status: "QUEUED",
        template: "patient-welcome",
        recipient: email,
        dedupeKey: `patient-welcome:${patient.id}`,
      },
    ]);
    await page.context().close();
  });
});
