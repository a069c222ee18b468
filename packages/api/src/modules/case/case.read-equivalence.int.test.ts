import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CASE,
  connectionOf,
  expectSameAnswer,
  expectSamePage,
  PAGE_MODE,
  startReadWorld,
  type ReadWorld,
} from "../../test-support/read-world.fixtures.js";

let world: ReadWorld;

beforeAll(async () => {
  world = await startReadWorld();
}, 300_000);
afterAll(async () => world?.api.close());

const FILTER = fc.record(
  {
    status: fc.subarray(["OPEN", "CLOSED", "CANCELLED"], { minLength: 1 }),
    kind: fc.subarray(["OUTPATIENT", "INPATIENT"], { minLength: 1 }),
    search: fc.constantFrom("CASE", "王", "nobody"),
    incidentFrom: fc.constant("2026-03-09"),
  },
  { requiredKeys: [] },
);
const ORDER_BY = fc.record({
  field: fc.constantFrom("CREATED_AT", "INCIDENT_DATE", "NUMBER", "STATUS"),
  direction: fc.constantFrom("ASC", "DESC"),
});
const principal = () => fc.constantFrom(...Object.keys(world.principals));

describe("compiled case reads equal the resolvers' answers (property)", () => {
  it("for random selections of case(id), every principal (branch sessions included), own and foreign ids", async () => {
    await fc.assert(
      fc.asyncProperty(CASE, principal(), fc.nat(), async (sel, who, n) => {
        const id = world.caseIds[n % world.caseIds.length];
        await expectSameAnswer(world, `query($id: ID!) { case(id: $id) ${sel} }`, { id }, who, world.principals[who]!);
      }),
      { numRuns: 40 },
    );
  }, 600_000);

  it("for random cases connections: filters, orderBy, page sizes, offsets and cursors both ways", async () => {
    await fc.assert(
      fc.asyncProperty(
        connectionOf(CASE),
        principal(),
        fc.option(FILTER),
        fc.option(ORDER_BY),
        fc.integer({ min: 1, max: 5 }),
        PAGE_MODE,
        fc.nat(),
        async (sel, who, f, o, size, mode, n) =>
          expectSamePage(
            world,
            "cases",
            { filter: "CaseFilter", order: "CaseOrder" },
            sel,
            who,
            world.principals[who]!,
            { f, o },
            size,
            mode,
            n,
          ),
      ),
      { numRuns: 40 },
    );
  }, 600_000);

  it("keeps branch sessions to their branch's cases, as the resolvers do", async () => {
    const Q = `{ cases(first: 100) { totalCount nodes { id branchId patient { id } } } }`;
    const ids = async (who: string) => {
      const r = await world.read("compiled", Q, {}, world.principals[who]!);
      expect(r.answeredBy).toBe("compiled");
      return (r.body as { data: { cases: { nodes: { id: string }[] } } }).data.cases.nodes.map((c) => c.id).sort();
    };
    // The hospital's three inpatient cases and the Tehran agency's two; Isfahan's two.
    expect(await ids("operatorTEH")).toEqual(world.caseIds.slice(0, 5).sort());
    expect(await ids("operatorISF")).toEqual(world.caseIds.slice(5).sort());
    expect(await ids("unchosen")).toEqual([]);
    for (const who of ["operatorTEH", "operatorISF", "unchosen"])
      await expectSameAnswer(world, Q, {}, who, world.principals[who]!);
  });
});
