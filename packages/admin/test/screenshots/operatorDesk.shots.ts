import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser } from "../browser/browser";
import { pickAutocomplete, pickSelect } from "../browser/desk";
import { gql, signIn, staffToken } from "../browser/support";

/**
 * The operator's desk for the README (`pnpm --filter @clinigraph/admin screenshots`):
 * a claim registered with its eligibility and estimate, a hospital's visitors,
 * an appointment being rescheduled. Not part of the test run.
 */
const OUT = resolve(import.meta.dirname, "../../../../docs/screenshots");
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function operatorPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 1440, height: 900 },
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  await signIn(page, consoleUrl, "operator");
  return page;
}

async function shoot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

describe("screenshots of the operator's desk", () => {
  it("claim registration, hospital visitors, rescheduling an appointment", async () => {
    const token = await staffToken(apiUrl, "operator");
    const { policies } = await gql<{
      policies: {
        nodes: {
          number: string;
          currency: string;
          members: { id: string }[];
          liabilities: { code: string }[];
          networkProviders: { name: string }[];
        }[];
      };
    }>(
      apiUrl,
      token,
      `{ policies(first: 100, filter: { status: [ACTIVE] }) {
          nodes { number currency members { id } liabilities { code } networkProviders { name } } } }`,
    );
    const policy = policies.nodes.find(
      (p) =>
        p.currency === "CLP" &&
        p.members.length &&
        p.networkProviders.length &&
        p.liabilities.some((l) => l.code === "DENT"),
    )!;
    const { registerCase } = await gql<{ registerCase: { case: { number: string } } }>(
      apiUrl,
      token,
      `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { case { number } } }`,
      { input: { patientId: policy.members[0]!.id, kind: "OUTPATIENT", incidentDate: "2026-12-01" } },
    );
    const page = await operatorPage();
    await page.goto(`${consoleUrl}/#/claims/create`);
    await pickAutocomplete(page, "caseId", registerCase.case.number);
    await pickSelect(page, "policyId", policy.number);
    await pickSelect(page, "liabilityId", "DENT");
    await pickAutocomplete(page, "providerId", policy.networkProviders[0]!.name);
    await pickAutocomplete(page, "lines.0.service", "D0120");
    await page.getByTestId("claim-check-run").click();
    await page.getByTestId("claim-estimate").waitFor();
    await shoot(page, "claim-register");

    const { organizations } = await gql<{ organizations: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ organizations(first: 1, filter: { kind: HOSPITAL }) { nodes { id } } }",
    );
    await page.goto(`${consoleUrl}/#/organizations/${encodeURIComponent(organizations.nodes[0]!.id)}/show`);
    await page.getByTestId("hospital-visitors").waitFor();
    await shoot(page, "hospital-visitors");

    const { visits } = await gql<{ visits: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ visits(first: 1, filter: { kind: APPOINTMENT, status: [SCHEDULED] }) { nodes { id } } }",
    );
    await page.goto(`${consoleUrl}/#/visits/${encodeURIComponent(visits.nodes[0]!.id)}/show`);
    await page.locator('[data-event="RESCHEDULE"]').click();
    await page.getByTestId("transition-scheduled-at").fill("2026-12-30T09:15");
    await shoot(page, "appointment-reschedule");
    await page.context().close();
  });
});
