import { describe, expect, inject, it } from "vitest";
import { shot } from "./desk";
import { browserSession } from "./support";

const apiUrl = inject("apiUrl");

const session = browserSession();

/** The viewer's kind as a bearer sees it, or the HTTP status when the API refuses the bearer. */
async function viewerWith(bearer: string): Promise<string | number> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: "{ viewer { __typename } }" }),
  });
  if (!response.ok) return response.status;
  const body = (await response.json()) as { data?: { viewer: { __typename: string } }; errors?: unknown[] };
  return body.errors?.length ? "error" : body.data!.viewer.__typename;
}

describe("a partner admin manages its organisation's API keys and webhook endpoints in the portal", () => {
  it("issues a key whose secret is shown once and works, revokes it, and registers and deletes a webhook endpoint", async () => {
    const page = await session.partnerSignedIn("hospital");
    await page.getByTestId("portal-menu-integrations").click();
    await page.waitForURL(/#\/portal\/integrations$/);

    // a new key: the secret once, and it opens the API as the organisation
    await page.getByTestId("portal-api-key-name").fill("Sistema de admisión");
    await page.getByTestId("portal-api-key-create").click();
    const secretInput = page.getByTestId("api-key-secret");
    await secretInput.waitFor();
    const secret = await secretInput.inputValue();
    expect(secret).toMatch(/^ck_[A-Za-z0-9]+_/);
    const viewer = await viewerWith(secret);
    expect(typeof viewer).toBe("string");
    expect(viewer).not.toBe("error");
    await page.getByRole("button", { name: "Close" }).click();
    const prefix = secret.split("_")[1]!;
    const row = page.getByTestId(`portal-api-key-${prefix}`);
    await row.waitFor();
    await shot(page, "portal-integrations");

    // revoked, it no longer opens the API
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => row.getAttribute("data-revoked"), { timeout: 60_000 }).toBe("true");
    await expect.poll(() => viewerWith(secret)).toBe(401);

    // a webhook endpoint: its signing secret once, then it is listed, then deleted
    const endpoints = page.getByTestId("portal-webhook");
    const before = await endpoints.count();
    await page.getByTestId("portal-webhook-url").fill("https://93.184.216.34/clinigraph/hooks");
    await page.getByTestId("portal-webhook-create").click();
    await expect.poll(() => secretInput.inputValue()).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => endpoints.count(), { timeout: 60_000 }).toBe(before + 1);
    await endpoints.filter({ hasText: "93.184.216.34" }).getByTestId("portal-webhook-delete").click();
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => endpoints.count(), { timeout: 60_000 }).toBe(before);
    await page.context().close();
  });
});
