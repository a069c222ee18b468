import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE, connectionOf, PAGE_MODE, pick } from "../../test-support/read-world.fixtures.js";
import {
  expectOneStatementPerRead,
  expectSameAnswerOrRefusal,
  expectSameConnectionPage,
  principalOf,
  startOperationalWorld,
  type OperationalWorld,
} from "../../test-support/operational-world.fixtures.js";

/**
 * `document(id)` and `documents` on the compiled path equal the resolvers' answers for every
 * principal kind: a document follows its claim, visit or case (document.scope.ts), so a
 * partner sees its own entities' documents only, a VISITOR its visits', a branch session
 * its branch's, and a foreign id is null on both paths.
 */
let world: OperationalWorld;
let codes: string[];

beforeAll(async () => {
  world = await startOperationalWorld();
  const r = await world.read("orm", `{ documentTypes(all: true) { code } }`, {}, world.principals.admin!);
  codes = (r.body as { data: { documentTypes: { code: string }[] } }).data.documentTypes.map((t) => t.code);
}, 300_000);
afterAll(async () => world?.api.close());

const DOCUMENT_TYPE = pick([
  "id",
  "code",
  "name",
  "description",
  "requiredForClaimKinds",
  "active",
  "position",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const DOCUMENT = fc
  .tuple(
    pick([
      "id",
      "scanKey",
      "fileName",
      "contentType",
      "size",
      "sha256",
      "note",
      "attachedByOrganizationId",
      "attachedByKind",
      "removedAt",
      "removalReason",
      "replacedById",
      "replacesId",
      "caseId",
      "claimId",
      "visitId",
      "downloadPath",
      "createdAt",
      "updatedAt",
      "__typename",
    ]),
    fc.option(DOCUMENT_TYPE),
    fc.option(CASE),
  )
  .map(([s, t, c]) => `{ ${s} ${t ? `documentType ${t}` : ""} ${c ? `case ${c}` : ""} }`);

describe("compiled document reads equal the resolvers' answers (property)", () => {
  it("for random selections of document(id), every principal, own, foreign and missing ids", async () => {
    const ids = [...world.documentIds, "0190d1a0-0000-7000-8000-000000000000"];
    await fc.assert(
      fc.asyncProperty(DOCUMENT, principalOf(world), fc.nat(), async (sel, who, n) =>
        expectSameAnswerOrRefusal(
          world,
          `query($id: ID!) { document(id: $id) ${sel} }`,
          { id: ids[n % ids.length] },
          who,
          world.principals[who]!,
        ),
      ),
      { numRuns: 40 },
    );
  }, 600_000);

  it("for random documents connections: filters, page sizes, offsets and cursors both ways", async () => {
    const FILTER = fc.record(
      {
        caseId: fc.constantFrom(...world.caseIds),
        claimId: fc.constantFrom(...world.claimIds),
        visitId: fc.constantFrom(...world.visitIds),
        includeRemoved: fc.boolean(),
        documentType: fc.subarray(codes, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        connectionOf(DOCUMENT),
        principalOf(world),
        fc.option(FILTER),
        fc.integer({ min: 1, max: 5 }),
        PAGE_MODE,
        fc.nat(),
        async (sel, who, f, size, mode, n) =>
          expectSameConnectionPage(
            world,
            "documents",
            { filter: "DocumentFilter" },
            sel,
            who,
            world.principals[who]!,
            { filter: f },
            size,
            mode,
            n,
          ),
      ),
      { numRuns: 40 },
    );
  }, 600_000);

  it("sees documents at all: the world is not empty for the partners and staff compared", async () => {
    const count = async (who: string) => {
      const r = await world.read(
        "compiled",
        `{ documents(filter: { includeRemoved: true }) { totalCount } }`,
        {},
        world.principals[who]!,
      );
      return (r.body as { data: { documents: { totalCount: number } } }).data.documents.totalCount;
    };
    // The read world holds documents of its own besides this file's (a visit's, a case's).
    expect(await count("admin")).toBeGreaterThanOrEqual(world.documentIds.length);
    expect(await count("agencyTEH")).toBeGreaterThan(0);
    expect(await count("agencyTEH")).toBeLessThan(await count("admin"));
    expect(await count("visitor")).toBeGreaterThan(0);
  });

  it("is one statement per page of documents or one document, at 10, 50 and 100", async () => {
    await expectOneStatementPerRead(
      world.api,
      world.principals,
      (size) => `{ documents(first: ${size}, filter: { includeRemoved: true }) { totalCount
        nodes { id fileName caseId downloadPath documentType { code name } case { id number patient { id } } } }
        one: document(id: "${world.documentIds[0]}") { id documentType { code } } }`,
      ["agencyTEH", "admin", "operatorTEH", "visitor"],
    );
  });
});
