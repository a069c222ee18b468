import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import {
  assignVisits,
  buildVisitWorld,
  pendingFieldVisit,
  visitMutation,
  type VisitWorld,
} from "./visit-world.fixtures.js";

let api: TestApi;
let w: VisitWorld;

beforeAll(async () => {
  api = await startTestApi();
  w = await buildVisitWorld(api);
});
afterAll(async () => {
  await api?.close();
});

interface EntryView {
  createdAt: string;
  actorKind: string;
  actorName: string | null;
  conclusion: string | null;
  changes: { field: string; before: string[]; after: string[] }[];
}

const ENTRIES = `query($id: ID!) { visit(id: $id) { entries { createdAt actorKind actorName conclusion changes { field before after } } } }`;

async function entriesOf(id: string, token: string): Promise<EntryView[]> {
  const res = await api.gql<{ visit: { entries: EntryView[] } | null }>(ENTRIES, { id }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.visit!.entries;
}

describe("visit entries (探访录入: each save kept)", () => {
  it("keeps every findings save with who saved it and each changed field before → after, the account masked", async () => {
    const visit = await pendingFieldVisit(api, w);
    const [assigned] = (await assignVisits(api, w.operator, [visit.id], w.visitor.id, false)).visits!;
    const v = w.visitor.token;
    const first = await visitMutation(
      api,
      "saveVisitFindings",
      {
        id: visit.id,
        expectedVersion: assigned!.version,
        findings: { ward: "骨科二病区", bed: "12", diagnosisCodes: ["s72.0"] },
        liabilityLinks: { links: [{ policyId: w.individual.id, liabilityId: w.liabilities.hosp.id }] },
      },
      v,
    );
    expect(first.userErrors).toEqual([]);
    // The second save moves the bed and repeats the ward unchanged: only the bed is a change.
    const second = await visitMutation(
      api,
      "saveVisitFindings",
      { id: visit.id, expectedVersion: first.visit!.version, findings: { ward: "骨科二病区", bed: "14" } },
      v,
    );
    expect(second.userErrors).toEqual([]);
    // A save that changes nothing leaves no entry.
    const same = await visitMutation(
      api,
      "saveVisitFindings",
      { id: visit.id, expectedVersion: second.visit!.version, findings: { bed: "14" } },
      v,
    );
    expect(same.userErrors).toEqual([]);
    const concluded = await visitMutation(
      api,
      "concludeVisit",
      {
        id: visit.id,
        expectedVersion: same.visit!.version,
        conclusion: "COMPLETED",
        bankAccount: { scheme: "IBAN", number: "BG80 BNBG 9661 1020 3456 78" },
      },
      v,
    );
    expect(concluded.userErrors).toEqual([]);

    const entries = await entriesOf(visit.id, w.reviewer);
    expect(entries).toHaveLength(3);
    const policyNumber = w.individual.number;
    expect(entries[0]).toMatchObject({
      actorKind: "STAFF",
      actorName: w.visitor.name,
      conclusion: null,
      changes: [
        { field: "ward", before: [], after: ["骨科二病区"] },
        { field: "bed", before: [], after: ["12"] },
        { field: "diagnosisCodes", before: [], after: ["S72.0"] },
        { field: "liabilityLinks", before: [], after: [`${policyNumber} · HOSP`] },
      ],
    });
    expect(entries[1]!.changes).toEqual([{ field: "bed", before: ["12"], after: ["14"] }]);
    expect(entries[2]).toMatchObject({
      conclusion: "COMPLETED",
      changes: [{ field: "bankAccount", before: [], after: ["•••• 5678"] }],
    });
    expect(Date.parse(entries[0]!.createdAt)).toBeLessThanOrEqual(Date.parse(entries[1]!.createdAt));
    // Billing, who reads the account of an approved visit in clear, still reads it masked here.
    const approved = await visitMutation(
      api,
      "transitionVisit",
      { id: visit.id, event: "APPROVE", expectedVersion: concluded.visit!.version },
      w.reviewer,
    );
    expect(approved.userErrors).toEqual([]);
    expect(JSON.stringify(await entriesOf(visit.id, w.billing))).not.toContain("BNBG");
  });
});
