import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReadWorld, statementRecorder, type ReadWorld } from "../../test-support/read-world.fixtures.js";
import { ERRORS, mutate, query } from "../branch/branch.fixtures.js";

let world: ReadWorld;
let recorder: ReturnType<typeof statementRecorder>;
/** The credential's look-up on a cache miss (the one statement a read may add). */
const AUTH_LOOKUP = /\bfrom app_user u\b[^;]*?\bwhere u\.id\b|\bapi_key\b/;

beforeAll(async () => {
  world = await startReadWorld();
  // 100 more claims of the Tehran agency, on the case of its first one, two lines each.
  const agency = world.principals.agencyTEH!;
  const { claim } = await query<{ claim: { caseId: string; policyId: string; liabilityId: string } }>(
    world.api,
    `query($id: ID!) { claim(id: $id) { caseId policyId liabilityId } }`,
    { id: world.claimIds[0] },
    agency,
  );
  for (let i = 0; i < 100; i++) {
    const r = await mutate(
      world.api,
      `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { id } ${ERRORS} } }`,
      {
        ...claim,
        lines: [
          { system: "CDT", code: "D0150", quantity: 1 },
          { system: "CDT", code: "D0150", quantity: 2 },
        ],
      },
      agency,
    );
    expect(r.userErrors).toEqual([]);
  }
  recorder = statementRecorder(world.api);
}, 600_000);
afterAll(async () => {
  recorder?.stop();
  await world?.api.close();
});

const CLAIMS = `query($n: Int) { claims(first: $n) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { id number status gross payable overdue priceAboveSchedule availableTransitions deliveryWindows { dueAt }
    paid { patient insurer } case { id number patient { id } history { event } } registeredBy { id name }
    lines { id position amount unitPrice discount } history { event actorName }
    policy { number deductible } liability { code perClaimLimit } payments { id amount }
    documents { id documentType { code } } }
} }`;

describe("a compiled claim read", () => {
  it("is one SQL statement at page sizes 10, 50 and 100: partner key, staff, branch session", async () => {
    for (const who of ["agencyTEH", "operator", "operatorTEH"]) {
      const token = world.principals[who]!;
      await recorder.run(CLAIMS, { n: 5 }, token); // the first request of a key or session may look it up
      for (const size of [10, 50, 100]) {
        const { body, sql } = await recorder.run(CLAIMS, { n: size }, token);
        const nodes = (body as { data: { claims: { nodes: { lines: unknown[] }[] } } }).data.claims.nodes;
        expect(nodes, who).toHaveLength(size);
        expect(nodes.every((n) => n.lines.length > 0)).toBe(true);
        const reads = sql.filter((q) => !AUTH_LOOKUP.test(q));
        expect(reads, `${who} page of ${size}: ${sql.map((q) => q.slice(0, 200)).join(" ;; ")}`).toHaveLength(1);
        // A session whose user just changed (its branches were set) is not cached for a while.
        expect(sql.length, `${who} page of ${size}`).toBeLessThanOrEqual(who === "operatorTEH" ? 2 : 1);
      }
    }
  });
});
