import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  connectionOf,
  expectSameAnswer,
  expectSamePage,
  PAGE_MODE,
  pick,
  startReadWorld,
  statementRecorder,
  type ReadWorld,
} from "../../test-support/read-world.fixtures.js";

let world: ReadWorld;
let orgIds: string[];

beforeAll(async () => {
  world = await startReadWorld();
  const r = await world.read("orm", `{ organizations(first: 100) { nodes { id } } }`, {}, world.principals.admin!);
  orgIds = (r.body as { data: { organizations: { nodes: { id: string }[] } } }).data.organizations.nodes.map(
    (n) => n.id,
  );
  expect(orgIds.length).toBeGreaterThan(5);
}, 300_000);
afterAll(async () => world?.api.close());

const ORGANIZATION = pick([
  "id",
  "kind",
  "name",
  "taxId",
  "phone",
  "email",
  "region",
  "country",
  "timeZone",
  "language",
  "active",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const FILTER = fc.record(
  {
    kind: fc.subarray(["HOSPITAL", "CLINIC", "AGENCY", "INSURER", "OPERATOR"], { minLength: 1 }),
    active: fc.boolean(),
    search: fc.constantFrom("Clínica", "仁", "nobody"),
  },
  { requiredKeys: [] },
);
const ORDER_BY = fc.record({
  field: fc.constantFrom("NAME", "KIND", "CREATED_AT"),
  direction: fc.constantFrom("ASC", "DESC"),
});
const principal = () => fc.constantFrom(...Object.keys(world.principals));

describe("compiled organization reads equal the resolvers' answers (property)", () => {
  it("for random selections of organization(id), every principal", async () => {
    await fc.assert(
      fc.asyncProperty(ORGANIZATION, principal(), fc.nat(), async (sel, who, n) => {
        const id = orgIds[n % orgIds.length];
        await expectSameAnswer(
          world,
          `query($id: ID!) { organization(id: $id) ${sel} }`,
          { id },
          who,
          world.principals[who]!,
        );
      }),
      { numRuns: 30 },
    );
  }, 600_000);

  it("for random organizations connections: filters, orderBy, page sizes, offsets and cursors both ways", async () => {
    await fc.assert(
      fc.asyncProperty(
        connectionOf(ORGANIZATION),
        principal(),
        fc.option(FILTER),
        fc.option(ORDER_BY),
        fc.integer({ min: 1, max: 5 }),
        PAGE_MODE,
        fc.nat(),
        async (sel, who, f, o, size, mode, n) =>
          expectSamePage(
            world,
            "organizations",
            { filter: "OrganizationFilter", order: "OrganizationOrder" },
            sel,
            who,
            world.principals[who]!,
            { f, o },
            size,
            mode,
            n,
          ),
      ),
      { numRuns: 30 },
    );
  }, 600_000);

  it("is one statement for a page of organisations", async () => {
    const recorder = statementRecorder(world.api);
    try {
      const Q = `{ organizations(first: 100) { totalCount nodes { id name kind } } }`;
      await recorder.run(Q, {}, world.principals.hospital!);
      const { sql } = await recorder.run(Q, {}, world.principals.hospital!);
      expect(sql).toHaveLength(1);
    } finally {
      recorder.stop();
    }
  });
});
