import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { requestsSettled } from "./browser";
import { browserSession, signIn, type Who } from "./support";

const consoleUrl = inject("consoleUrl");

const session = browserSession();

/** Every GraphQL refusal the console receives while the page is open. */
function recordGraphqlErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/graphql")) return;
    try {
      const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      // Refusals only: what this test is about. (A query over the alias limit is another matter.)
      for (const e of body.errors ?? [])
        if (["FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND"].includes(e.extensions?.code ?? ""))
          errors.push(`${e.extensions?.code ?? ""} ${e.message}`);
    } catch {
      // not JSON (a preflight): nothing to record
    }
  });
  return errors;
}

/**
 * Staff row rules (SPEC §8): the API refuses the outbox to BILLING and REVIEWER, daily
 * collections to REVIEWER and VISITOR, statistics to VISITOR. The console's menu must
 * match: every screen a restricted role opens loads without an error from the API.
 */
describe("every screen a restricted staff role opens loads without an API error", () => {
  for (const who of ["visitor", "billing", "reviewer"] as Who[]) {
    it(`${who}`, async () => {
      const page = await session.newPage();
      const errors = recordGraphqlErrors(page);
      await signIn(page, consoleUrl, who);
      const links = await page
        .locator('.RaMenu-open a[href^="#/"], .RaMenu-closed a[href^="#/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(links.length).toBeGreaterThan(0);
      for (const href of [...new Set(links)]) {
        // Every screen asks the API for something: wait for that answer, then for quiet.
        const answered = page.waitForResponse((r) => r.url().includes("/graphql"), { timeout: 15_000 });
        await page.goto(`${consoleUrl}/${href}`);
        await answered.catch(() => undefined);
        await requestsSettled(page, 60_000);
        expect(await page.locator(".MuiAlert-standardError, .RaNotification-error").count(), href).toBe(0);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
