import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, gql, staffToken } from "./support";

/**
 * A REVIEWER's day in the console, on the volume seed: a claim's lines edited in place
 * with the totals beside them following the edit, approval held while the edit is unsaved,
 * the claim returned with a reason; then the visit review, one visit returned with a
 * reason and one approved.
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface ReviewClaim {
  id: string;
  status: string;
  returnReasons: { code: string; text: string }[];
  lines: { position: number; amount: string }[];
}

describe("a reviewer's day", () => {
  it("edits a line with the totals in view, returns the claim, returns and approves visits", async () => {
    const token = await staffToken(apiUrl, "reviewer");
    // the newest claim in review: claimReview.browser.test.ts takes the oldest
    const { claims } = await gql<{ claims: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ claims(first: 1, filter: { status: [IN_REVIEW] }, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id } } }",
    );
    const claimId = claims.nodes[0]?.id;
    expect(claimId, "a claim in review").toBeDefined();
    const readClaim = async () =>
      (
        await gql<{ claim: ReviewClaim }>(
          apiUrl,
          token,
          "query($id: ID!) { claim(id: $id) { id status returnReasons { code text } lines { position amount } } }",
          { id: claimId },
        )
      ).claim;
    const claim = await readClaim();
    const line = claim.lines[0];
    const total = claim.lines.reduce((sum, l) => sum + Number(l.amount), 0);

    const page = await session.signedIn("reviewer");
    await page.getByTestId("menu-claimReview").click();
    await page.locator("tbody tr").first().waitFor();
    await page.goto(`${consoleUrl}/#/claims/${claimId}/show`);

    // the totals sit beside the lines; an unsaved edit shows its effect there and holds APPROVE
    const totals = page.getByTestId("claim-totals");
    await totals.waitFor();
    await page.getByTestId(`approved-${line.position}`).fill("0");
    await totals.getByTestId("edited-gross").waitFor();
    const edited = (await totals.getByTestId("edited-gross").textContent()) ?? "";
    expect(Number(edited.replace(/[^\d.]/g, ""))).toBeCloseTo(total - Number(line.amount), 0);
    await expect.poll(async () => page.locator('[data-event="APPROVE"]').isDisabled()).toBe(true);
    await shot(page, "reviewer-claim-edit");
    await page.getByTestId("discard-approved").click();
    await totals.getByTestId("edited-gross").waitFor({ state: "detached" });
    await expect.poll(async () => page.locator('[data-event="APPROVE"]').isDisabled()).toBe(false);

    // returned with a reason the partner reads
    await page.locator('[data-event="RETURN"]').click();
    // a claim's return reason is a code picked by its words and a text (the partner's system reads the code)
    await page.getByTestId("transition-return-code").locator("..").click();
    await page.getByRole("option", { name: "Required document missing" }).click();
    await page.getByTestId("transition-reason").fill("Falta el informe de alta firmado");
    await page.getByRole("dialog").getByRole("button", { name: "Return" }).click();
    await expect.poll(async () => (await readClaim()).status, { timeout: 30_000 }).toBe("RETURNED");
    expect((await readClaim()).returnReasons).toEqual([
      { code: "MISSING_DOCUMENT", text: "Falta el informe de alta firmado" },
    ]);
    // the page reads the reason in words, never the code
    const reasons = page.getByTestId("return-reasons");
    await reasons.waitFor();
    expect(await reasons.innerText()).toContain("Required document missing: Falta el informe de alta firmado");

    // visit review: the queue, one visit returned with its reason, another approved
    const { visits } = await gql<{ visits: { nodes: { id: string }[] } }>(
      apiUrl,
      token,
      "{ visits(first: 10, filter: { status: [IN_REVIEW] }) { nodes { id } } }",
    );
    expect(visits.nodes.length, "visits waiting for review").toBeGreaterThanOrEqual(2);
    const readVisit = async (id: string) =>
      (
        await gql<{ visit: { status: string; returnReason: string | null } }>(
          apiUrl,
          token,
          "query($id: ID!) { visit(id: $id) { status returnReason } }",
          { id },
        )
      ).visit;
    await page.getByTestId("menu-visitReview").click();
    await page.locator("tbody tr").first().waitFor();
    await shot(page, "reviewer-visit-queue");

    await page.goto(`${consoleUrl}/#/visits/${visits.nodes[0].id}/show`);
    await page.locator('[data-event="RETURN"]').click();
    await page.getByTestId("transition-reason").fill("请补充住院证明");
    await page.getByRole("dialog").getByRole("button", { name: "Return" }).click();
    await expect.poll(async () => (await readVisit(visits.nodes[0].id)).status, { timeout: 30_000 }).toBe("RETURNED");
    expect((await readVisit(visits.nodes[0].id)).returnReason).toBe("请补充住院证明");

    await page.goto(`${consoleUrl}/#/visits/${visits.nodes[1].id}/show`);
    await page.getByTestId("section-findings").waitFor();
    await shot(page, "reviewer-visit");
    await page.locator('[data-event="APPROVE"]').click();
    await expect.poll(async () => (await readVisit(visits.nodes[1].id)).status, { timeout: 30_000 }).toBe("COMPLETED");
    await page.context().close();
  });
});
