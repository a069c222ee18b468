import { describe, expect, inject, it } from "vitest";
import { shot } from "./shots";
import { browserSession, gql, staffToken } from "./support";

/**
 * A VISITOR's day in the console, on the volume seed: the home with the visits due today,
 * overdue and returned; the findings saved twice (each save one history entry), a wrong
 * IBAN caught as typed, a liability ticked and the visit concluded through concludeVisit;
 * a returned visit with its reason. The account the visitor entered comes back masked.
 */
const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

interface VisitRow {
  id: string;
  number: string;
  status: string;
  patientId: string;
  returnReason: string | null;
}

const VISIT = `query($id: ID!) { visit(id: $id) { id status conclusion ward investigationResult diagnosisCodes
  bankAccount liabilityLinks { liabilityId } history { event } entries { id } } }`;

interface VisitState {
  status: string;
  conclusion: string | null;
  ward: string | null;
  investigationResult: string | null;
  diagnosisCodes: string[];
  bankAccount: string | null;
  liabilityLinks: { liabilityId: string }[];
  history: { event: string }[];
  entries: { id: string }[];
}

const day = (offset: number) => {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + offset);
  return d.toISOString();
};

describe("a visitor's day", () => {
  it("home, findings saved twice, a wrong IBAN caught, concluded COMPLETED, a return read", async () => {
    const token = await staffToken(apiUrl, "visitor");
    const me = (await gql<{ viewer: { user: { id: string } } }>(apiUrl, token, "{ viewer { user { id } } }")).viewer
      .user;
    const list = (filter: Record<string, unknown>) =>
      gql<{ visits: { totalCount: number; nodes: VisitRow[] } }>(
        apiUrl,
        token,
        `query($filter: VisitFilter) { visits(first: 100, filter: $filter) { totalCount nodes { id number status patientId returnReason } } }`,
        { filter: { assigneeId: me.id, kind: "FIELD_VISIT", ...filter } },
      ).then((r) => r.visits);
    const open = ["SCHEDULED", "IN_PROGRESS"];
    const dueToday = await list({ status: open, scheduledFrom: day(0), scheduledTo: day(1) });
    const overdue = await list({ status: open, scheduledTo: day(0) });
    const returned = await list({ status: ["RETURNED"] });
    expect(dueToday.totalCount + overdue.totalCount, "the seed gives visitor1 visits to do").toBeGreaterThan(0);

    const page = await session.signedIn("visitor");
    // the home: never an empty dashboard
    await page.getByTestId("visitor-home").waitFor();
    for (const [testId, expected] of [
      ["visits-today", dueToday],
      ["visits-overdue", overdue],
      ["visits-returned", returned],
    ] as const) {
      const card = page.getByTestId(testId);
      if (expected.totalCount === 0) continue;
      await card.locator("tbody tr").first().waitFor();
      expect(await card.locator("tbody tr").count(), testId).toBe(Math.min(expected.totalCount, 50));
      expect(await card.textContent()).toContain(expected.nodes[0].number);
    }
    await shot(page, "visitor-home");

    // a visit to enter: one whose patient holds a policy with liabilities to link
    let visit: VisitRow | undefined;
    let liabilityCode = "";
    for (const candidate of [...overdue.nodes, ...dueToday.nodes]) {
      const { policies } = await gql<{ policies: { nodes: { liabilities: { code: string }[] }[] } }>(
        apiUrl,
        token,
        "query($p: ID!) { policies(first: 5, filter: { patientId: $p }) { nodes { liabilities { code } } } }",
        { p: candidate.patientId },
      );
      const code = policies.nodes.flatMap((p) => p.liabilities)[0]?.code;
      if (code) {
        visit = candidate;
        liabilityCode = code;
        break;
      }
    }
    expect(visit, "a visit whose patient holds a policy").toBeDefined();
    const state = async () => (await gql<{ visit: VisitState }>(apiUrl, token, VISIT, { id: visit!.id })).visit;
    const saves = (s: VisitState) => s.history.filter((h) => h.event === "SAVE_PRELIMINARY").length;
    const before = await state();

    await page.getByTestId("visits-today").or(page.getByTestId("visits-overdue")).first().waitFor();
    await page.goto(`${consoleUrl}/#/visits/${visit!.id}/show`);
    const form = page.getByTestId("findings-form");
    await form.waitFor();
    // the events with their own mutation are not offered as plain transition buttons
    expect(await page.locator('[data-event="SAVE_PRELIMINARY"], [data-event="CONCLUDE"]').count()).toBe(0);

    // first save
    await form.locator('input[name="ward"]').fill("3B");
    await form.locator('input[name="diagnosisText"]').fill("s72.0, J18.9");
    await form.locator('textarea[name="investigationResult"]').fill("Ingresado tras una caída; fractura de cadera.");
    await page.getByTestId("save-findings").click();
    await expect.poll(async () => saves(await state()), { timeout: 30_000 }).toBe(saves(before) + 1);
    const first = await state();
    expect(first).toMatchObject({ status: "IN_PROGRESS", ward: "3B", diagnosisCodes: ["S72.0", "J18.9"] });

    // second save, after the form came back with the new version: one more history entry
    await expect.poll(async () => form.locator('input[name="ward"]').inputValue(), { timeout: 30_000 }).toBe("3B");
    await form.locator('textarea[name="investigationResult"]').fill("Ingresado tras una caída; operado el martes.");
    await page.getByTestId("save-findings").click();
    await expect.poll(async () => saves(await state()), { timeout: 30_000 }).toBe(saves(before) + 2);
    expect((await state()).investigationResult).toBe("Ingresado tras una caída; operado el martes.");
    await page.getByTestId("status-timeline").getByText("Preliminary findings saved").nth(1).waitFor();
    // each save is kept with what it changed: the second one only the investigation result, before → after
    const entries = page.getByTestId("visit-entry");
    const kept = before.entries.length;
    await expect.poll(() => entries.count(), { timeout: 30_000 }).toBe(kept + 2);
    const change = entries.nth(kept + 1).getByTestId("entry-change-investigationResult");
    expect(await change.textContent()).toBe(
      "Investigation result: Ingresado tras una caída; fractura de cadera. → Ingresado tras una caída; operado el martes.",
    );
    expect(await entries.nth(kept + 1).textContent()).toContain("Saved by ");
    expect(
      await entries
        .nth(kept + 1)
        .locator("[data-testid^=entry-change-]")
        .count(),
    ).toBe(1);

    // a wrong IBAN is caught as typed, before anything is sent
    await form.locator('[role="combobox"]').click();
    await page.getByRole("option", { name: "IBAN" }).click();
    const number = page.getByTestId("bank-number");
    await number.fill("BG81 BNBG 9661 1020 3456 78");
    await page.getByTestId("save-findings").click();
    await form.getByText("Not a valid IBAN").waitFor();
    expect(saves(await state())).toBe(saves(before) + 2);
    await number.fill("BG80 BNBG 9661 1020 3456 78");
    await form.locator(`input[data-liability="${liabilityCode}"]`).first().check();
    await shot(page, "visitor-findings");

    // conclude 探访完毕 through concludeVisit, with the account and the link in the same step
    await page.getByTestId("conclude-visit").click();
    await page.locator('[data-conclusion="COMPLETED"]').click();
    await page.getByTestId("confirm-conclusion").click();
    await expect.poll(async () => (await state()).status, { timeout: 30_000 }).toBe("IN_REVIEW");
    const concluded = await state();
    expect(concluded.conclusion).toBe("COMPLETED");
    expect(concluded.liabilityLinks.length).toBeGreaterThan(0);
    // the visitor who entered the account reads it masked, as operators do
    expect(concluded.bankAccount).toBe("•••• 5678");
    await page.getByTestId("findings-form").waitFor({ state: "detached" });
    await page.getByTestId("bank-account").waitFor();
    expect((await page.getByTestId("bank-account").textContent())?.trim()).toBe("•••• 5678");
    // the conclusion is the third save: the account (masked) and the link, marked as concluding
    await expect.poll(() => entries.count(), { timeout: 30_000 }).toBe(kept + 3);
    expect(await entries.nth(kept + 2).textContent()).toContain("and concluded: Visit completed");
    expect(
      await entries
        .nth(kept + 2)
        .getByTestId("entry-change-bankAccount")
        .textContent(),
    ).toMatch(/^Bank account: .+ → •••• 5678$/);
    await shot(page, "visitor-entries");

    // a visit the reviewer returned: its reason on the page, and the form to correct it
    const back = returned.nodes[0];
    expect(back, "the seed returns visits to visitor1").toBeDefined();
    await page.goto(`${consoleUrl}/#/visits/${back.id}/show`);
    const notice = page.getByTestId("return-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain(back.returnReason);
    await page.getByTestId("findings-form").waitFor();
    await shot(page, "visitor-returned");
    await page.context().close();
  });
});
