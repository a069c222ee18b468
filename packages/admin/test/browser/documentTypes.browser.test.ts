import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, gql, staffToken } from "./support";

const apiUrl = inject("apiUrl");

const session = browserSession();

describe("the document types screen (ADMIN)", () => {
  it("lists the configurable types, creates one required for global claims, renames it and takes the requirement back", async () => {
    const page = await session.signedIn("admin");
    await page.getByTestId("menu-documentTypes").click();
    await page.waitForURL(/#\/document-types/);
    await page.getByTestId("document-type-INVOICE").waitFor();

    await page.getByTestId("document-type-create").click();
    await page.getByTestId("document-type-code").fill("DENTAL_XRAY");
    await page.getByTestId("document-type-name").fill("Dental X-ray");
    await page.getByTestId("document-type-kind-GLOBAL").check();
    await page.getByTestId("document-type-save").click();
    const row = page.getByTestId("document-type-DENTAL_XRAY");
    await expect.poll(() => row.textContent()).toContain("Global");
    await shot(page, "document-types");

    await page.getByTestId("document-type-edit-DENTAL_XRAY").click();
    await page.getByTestId("document-type-name").fill("Panoramic X-ray");
    // the other tests of this run submit claims: the new type must not stay required
    await page.getByTestId("document-type-kind-GLOBAL").uncheck();
    await page.getByTestId("document-type-save").click();
    await expect.poll(() => row.textContent()).toContain("Panoramic X-ray");

    const token = await staffToken(apiUrl, "admin");
    const { documentTypes } = await gql<{
      documentTypes: { code: string; name: string; requiredForClaimKinds: string[] }[];
    }>(apiUrl, token, "{ documentTypes { code name requiredForClaimKinds } }");
    expect(documentTypes.find((t) => t.code === "DENTAL_XRAY")).toEqual({
      code: "DENTAL_XRAY",
      name: "Panoramic X-ray",
      requiredForClaimKinds: [],
    });
    await page.context().close();
  });
});
