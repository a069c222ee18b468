import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, LAB_API_KEY, staffToken } from "./support";

const apiUrl = inject("apiUrl");

const session = browserSession();

const VIEWER = "{ viewer { kind scopes organization { id } } }";

interface Viewer {
  viewer: { kind: string; scopes: string[]; organization: { id: string } | null };
}

describe("API keys against the real API", () => {
  it("an admin creates a read-only key for the lab, sees the secret once, and the key stops working once revoked", async () => {
    const { viewer: lab } = await gql<{ viewer: { organization: { id: string; name: string } } }>(
      apiUrl,
      LAB_API_KEY,
      "{ viewer { organization { id name } } }",
    );
    // unique per run, so the test can be rerun against a long-lived API
    const keyName = `LIS browser test ${Date.now().toString(36)}`;

    const page = await session.signedIn("admin");
    await page.locator('a[href="#/apiKeys"]').first().click();
    await page.locator('a[href="#/apiKeys/create"]').click();
    await page.locator('input[name="name"]').fill(keyName);
    // the organisation picker is react-admin's autocomplete over the organisations
    await page.locator("form").getByRole("combobox").fill(lab.organization.name.slice(0, 12));
    await page.getByRole("option", { name: lab.organization.name }).click();
    // the scopes are a choice of the schema's values, both ticked by default: keep read only
    await page.getByRole("checkbox", { name: "Write" }).uncheck();
    await page.locator('button[type="submit"]').click();

    const secretInput = page.getByTestId("api-key-secret");
    await secretInput.waitFor();
    const secret = await secretInput.inputValue();
    const [, prefix] = /^ck_([A-Za-z0-9]{8})_[A-Za-z0-9_-]{32,}$/.exec(secret) ?? [];
    expect(prefix, `unexpected secret shape: ${secret}`).toBeDefined();

    // the secret shown is a working key of the lab, limited to the scope chosen in the form
    const asNewKey = await gql<Viewer>(apiUrl, secret, VIEWER);
    expect(asNewKey.viewer).toEqual({ kind: "PARTNER", scopes: ["read"], organization: { id: lab.organization.id } });

    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await page.waitForURL(/#\/apiKeys$|#\/apiKeys\?/);
    const row = page.locator("tbody tr").filter({ hasText: keyName });
    await row.waitFor();
    expect(await row.textContent()).toContain(prefix);
    // the organisation's name is a reference, read a request after the row
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain(lab.organization.name);
    // once the dialog is closed the secret is nowhere on the page: only its prefix identifies the key
    expect(await page.content()).not.toContain(secret.slice(`ck_${prefix}_`.length));

    // the API call above used the key: the list says when
    expect((await row.locator("td.column-lastUsedAt").textContent())?.trim()).not.toBe("");
    expect((await row.locator("td.column-revokedAt").textContent())?.trim()).toBe("");

    await row.getByRole("button", { name: "Revoke" }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await confirm.waitFor({ state: "detached" });
    // the refreshed row has a revocation time and no Revoke button any more
    await expect.poll(async () => (await row.locator("td.column-revokedAt").textContent())?.trim()).not.toBe("");
    expect(await row.getByRole("button", { name: "Revoke" }).count()).toBe(0);

    await expect(gql<Viewer>(apiUrl, secret, VIEWER)).rejects.toThrow(/revoked/i);
    const token = await staffToken(apiUrl, "admin");
    const { apiKeys } = await gql<{ apiKeys: { nodes: { name: string; prefix: string; revokedAt: string | null }[] } }>(
      apiUrl,
      token,
      "query($org: ID) { apiKeys(first: 100, filter: { organizationId: $org }) { nodes { name prefix revokedAt } } }",
      { org: lab.organization.id },
    );
    const stored = apiKeys.nodes.find((k) => k.prefix === prefix);
    expect(stored?.name).toBe(keyName);
    expect(stored?.revokedAt).not.toBeNull();
    await page.context().close();
  });
});
