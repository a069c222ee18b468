import { describe, expect, inject, it } from "vitest";
import { pickAutocomplete, pickSelect, shot } from "./desk";
import { browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface PolicyRow {
  id: string;
  number: string;
  currency: string;
  members: { id: string }[];
  liabilities: { id: string; code: string; name: string }[];
  networkProviders: { id: string; name: string }[];
}

describe("the operator registers a claim for a partner against the real API", () => {
  it("enters case, policy, liability, provider and lines, sees eligibility and the estimate before saving, and saves the DRAFT claim", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { policies } = await gql<{ policies: { nodes: PolicyRow[] } }>(
      apiUrl,
      token,
      `{ policies(first: 100, filter: { status: [ACTIVE] }) {
          nodes { id number currency members { id } liabilities { id code name } networkProviders { id name } } } }`,
    );
    const policy = policies.nodes.find(
      (p) =>
        p.currency === "CLP" &&
        p.members.length > 0 &&
        p.networkProviders.length > 0 &&
        p.liabilities.some((l) => l.code === "DENT"),
    );
    if (!policy) throw new Error("the seed has no active CLP policy with a member, a network and a DENT liability");
    const liability = policy.liabilities.find((l) => l.code === "DENT")!;
    const provider = policy.networkProviders[0]!;
    const { registerCase } = await gql<{ registerCase: { case: { id: string; number: string } } }>(
      apiUrl,
      token,
      `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { case { id number } userErrors { code } } }`,
      { input: { patientId: policy.members[0]!.id, kind: "OUTPATIENT", incidentDate: "2026-12-01" } },
    );
    const kase = registerCase.case;

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/claims`);
    await page.getByRole("link", { name: "Create" }).click();
    await page.waitForURL(/#\/claims\/create/);
    await pickAutocomplete(page, "caseId", kase.number);
    await pickSelect(page, "policyId", policy.number);
    await pickSelect(page, "liabilityId", liability.code);
    await pickAutocomplete(page, "providerId", provider.name);
    await pickAutocomplete(page, "lines.0.service", "D0120");
    const save = page.getByRole("button", { name: "Save" });
    expect(await save.isDisabled()).toBe(true);

    await page.getByTestId("claim-check-run").click();
    await page.getByTestId("claim-eligibility").waitFor();
    const payable = page.getByTestId("estimate-payable");
    await expect.poll(() => payable.textContent()).toMatch(/\d/);
    await expect.poll(() => save.isDisabled()).toBe(false);
    await shot(page, "claim-checked");

    // a change after the check asks for a new one before saving
    await page.locator('input[name="lines.0.quantity"]').fill("2");
    await expect.poll(() => save.isDisabled()).toBe(true);
    await page.getByTestId("claim-check-run").click();
    await expect.poll(() => save.isDisabled()).toBe(false);
    const estimatedGross = (await page.getByTestId("estimate-gross").textContent())!;

    await save.click();
    await page.waitForURL(/#\/claims\/[^/]+\/show/);
    const id = decodeURIComponent(page.url().split("/claims/")[1]!.split("/")[0]!);
    await page.locator('[data-value="DRAFT"]').first().waitFor();
    const { claim } = await gql<{
      claim: { status: string; gross: string; currency: string; lines: { serviceCode: string; quantity: number }[] };
    }>(apiUrl, token, "query($id: ID!) { claim(id: $id) { status gross currency lines { serviceCode quantity } } }", {
      id,
    });
    expect(claim.status).toBe("DRAFT");
    expect(claim.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(claim.lines[0]!.serviceCode).toContain("D0120");
    // the estimate shown before saving is what the claim's engine computed
    expect(estimatedGross.replace(/\D/g, "")).toBe(String(Math.round(Number(claim.gross))));
    await page.context().close();
  });

  it("a DRAFT claim without lines says so where its lines go, its cards aligned", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { claims } = await gql<{ claims: { nodes: { id: string; lineCount: number }[] } }>(
      apiUrl,
      token,
      "{ claims(first: 100, filter: { status: [DRAFT] }) { nodes { id lineCount } } }",
    );
    const lineless = claims.nodes.find((c) => c.lineCount === 0);
    if (!lineless) throw new Error("the seed has no DRAFT claim without lines");
    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/claims/${encodeURIComponent(lineless.id)}/show`);
    await expect.poll(() => page.getByTestId("claim-lines-empty").textContent()).toBe("No lines yet.");
    // the page's cards line up: lines, documents and payments share their edges
    await page.getByTestId("claim-documents").waitFor();
    await page.getByTestId("claim-payments").waitFor();
    const edges = await page.evaluate(() =>
      ["claim-lines", "claim-documents", "claim-payments"].map((id) => {
        const box = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
        return `${Math.round(box.left)}-${Math.round(box.right)}`;
      }),
    );
    expect(new Set(edges).size, edges.join(" ")).toBe(1);
    await page.context().close();
  });

  it("corrects the lines of a DRAFT claim (setClaimLines) after checking eligibility and cost again", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { claims } = await gql<{ claims: { nodes: { id: string; lineCount: number }[] } }>(
      apiUrl,
      token,
      "{ claims(first: 1, filter: { status: [DRAFT] }) { nodes { id lineCount } } }",
    );
    const target = claims.nodes[0];
    if (!target) throw new Error("the seed has no DRAFT claim");

    const page = await session.signedIn("operator");
    await page.goto(`${consoleUrl}/#/claims/${encodeURIComponent(target.id)}/show`);
    await page.getByTestId("edit-claim-lines").click();
    const dialog = page.getByRole("dialog");
    await dialog.locator(".button-add").first().click();
    await pickAutocomplete(page, `lines.${target.lineCount}.service`, "D0150");
    const save = dialog.getByRole("button", { name: "Save" });
    expect(await save.isDisabled()).toBe(true);
    await dialog.getByTestId("claim-check-run").click();
    await dialog.getByTestId("claim-estimate").waitFor();
    await expect.poll(() => save.isDisabled()).toBe(false);
    await shot(page, "claim-lines-edit");
    await save.click();
    await dialog.waitFor({ state: "detached" });

    await expect
      .poll(async () => {
        const { claim } = await gql<{ claim: { lines: { serviceCode: string }[] } }>(
          apiUrl,
          token,
          "query($id: ID!) { claim(id: $id) { lines { serviceCode } } }",
          { id: target.id },
        );
        return claim.lines.map((l) => l.serviceCode);
      })
      .toContain("D0150");
    await page.context().close();
  });
});
