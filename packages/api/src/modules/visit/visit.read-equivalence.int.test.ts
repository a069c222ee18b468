import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CASE,
  CHANGE,
  connectionOf,
  DOCUMENT,
  LIABILITY,
  POLICY,
  USER,
  expectSameAnswer,
  expectSamePage,
  ORG,
  PAGE_MODE,
  PATIENT,
  pick,
  startReadWorld,
  type ReadWorld,
} from "../../test-support/read-world.fixtures.js";

let world: ReadWorld;

beforeAll(async () => {
  world = await startReadWorld();
}, 300_000);
afterAll(async () => world?.api.close());

const LINK = fc
  .tuple(
    pick(["id", "visitId", "policyId", "liabilityId", "createdAt", "__typename"]),
    fc.option(POLICY),
    fc.option(LIABILITY),
  )
  .map(([s, p, l]) => `{ ${s} ${p ? `policy ${p}` : ""} ${l ? `liability ${l}` : ""} }`);
const ENTRY = fc
  .tuple(
    pick(["id", "actorKind", "actorId", "actorOrganizationId", "actorName", "conclusion", "createdAt", "__typename"]),
    fc.option(pick(["field", "before", "after", "__typename"]).map((s) => `{ ${s} }`)),
  )
  .map(([s, c]) => `{ ${s} ${c ? `changes ${c}` : ""} }`);
const ORDER = pick(["id", "number", "status", "overdue", "providerId"]).map((s) => `{ ${s} }`);
const VISIT = fc
  .tuple(
    pick([
      "id",
      "number",
      "version",
      "kind",
      "status",
      "scheduledAt",
      "reminderDueAt",
      "remindedAt",
      "admissionDate",
      "ward",
      "bed",
      "diagnosisCodes",
      "investigationResult",
      "conclusion",
      "bankAccountScheme",
      "bankAccount",
      "returnReason",
      "returnCount",
      "cancelReason",
      "completedAt",
      "caseId",
      "patientId",
      "siteId",
      "assigneeId",
      "orderId",
      "availableTransitions",
      "createdAt",
      "updatedAt",
      "__typename",
    ]),
    fc.option(CASE),
    fc.option(PATIENT),
    fc.option(ORG),
    fc.option(LINK),
    fc.option(CHANGE),
    fc.option(ORDER),
    fc.option(USER),
    fc.option(ENTRY),
    fc.option(DOCUMENT),
  )
  .map(
    ([s, c, p, site, l, h, o, a, e, d]) =>
      `{ ${s} ${c ? `case ${c}` : ""} ${p ? `patient ${p}` : ""} ${site ? `site ${site}` : ""} ${l ? `liabilityLinks ${l}` : ""} ${h ? `history ${h}` : ""} ${o ? `order ${o}` : ""} ${a ? `assignee ${a}` : ""} ${e ? `entries ${e}` : ""} ${d ? `documents ${d}` : ""} }`,
  );
const FILTER = fc.record(
  {
    status: fc.subarray(["PENDING_ASSIGNMENT", "SCHEDULED", "IN_PROGRESS", "IN_REVIEW"], { minLength: 1 }),
    kind: fc.constantFrom("FIELD_VISIT", "APPOINTMENT"),
    returned: fc.boolean(),
    search: fc.constantFrom("VIS", "王", "nobody"),
  },
  { requiredKeys: [] },
);
const ORDER_BY = fc.record({
  field: fc.constantFrom("CREATED_AT", "UPDATED_AT", "NUMBER", "STATUS", "SCHEDULED_AT"),
  direction: fc.constantFrom("ASC", "DESC"),
});
const principal = () => fc.constantFrom(...Object.keys(world.principals));

describe("compiled visit reads equal the resolvers' answers (property)", () => {
  it("for random selections of visit(id), every principal (branch sessions included), own and foreign ids", async () => {
    await fc.assert(
      fc.asyncProperty(VISIT, principal(), fc.nat(), async (sel, who, n) => {
        const id = world.visitIds[n % world.visitIds.length];
        await expectSameAnswer(world, `query($id: ID!) { visit(id: $id) ${sel} }`, { id }, who, world.principals[who]!);
      }),
      { numRuns: 40 },
    );
  }, 600_000);

  it("for random visits connections: filters, orderBy, page sizes, offsets and cursors both ways", async () => {
    await fc.assert(
      fc.asyncProperty(
        connectionOf(VISIT),
        principal(),
        fc.option(FILTER),
        fc.option(ORDER_BY),
        fc.integer({ min: 1, max: 5 }),
        PAGE_MODE,
        fc.nat(),
        async (sel, who, f, o, size, mode, n) =>
          expectSamePage(
            world,
            "visits",
            { filter: "VisitFilter", order: "VisitOrder" },
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

  it("keeps a branch session to its branch and shows the undecided member nothing, as the resolvers do", async () => {
    const Q = `{ visits(first: 100) { totalCount nodes { id case { id branchId } } } }`;
    const ids = async (who: string) => {
      const r = await world.read("compiled", Q, {}, world.principals[who]!);
      expect(r.answeredBy).toBe("compiled");
      return (r.body as { data: { visits: { nodes: { id: string }[] } } }).data.visits.nodes.map((v) => v.id).sort();
    };
    // The field visits are Tehran's (their cases'), the case-less appointment's clinic is in no branch.
    expect(await ids("operatorTEH")).toEqual(world.visitIds.slice(0, 3).sort());
    expect(await ids("operatorISF")).toEqual([]);
    expect(await ids("unchosen")).toEqual([]);
    for (const who of ["operatorTEH", "operatorISF", "unchosen"])
      await expectSameAnswer(world, Q, {}, who, world.principals[who]!);
  });

  it("answers a sees-none session's filter through a joined relation with no row, on both paths (no `in ()`)", async () => {
    const Q = `query($f: VisitFilter) { visits(first: 10, filter: $f) { totalCount nodes { id case { id } } } }`;
    for (const who of ["unchosen", "operatorTEH", "hospital"]) {
      await expectSameAnswer(world, Q, { f: { search: "VIS" } }, who, world.principals[who]!);
      await expectSameAnswer(world, Q, { f: { search: "王" } }, who, world.principals[who]!);
    }
    const none = await world.read("compiled", Q, { f: { search: "VIS" } }, world.principals.unchosen!);
    expect(none.body).toEqual({ data: { visits: { totalCount: 0, nodes: [] } } });
  });

  it("compiles the payout account, the assignee, the entries and the documents for every principal", async () => {
    const Q = `query($id: ID!) { visit(id: $id) { id bankAccount assignee { id name } entries { actorName changes { field before after } }
      documents { id fileName documentType { code } } liabilityLinks { policy { number deductible } liability { code annualLimit } } } }`;
    const vars = { id: world.visitIds[2] };
    const admin = await world.read("compiled", Q, vars, world.principals.admin!);
    const visit = (admin.body as { data: { visit: { bankAccount: string; entries: unknown[]; documents: unknown[] } } })
      .data.visit;
    // The data the property runs over: a clear account for ADMIN, an entry, a document.
    expect(visit.bankAccount).toBe("BG80BNBG96611020345678");
    expect(visit.entries.length).toBeGreaterThan(0);
    expect(visit.documents).toHaveLength(1);
    for (const who of Object.keys(world.principals))
      await expectSameAnswer(world, Q, vars, who, world.principals[who]!);
  });
});
