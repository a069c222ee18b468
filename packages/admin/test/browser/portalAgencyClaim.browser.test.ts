import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { fire, pickAutocomplete, pickSelect, shot, TINY_PNG } from "./desk";
import { AGENCY_API_KEY, browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface AgencyClaim {
  provider: { name: string } | null;
  case: { patient: { id: string; customerNumber: string } };
}

/** A patient the demo agency sees (through its earlier claims) who is covered today, and a care provider. */
async function coveredPatient(): Promise<{ customerNumber: string; providerName: string }> {
  const { claims } = await gql<{ claims: { nodes: AgencyClaim[] } }>(
    apiUrl,
    AGENCY_API_KEY,
    "{ claims(first: 50) { nodes { provider { name } case { patient { id customerNumber } } } } }",
  );
  const today = new Date().toISOString().slice(0, 10);
  for (const claim of claims.nodes) {
    if (!claim.provider) continue;
    const { checkEligibility } = await gql<{
      checkEligibility: { eligible: boolean; limitsRemaining: { code: string }[] };
    }>(
      apiUrl,
      AGENCY_API_KEY,
      "query($i: EligibilityInput!) { checkEligibility(input: $i) { eligible limitsRemaining { code } } }",
      { i: { patientId: claim.case.patient.id, date: today, serviceCodes: [{ system: "CDT", code: "D0150" }] } },
    );
    if (checkEligibility.eligible && checkEligibility.limitsRemaining.some((l) => l.code === "DENT"))
      return { customerNumber: claim.case.patient.customerNumber, providerName: claim.provider.name };
  }
  throw new Error("the demo agency sees no patient covered today");
}

const DOCUMENT_ROWS =
  '[data-testid^="document-"]:not([data-testid="document-checklist"]):not([data-testid="document-open"])';

/** Files a document of `type` on the claim through the page's upload control. */
async function attach(page: Page, type: string, name: string) {
  const rows = page.getByTestId("claim-documents").locator(DOCUMENT_ROWS);
  const before = await rows.count();
  await page.getByTestId("attach-document-type").locator("..").click();
  await page.locator(`li[data-value="${type}"]`).click();
  await page.getByTestId("attach-document-file").setInputFiles({ name, mimeType: "image/png", buffer: TINY_PNG });
  await page.getByTestId("attach-document-submit").click();
  await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(before + 1);
}

async function statusIs(page: Page, status: string) {
  await page.locator(`[data-testid="portal-claim-status"][data-status="${status}"]`).waitFor({ timeout: 60_000 });
}

describe("an agency's user registers a claim in the partner portal", () => {
  it("opens the case and the claim with lines, sees eligibility and the estimate before saving, files a document, submits; after a return sees why and resubmits; files a second claim in the same case, picked from its open cases", async () => {
    const { customerNumber, providerName } = await coveredPatient();
    const page = await session.partnerSignedIn("agency");
    await page.getByTestId("portal-menu-claims").click();
    await page.getByTestId("portal-new-claim").click();
    await page.waitForURL(/#\/portal\/claims\/new$/);

    // a new case: the patient, the kind, the incident date
    await pickAutocomplete(page, "newCase.patientId", customerNumber);
    await pickSelect(page, "newCase.kind", /.+/);
    const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
    await page.locator('input[name="newCase.incidentDate"]').fill(yesterday);
    // the coverage comes from the patient's policy in force (the agency lists no policies)
    await page.getByTestId("portal-claim-coverage").waitFor();
    await pickSelect(page, "liabilityId", "DENT");
    await pickAutocomplete(page, "providerId", providerName);
    await pickAutocomplete(page, "lines.0.service", "D0150");
    const save = page.getByRole("button", { name: "Save" });
    expect(await save.isDisabled()).toBe(true);
    await page.getByTestId("claim-check-run").click();
    await page.getByTestId("claim-eligibility").waitFor();
    const payable = page.getByTestId("estimate-payable");
    await expect.poll(() => payable.textContent()).toMatch(/\d/);
    await expect.poll(() => save.isDisabled()).toBe(false);
    await shot(page, "portal-agency-claim-checked");
    await save.click();

    await page.waitForURL(/#\/portal\/claims\/(?!new)[^/]+$/);
    const id = decodeURIComponent(page.url().split("/portal/claims/")[1]!);
    await statusIs(page, "DRAFT");
    await page.getByTestId("claim-documents").waitFor();
    await attach(page, "INVOICE", "factura.png");
    await attach(page, "CLAIM_FORM", "formulario-firmado.png");
    const checklist = page.getByTestId("document-checklist");
    await expect.poll(() => checklist.locator('[data-present="false"]').count(), { timeout: 60_000 }).toBe(0);
    await fire(page, "SUBMIT");
    await statusIs(page, "SUBMITTED");

    // the operator starts the review and returns it through the API
    const reviewer = await staffToken(apiUrl, "admin");
    const transition = async (event: string, extra: Record<string, unknown> = {}) => {
      const { claim } = await gql<{ claim: { version: number } }>(
        apiUrl,
        reviewer,
        "query($id: ID!) { claim(id: $id) { version } }",
        { id },
      );
      const result = await gql<{ transitionClaim: { userErrors: unknown[] } }>(
        apiUrl,
        reviewer,
        "mutation($i: TransitionClaimInput!) { transitionClaim(input: $i) { userErrors { code message } } }",
        { i: { id, event, expectedVersion: claim.version, ...extra } },
      );
      expect(result.transitionClaim.userErrors).toEqual([]);
    };
    await transition("START_REVIEW");
    await transition("RETURN", {
      returnReasons: [{ code: "MISSING_INVOICE", text: "The invoice is not itemised: attach the itemised one." }],
    });

    // the agency sees it returned, with the reason, files the itemised invoice and submits again
    await page.reload();
    await statusIs(page, "RETURNED");
    const reasons = page.getByTestId("return-reasons");
    await expect.poll(() => reasons.textContent()).toContain("The invoice is not itemised");
    await shot(page, "portal-agency-claim-returned");
    await attach(page, "INVOICE", "factura-detallada.png");
    await fire(page, "SUBMIT");
    await statusIs(page, "SUBMITTED");

    const { claim } = await gql<{
      claim: { status: string; registeredBy: { name: string } | null; documents: { documentType: { code: string } }[] };
    }>(
      apiUrl,
      AGENCY_API_KEY,
      "query($id: ID!) { claim(id: $id) { status registeredBy { name } documents { documentType { code } } } }",
      { id },
    );
    expect(claim.status).toBe("SUBMITTED");
    expect(claim.documents.filter((d) => d.documentType.code === "INVOICE")).toHaveLength(2);

    // a second claim of the same incident goes into the case just opened, picked from the agency's open cases
    const { claim: first } = await gql<{ claim: { case: { number: string } } }>(
      apiUrl,
      AGENCY_API_KEY,
      "query($id: ID!) { claim(id: $id) { case { number } } }",
      { id },
    );
    await page.goto(`${consoleUrl}/#/portal/claims/new`);
    await page.getByRole("radio", { name: "One of our open cases" }).check();
    await pickAutocomplete(page, "caseId", first.case.number);
    await page.getByTestId("portal-claim-coverage").waitFor();
    await pickSelect(page, "liabilityId", "DENT");
    await pickAutocomplete(page, "providerId", providerName);
    await pickAutocomplete(page, "lines.0.service", "D0150");
    await page.getByTestId("claim-check-run").click();
    await page.getByTestId("claim-estimate").waitFor();
    await expect.poll(() => save.isDisabled()).toBe(false);
    await save.click();
    await page.waitForURL((url) => /#\/portal\/claims\/(?!new)[^/]+$/.test(url.hash) && !url.hash.endsWith(id));
    await statusIs(page, "DRAFT");
    const second = decodeURIComponent(page.url().split("/portal/claims/")[1]!);
    const { claim: other } = await gql<{ claim: { case: { number: string } } }>(
      apiUrl,
      AGENCY_API_KEY,
      "query($id: ID!) { claim(id: $id) { case { number } } }",
      { id: second },
    );
    expect(other.case.number).toBe(first.case.number);

    // another organisation's claim, by URL, answers as a missing one
    const own = await gql<{ claims: { nodes: { id: string }[] } }>(
      apiUrl,
      AGENCY_API_KEY,
      "{ claims(first: 100) { nodes { id } } }",
    );
    const all = await gql<{ claims: { nodes: { id: string }[] } }>(
      apiUrl,
      reviewer,
      "{ claims(first: 100) { nodes { id } } }",
    );
    const foreign = all.claims.nodes.find((c) => !own.claims.nodes.some((o) => o.id === c.id));
    if (!foreign) throw new Error("the demo seed has no other organisation's claim");
    await page.goto(`${consoleUrl}/#/portal/claims/${foreign.id}`);
    await page.getByTestId("portal-not-found").waitFor();
    expect(await page.getByTestId("portal-claim-number").count()).toBe(0);
    await page.context().close();
  });
});
