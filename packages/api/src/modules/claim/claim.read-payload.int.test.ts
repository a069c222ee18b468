import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReadWorld, statementRecorder, type ReadWorld } from "../../test-support/read-world.fixtures.js";
import { query } from "../branch/branch.fixtures.js";

let world: ReadWorld;
let recorder: ReturnType<typeof statementRecorder>;

beforeAll(async () => {
  world = await startReadWorld();
  recorder = statementRecorder(world.api);
}, 600_000);
afterAll(async () => {
  recorder?.stop();
  await world?.api.close();
});

const REGISTER = `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) {
  userErrors { code field message }
  claim { id number status version gross payable a_total: discountTotal overdue availableTransitions priceAboveSchedule
    paid { patient insurer currency } deliveryWindows { opensBy dueAt onTime }
    case { id number scanKey patient { id customerNumber } history { event toStatus } }
    registeredBy { id name kind } lines { id position amount unitPrice discount claimId }
    history { event toStatus actorKind } __typename }
} }`;

async function send(path: "compiled" | "orm", input: Record<string, unknown>, token: string) {
  const before = process.env.READ_COMPILER;
  if (path === "orm") process.env.READ_COMPILER = "off";
  try {
    return await recorder.send(REGISTER, { input }, token);
  } finally {
    if (before === undefined) delete process.env.READ_COMPILER;
    else process.env.READ_COMPILER = before;
  }
}

describe("a mutation's payload", () => {
  it("is read back through the compiled path in one statement after the write commits, as the resolvers answer it", async () => {
    const agency = world.principals.agencyTEH!;
    const { claim } = await query<{ claim: { caseId: string; policyId: string; liabilityId: string } }>(
      world.api,
      `query($id: ID!) { claim(id: $id) { caseId policyId liabilityId } }`,
      { id: world.claimIds[0] },
      agency,
    );
    const input = {
      ...claim,
      idempotencyKey: `payload-${Date.now()}`,
      lines: [
        { system: "CDT", code: "D0150", quantity: 1 },
        { system: "CDT", code: "D0150", quantity: 3, discount: "2.25" },
      ],
    };
    const first = await send("compiled", input, agency);
    const body = first.body as {
      data: { registerClaim: { claim: { lines: unknown[] } | null; userErrors: unknown[] } };
    };
    expect(body.data.registerClaim.userErrors).toEqual([]);
    expect(body.data.registerClaim.claim!.lines).toHaveLength(2);
    // After the transaction's commit: one statement reads the claim with everything nested.
    const commit = first.sql.findLastIndex((q) => /^commit/i.test(q));
    expect(commit, first.sql.join(" ;; ")).toBeGreaterThan(0);
    const after = first.sql.slice(commit + 1);
    expect(after, after.join(" ;; ")).toHaveLength(1);
    expect(after[0]).toMatch(/json_build_object/);

    // The same record answered by the resolvers (an idempotent replay returns the first result).
    const replay = await send("orm", input, agency);
    expect(replay.body).toEqual(first.body);
    expect(replay.sql.filter((q) => /json_build_object/.test(q))).toEqual([]);
  });

  it("keeps the resolvers' answer for a selection the compiler does not serve", async () => {
    const agency = world.principals.agencyTEH!;
    const { claim } = await query<{ claim: { version: number } }>(
      world.api,
      `query($id: ID!) { claim(id: $id) { version } }`,
      { id: world.claimIds[1] },
      agency,
    );
    const r = await recorder.send(
      `mutation($input: SetClaimLinesInput!) { setClaimLines(input: $input) {
        claim { id lineCount documentChecklist { present } } userErrors { code } } }`,
      {
        input: {
          id: world.claimIds[1],
          expectedVersion: claim.version,
          lines: [{ system: "CDT", code: "D0150", quantity: 4 }],
        },
      },
      agency,
    );
    expect(r.body).toEqual({
      data: {
        setClaimLines: {
          claim: { id: world.claimIds[1], lineCount: 1, documentChecklist: [] },
          userErrors: [],
        },
      },
    });
    expect(r.sql.filter((q) => /json_build_object/.test(q))).toEqual([]);
  });

  it("answers a selection of the record's own fields from the flushed entity, with no statement after the commit", async () => {
    const agency = world.principals.agencyTEH!;
    const { claim } = await query<{ claim: { version: number } }>(
      world.api,
      `query($id: ID!) { claim(id: $id) { version } }`,
      { id: world.claimIds[1] },
      agency,
    );
    const r = await recorder.send(
      `mutation($input: SetClaimLinesInput!) { setClaimLines(input: $input) {
        claim { id version lineCount gross overdue availableTransitions } userErrors { code } } }`,
      {
        input: {
          id: world.claimIds[1],
          expectedVersion: claim.version,
          lines: [{ system: "CDT", code: "D0150", quantity: 2 }],
        },
      },
      agency,
    );
    const out = (r.body as { data: { setClaimLines: { claim: { version: number }; userErrors: unknown[] } } }).data;
    expect(out.setClaimLines.userErrors).toEqual([]);
    expect(out.setClaimLines.claim.version).toBe(claim.version + 1);
    const commit = r.sql.findLastIndex((q) => /^commit/i.test(q));
    expect(r.sql.slice(commit + 1)).toEqual([]);
  });
});
