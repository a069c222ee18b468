import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./browser";
import { addFilter, gql, signIn, staffToken } from "./support";

let browser: Browser;
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REGISTER = `mutation($input: RegisterPatientInput!) {
  registerPatient(input: $input) { patient { id version } userErrors { code message } }
}`;
const UPDATE = `mutation($input: UpdatePatientInput!) {
  updatePatient(input: $input) { patient { id version } userErrors { code message } }
}`;

/** The operator registers a patient and corrects their e-mail: the change the audit trail must show. */
async function operatorEditsAPatient(): Promise<{ patientId: string; operatorId: string }> {
  const token = await staffToken(apiUrl, "operator");
  const run = Date.now().toString(36);
  const { viewer } = await gql<{ viewer: { user: { id: string } } }>(apiUrl, token, "{ viewer { user { id } } }");
  const registered = await gql<{
    registerPatient: { patient: { id: string; version: number } | null; userErrors: unknown[] };
  }>(apiUrl, token, REGISTER, {
    input: { firstName: "Auditoría", lastName: `Prueba ${run}`, email: `old-${run}@example.test`, language: "es" },
  });
  expect(registered.registerPatient.userErrors).toEqual([]);
  const patient = registered.registerPatient.patient!;
  const updated = await gql<{ updatePatient: { userErrors: unknown[] } }>(apiUrl, token, UPDATE, {
    input: { id: patient.id, expectedVersion: patient.version, email: `new-${run}@example.test` },
  });
  expect(updated.updatePatient.userErrors).toEqual([]);
  return { patientId: patient.id, operatorId: viewer.user.id };
}

describe("audit trail against the real API", () => {
  it("an admin filters the audit trail to a patient and finds the operator's update with the fields it changed", async () => {
    const { patientId, operatorId } = await operatorEditsAPatient();

    const page = await newPage(browser);
    await signIn(page, consoleUrl, "admin");
    await page.locator('a[href="#/auditEvents"]').first().click();
    await page.locator("tbody tr").first().waitFor();

    // both filters shown before typing: a debounced filter change would otherwise hide the one added after it
    const entityFilter = await addFilter(page, "entityId");
    const actionFilter = await addFilter(page, "action");
    await entityFilter.fill(patientId);
    await actionFilter.fill("patient.update");
    const rows = page.locator("tbody tr:not(.RaDatagrid-expandedPanel)");
    // the filters reach the API: only this patient's updates are left, and the registration is not among them
    await expect
      .poll(async () => (await rows.locator("td.column-entityId").allTextContents()).map((t) => t.trim()))
      .toEqual([patientId]);
    const row = rows.first();
    expect((await row.locator("td.column-action").textContent())?.trim()).toBe("patient.update");
    expect((await row.locator("td.column-actorId").textContent())?.trim()).toBe(operatorId);
    expect((await row.locator("td.column-actorKind").textContent())?.trim()).toBe("STAFF");

    // a click opens the row: the recorded changes name the field that was edited
    await row.locator("td.column-action").click();
    const changes = page.locator(".RaDatagrid-expandedPanel pre");
    await changes.waitFor();
    expect(JSON.parse((await changes.textContent()) ?? "null")).toEqual({ fields: ["email"] });

    // and the list is what the API holds for that filter
    const token = await staffToken(apiUrl, "admin");
    const { auditEvents } = await gql<{ auditEvents: { totalCount: number } }>(
      apiUrl,
      token,
      'query($id: ID) { auditEvents(filter: { entityId: $id, action: "patient." }) { totalCount } }',
      { id: patientId },
    );
    // patient.register and patient.update
    expect(auditEvents.totalCount).toBe(2);
    await page.context().close();
  });
});
