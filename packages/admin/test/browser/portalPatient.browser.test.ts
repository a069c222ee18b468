import { describe, expect, inject, it } from "vitest";
import { shot } from "./desk";
import { AGENCY_API_KEY, browserSession, gql } from "./support";

const apiUrl = inject("apiUrl");
const session = browserSession();

describe("a partner registers the patient whose case it opens", () => {
  it("an agency's user registers a patient from the claim form and comes back with the patient chosen; the patient is the agency's", async () => {
    const suffix = Date.now().toString(36);
    const lastName = `Rivas-${suffix}`;
    const page = await session.partnerSignedIn("agency");
    await page.getByTestId("portal-menu-claims").click();
    await page.getByTestId("portal-new-claim").click();
    await page.waitForURL(/#\/portal\/claims\/new$/);
    // the patient is not in the picker yet: register them from the form
    await page.getByTestId("portal-claim-new-patient").click();
    await page.waitForURL(/#\/portal\/patients\/new\?back=/);
    await page.locator('input[name="firstName"]').fill("Antonia");
    await page.locator('input[name="lastName"]').fill(lastName);
    await page.locator('input[name="birthDate"]').fill("1984-05-17");
    await page.locator('input[name="phone"]').fill("+56912345678");
    await page.locator('input[name="insurance.policyNumber"]').fill(`POL-${suffix}`);
    await shot(page, "portal-agency-new-patient");
    await page.getByRole("button", { name: "Save" }).click();

    // back on the claim form, the new patient chosen
    await page.waitForURL(/#\/portal\/claims\/new\?patientId=/);
    const patientInput = page.locator('input[name="newCase.patientId"]');
    await expect.poll(() => patientInput.inputValue(), { timeout: 30_000 }).toContain(lastName);

    // the API has them as the agency's prospect, with the declared policy unconfirmed
    const { patients } = await gql<{
      patients: {
        nodes: {
          lastName: string;
          status: string;
          registeredBy: { kind: string } | null;
          declaredPolicyVerified: boolean | null;
        }[];
      };
    }>(
      apiUrl,
      AGENCY_API_KEY,
      `query($s: String) { patients(first: 5, filter: { search: $s }) { nodes { lastName status registeredBy { kind } declaredPolicyVerified } } }`,
      { s: lastName },
    );
    expect(patients.nodes).toEqual([
      { lastName, status: "PROSPECT", registeredBy: { kind: "AGENCY" }, declaredPolicyVerified: false },
    ]);

    // and in the agency's patients, newest first
    await page.getByTestId("portal-menu-patients").click();
    const list = page.getByTestId("portal-list-patients");
    await expect.poll(() => list.locator("tbody tr").first().textContent(), { timeout: 30_000 }).toContain(lastName);
    await page.context().close();
  });

  it("a hospital's user has the patients screen too; a lab's has none", async () => {
    const page = await session.partnerSignedIn("hospital");
    await page.getByTestId("portal-menu-patients").click();
    await page.getByTestId("portal-new-patient").waitFor();
    await page.context().close();

    const lab = await session.partnerSignedIn("lab");
    await lab.getByTestId("portal-menu-orders").waitFor();
    expect(await lab.getByTestId("portal-menu-patients").count()).toBe(0);
    await lab.context().close();
  });
});
