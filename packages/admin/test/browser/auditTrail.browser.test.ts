import { describe, expect, inject, it } from "vitest";
import { addFilter, browserSession, gql, PARTNER_LOGINS, staffToken } from "./support";

const apiUrl = inject("apiUrl");

const session = browserSession();

const REGISTER = `mutation($input: RegisterPatientInput!) {
  registerPatient(input: $input) { patient { id version } userErrors { code message } }
}`;
const UPDATE = `mutation($input: UpdatePatientInput!) {
  updatePatient(input: $input) { patient { id version } userErrors { code message } }
}`;

/** The operator registers a patient and corrects their e-mail: the change the audit trail must show. */
async function operatorEditsAPatient(): Promise<{ patientId: string; operatorName: string; patientName: string }> {
  const token = await staffToken(apiUrl, "operator");
  const run = Date.now().toString(36);
  const { viewer } = await gql<{ viewer: { user: { id: string; name: string } } }>(
    apiUrl,
    token,
    "{ viewer { user { id name } } }",
  );
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
  return { patientId: patient.id, operatorName: viewer.user.name, patientName: `Auditoría Prueba ${run}` };
}

describe("audit trail against the real API", () => {
  it("an admin filters the audit trail to a patient and reads the operator's update: who by name, what in words, the patient linked by name, the fields changed", async () => {
    const { patientId, operatorName, patientName } = await operatorEditsAPatient();

    const page = await session.signedIn("admin");
    await page.locator('a[href="#/auditEvents"]').first().click();
    await page.locator("tbody tr").first().waitFor();

    // both filters shown before typing: a debounced filter change would otherwise hide the one added after it
    const entityFilter = await addFilter(page, "entityId");
    const actionFilter = await addFilter(page, "action");
    await entityFilter.fill(patientId);
    await actionFilter.fill("patient.update");
    const rows = page.locator("tbody tr");
    // the filters reach the API: only this patient's update is left, and the registration is not among them
    await expect
      .poll(async () =>
        rows.locator("td.column-entityId a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
      )
      .toEqual([`#/patients/${patientId}/show`]);
    const row = rows.first();
    // which record: the patient by name, not an id
    await expect
      .poll(async () => (await row.locator("td.column-entityId").textContent())?.trim())
      .toContain(patientName);
    // what, in words; who, by name
    expect((await row.locator("td.column-action").textContent())?.trim()).toBe("Patient: updated");
    await expect.poll(async () => (await row.locator("td.column-actorId").textContent())?.trim()).toBe(operatorName);
    // the changed fields, as words rather than JSON
    expect((await row.getByTestId("audit-changes").textContent())?.trim()).toBe("Changed: E-mail");
    expect(await row.textContent()).not.toContain(patientId);

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

  it("names a partner's user with their organisation, and reading the log reads no patient's national id", async () => {
    // the agency's user registers a patient through the API, as the portal does
    const response = await fetch(`${apiUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
      body: JSON.stringify({
        query: "mutation($input: LoginInput!) { login(input: $input) { accessToken } }",
        variables: { input: PARTNER_LOGINS.agency },
      }),
    });
    const partner = ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const { viewer } = await gql<{ viewer: { user: { name: string }; organization: { name: string } } }>(
      apiUrl,
      partner,
      "{ viewer { user { name } organization { name } } }",
    );
    const registered = await gql<{ registerPatient: { patient: { id: string } | null; userErrors: unknown[] } }>(
      apiUrl,
      partner,
      REGISTER,
      { input: { firstName: "Portal", lastName: `Auditoría ${Date.now().toString(36)}`, nationalId: "12.345.678-5" } },
    );
    expect(registered.registerPatient.userErrors).toEqual([]);
    const patientId = registered.registerPatient.patient!.id;

    const admin = await staffToken(apiUrl, "admin");
    const { viewer: adminViewer } = await gql<{ viewer: { user: { id: string } } }>(
      apiUrl,
      admin,
      "{ viewer { user { id } } }",
    );
    const nationalIdReads = async () =>
      (
        await gql<{ auditEvents: { totalCount: number } }>(
          apiUrl,
          admin,
          'query($actor: ID) { auditEvents(filter: { actorId: $actor, action: "patient.read.nationalId" }) { totalCount } }',
          { actor: adminViewer.user.id },
        )
      ).auditEvents.totalCount;
    const readsBefore = await nationalIdReads();

    const page = await session.signedIn("admin");
    await page.locator('a[href="#/auditEvents"]').first().click();
    const rows = page.locator("tbody tr");
    // the whole first page, patients named in it included
    await expect.poll(() => rows.locator("td.column-entityId a").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const entityFilter = await addFilter(page, "entityId");
    await entityFilter.fill(patientId);
    await expect.poll(() => rows.count()).toBe(1);
    // who: the person, with the organisation they act for
    await expect
      .poll(async () => (await rows.first().getByTestId("audit-partner-user").textContent())?.trim(), {
        timeout: 30_000,
      })
      .toBe(`${viewer.user.name} · ${viewer.organization.name}`);
    await page.context().close();
    // naming patients in the log never read their national ids (each such read is itself audited)
    expect(await nationalIdReads()).toBe(readsBefore);
  });

  it("a rejection's reason and a report's kind read in words, with no bare id, and a record's number on one line", async () => {
    const page = await session.signedIn("admin");
    await page.locator('a[href="#/auditEvents"]').first().click();
    await page.locator("tbody tr").first().waitFor();
    const actionFilter = await addFilter(page, "action");
    const rows = page.locator("tbody tr");
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

    await actionFilter.fill("order.transition.REJECT");
    await expect.poll(() => rows.first().locator("td.column-action").textContent()).toBe("Order: Rejected");
    const rejection = (await rows.first().getByTestId("audit-changes").textContent()) ?? "";
    expect(rejection).toMatch(/Reason code: [A-Z][a-z]/);
    expect(rejection).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    // ORD-2026-000014 stays on one line
    const number = rows.first().locator("td.column-entityId a");
    await expect.poll(async () => (await number.textContent()) ?? "").toMatch(/^ORD-/);
    const box = await number.evaluate((a) => {
      const r = a.getClientRects();
      return r.length;
    });
    expect(box).toBe(1);

    await actionFilter.fill("order.report.attach");
    await expect.poll(() => rows.first().locator("td.column-action").textContent()).toBe("Order: report attached");
    const attached = (await rows.first().getByTestId("audit-changes").textContent()) ?? "";
    expect(attached).toMatch(/Kind: (Final|Preliminary) report/);
    expect(attached).not.toMatch(UUID);
    await page.context().close();
  });
});
