import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface ReviewClaim {
  id: string;
  payable: string;
  gross: string;
  lines: { id: string; position: number; amount: string; approvedAmount: string | null }[];
}

const CLAIM = `query($id: ID!) { claim(id: $id) { id status payable gross approvedTotals { payable gross }
  lines { id position amount approvedAmount adjustmentReason } } }`;

describe("claim review against the real API", () => {
  it("the reviewer lowers one line, saves, approves, and the API's totals follow", async () => {
    const token = await staffToken(apiUrl, "reviewer");
    // a claim nobody has adjusted yet, so the test can be rerun against a long-lived API
    const { claims } = await gql<{ claims: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ claims(first: 1, offset: 0, filter: { status: [IN_REVIEW] }, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { id } } }",
    );
    const { claim } = await gql<{ claim: ReviewClaim }>(apiUrl, token, CLAIM, { id: claims.nodes[0].id });
    const line = claim.lines[0];
    const lowered = String(Math.floor(Number(line.amount) / 2));

    const page = await session.signedIn("reviewer");
    await page.getByTestId("menu-claimReview").click();
    await page.goto(`${consoleUrl}/#/claims/${claim.id}/show`);
    const input = page.getByTestId(`approved-${line.position}`);
    await input.fill(lowered);
    // an unsaved reduction holds APPROVE, which would otherwise approve the full amount
    const approve = page.locator('[data-event="APPROVE"]');
    await expect.poll(async () => approve.isDisabled()).toBe(true);
    await page.getByTestId("transitions-held").waitFor();
    await page.getByTestId(`reason-${line.position}`).fill("Tarifa sobre el arancel pactado");
    await expect(approve.isDisabled()).resolves.toBe(true);
    await page.getByTestId("save-approved").click();
    // the reason input goes once the saved record (with its new version) is back
    await page.getByTestId(`reason-${line.position}`).waitFor({ state: "detached" });
    await expect
      .poll(
        async () =>
          (await gql<{ claim: ReviewClaim }>(apiUrl, token, CLAIM, { id: claim.id })).claim.lines[0].approvedAmount,
      )
      .not.toBeNull();

    await page.getByTestId("transitions-held").waitFor({ state: "detached" });
    await approve.click();
    await page.locator('[data-value="APPROVED"]').first().waitFor();

    const after = (
      await gql<{ claim: ReviewClaim & { status: string; approvedTotals: { gross: string } } }>(apiUrl, token, CLAIM, {
        id: claim.id,
      })
    ).claim;
    expect(after.status).toBe("APPROVED");
    expect(Number(after.lines.find((l) => l.id === line.id)?.approvedAmount)).toBe(Number(lowered));
    // the API recomputed the totals from the lowered line
    expect(Number(after.approvedTotals.gross)).toBe(Number(claim.gross) - Number(line.amount) + Number(lowered));
    await page.context().close();
  });
});
