import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

// a specialty of this run only: the demo region is shared by every browser test
const SPECIALTY = `ophthalmology-${Date.now().toString(36)}`;
const V1 = {
  type: "object",
  additionalProperties: false,
  required: ["acuity"],
  properties: {
    acuity: { type: "number", title: "Visual acuity", minimum: 0, maximum: 2 },
    eye: { enum: ["LEFT", "RIGHT", "BOTH"], title: "Eye examined" },
  },
};
const V2 = {
  ...V1,
  required: ["acuity", "intraocularPressure"],
  properties: { ...V1.properties, intraocularPressure: { type: "integer", title: "Intraocular pressure", minimum: 0 } },
};

describe("the form templates screen (OPERATOR)", () => {
  it("creates a specialty's form with a live preview, edits it as version 2, previews version 1 and puts it back in force", async () => {
    const page = await session.signedIn("operator");
    await page.getByTestId("menu-formTemplates").click();
    await page.waitForURL(/#\/form-templates/);
    await page.getByTestId("form-template-traumatology-v1").waitFor();

    await page.getByTestId("form-template-create").click();
    await page.getByTestId("form-template-specialty").fill(SPECIALTY);
    await page.getByTestId("form-template-title").fill("Informe oftalmológico");
    // half-typed JSON: no preview, Save waits
    await page.getByTestId("form-template-schema").fill('{ "type": "object", ');
    await expect.poll(() => page.getByTestId("form-template-save").isDisabled()).toBe(true);
    await page.getByTestId("form-template-schema").fill(JSON.stringify(V1, null, 2));
    const preview = page.getByTestId("form-template-preview");
    await preview.getByLabel("Visual acuity").waitFor();
    // the preview validates as the partner types: 3 is above the maximum
    await preview.getByLabel("Visual acuity").fill("3");
    await expect.poll(() => preview.textContent()).toContain("must be at most 2");
    await preview.getByLabel("Visual acuity").fill("1");
    await expect.poll(() => preview.textContent()).not.toContain("must be at most 2");
    await shot(page, "form-template-editor");
    await page.getByTestId("form-template-save").click();
    const v1Row = page.getByTestId(`form-template-${SPECIALTY}-v1`);
    await expect.poll(() => v1Row.textContent()).toContain("Active");

    // an edit is written as version 2, active at once; version 1 steps down
    await page.getByTestId(`form-template-edit-${SPECIALTY}`).click();
    await expect.poll(() => page.getByTestId("form-template-schema").inputValue()).toContain("acuity");
    await page.getByTestId("form-template-schema").fill(JSON.stringify(V2, null, 2));
    await preview.getByLabel("Intraocular pressure").waitFor();
    await page.getByTestId("form-template-save").click();
    const v2Row = page.getByTestId(`form-template-${SPECIALTY}-v2`);
    await expect.poll(() => v2Row.textContent()).toContain("Active");
    await expect.poll(() => v1Row.textContent()).toContain("Inactive");

    // version 1's preview is version 1's form: no intraocular pressure
    await page.getByTestId(`form-template-preview-${SPECIALTY}-v1`).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Visual acuity").waitFor();
    expect(await dialog.getByLabel("Intraocular pressure").count()).toBe(0);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    await page.getByTestId(`form-template-activate-${SPECIALTY}-v1`).click();
    await expect.poll(() => v1Row.textContent()).toContain("Active");
    await expect.poll(() => v2Row.textContent()).toContain("Inactive");
    await shot(page, "form-templates");

    const token = await staffToken(apiUrl, "operator");
    const { formTemplates } = await gql<{
      formTemplates: { templateVersion: number; active: boolean; schema: unknown; createdByName: string | null }[];
    }>(
      apiUrl,
      token,
      `query($s: String) { formTemplates(specialty: $s, all: true) { templateVersion active schema createdByName } }`,
      { s: SPECIALTY },
    );
    expect(formTemplates.map((t) => [t.templateVersion, t.active, t.schema])).toEqual([
      [2, false, V2],
      [1, true, V1],
    ]);
    expect(formTemplates[0]!.createdByName).toEqual(expect.any(String));
    await page.context().close();
  });

  it("is right to left in Persian, with the JSON left to right and the preview's labels in Persian", async () => {
    const page = await session.signedIn("operator");
    await page.locator("header button", { hasText: "English" }).click();
    await page.getByRole("menuitem", { name: "فارسی" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "fa");
    await page.goto(`${consoleUrl}/#/form-templates`);
    await page.getByTestId("form-template-traumatology-v1").waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expect.poll(() => page.getByTestId("form-templates-page").textContent()).toContain("ارتوپدی و تروما");
    await page.getByTestId("form-template-edit-traumatology").click();
    expect(await page.getByTestId("form-template-schema").getAttribute("dir")).toBe("ltr");
    // the seeded fields are said in Persian (messages/fa/terms.ts), as a report shows them
    await expect.poll(() => page.getByTestId("form-template-preview").textContent()).toContain("تشخیص");
    await page.context().close();
  });
});
