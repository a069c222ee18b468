import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CASE,
  CHANGE,
  connectionOf,
  DOCUMENT,
  LIABILITY,
  POLICY,
  expectSameAnswer,
  expectSamePage,
  ORG,
  PAGE_MODE,
  pick,
  startReadWorld,
  type ReadWorld,
} from "../../test-support/read-world.fixtures.js";

let world: ReadWorld;

beforeAll(async () => {
  world = await startReadWorld();
}, 300_000);
afterAll(async () => world?.api.close());

const LINE = pick([
  "id",
  "claimId",
  "position",
  "serviceSystem",
  "serviceCode",
  "description",
  "quantity",
  "currency",
  "unitPrice",
  "scheduleUnitPrice",
  "discount",
  "amount",
  "approvedAmount",
  "priceAboveSchedule",
  "priceOverrideReason",
  "modifiers",
  "adjustmentReason",
  "version",
  "createdAt",
]).map((s) => `{ ${s} }`);
const PAYMENT = pick([
  "id",
  "claimId",
  "payer",
  "amount",
  "currency",
  "method",
  "reference",
  "receivedAt",
  "recordedByKind",
  "recordedById",
  "createdAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const CLAIM = fc
  .tuple(
    pick([
      "id",
      "number",
      "version",
      "kind",
      "status",
      "currency",
      "lineCount",
      "appliedCaps",
      "sourceVisitId",
      "gross",
      "discountTotal",
      "deductibleApplied",
      "covered",
      "patientShare",
      "payable",
      "approvedTotals { gross payable currency }",
      "paid { patient insurer currency __typename }",
      "outstanding { insurer }",
      "overdue",
      "deliveryDueAt",
      "deliveredOnTime",
      "deliveryWindows { opensBy opensAt dueAt deliveredAt onTime }",
      "deliveryWindows { dueAt }",
      "returnReasons { code text }",
      "priceAboveSchedule",
      "availableTransitions",
      "caseId",
      "policyId",
      "liabilityId",
      "registeredById",
      "providerId",
      "firstSubmittedAt",
      "settledAt",
      "createdAt",
      "updatedAt",
      "__typename",
    ]),
    fc.option(CASE),
    fc.option(ORG),
    fc.option(ORG),
    fc.option(LINE),
    fc.option(CHANGE),
    fc.option(POLICY),
    fc.option(LIABILITY),
    fc.option(PAYMENT),
    fc.option(DOCUMENT),
  )
  .map(
    ([s, c, r, p, l, h, pol, lia, pay, d]) =>
      `{ ${s} ${c ? `case ${c}` : ""} ${r ? `registeredBy ${r}` : ""} ${p ? `provider ${p}` : ""} ${l ? `lines ${l}` : ""} ${h ? `history ${h}` : ""} ${pol ? `policy ${pol}` : ""} ${lia ? `liability ${lia}` : ""} ${pay ? `payments ${pay}` : ""} ${d ? `documents ${d}` : ""} }`,
  );
const FILTER = fc.record(
  {
    status: fc.subarray(["DRAFT", "SUBMITTED", "RETURNED"], { minLength: 1 }),
    kind: fc.subarray(["OUTPATIENT", "INPATIENT"], { minLength: 1 }),
    overdue: fc.boolean(),
    search: fc.constantFrom("CLM", "nothing"),
  },
  { requiredKeys: [] },
);
const ORDER_BY = fc.record({
  field: fc.constantFrom("CREATED_AT", "NUMBER", "DELIVERY_DUE_AT", "STATUS"),
  direction: fc.constantFrom("ASC", "DESC"),
});
const principal = () => fc.constantFrom(...Object.keys(world.principals));

describe("compiled claim reads equal the resolvers' answers (property)", () => {
  it("for random selections of claim(id), every principal (branch sessions included), own and foreign ids", async () => {
    await fc.assert(
      fc.asyncProperty(CLAIM, principal(), fc.nat(), async (sel, who, n) => {
        const id = world.claimIds[n % world.claimIds.length];
        await expectSameAnswer(world, `query($id: ID!) { claim(id: $id) ${sel} }`, { id }, who, world.principals[who]!);
      }),
      { numRuns: 40 },
    );
  }, 600_000);

  it("for random claims connections: filters, orderBy, page sizes, offsets and cursors both ways", async () => {
    await fc.assert(
      fc.asyncProperty(
        connectionOf(CLAIM),
        principal(),
        fc.option(FILTER),
        fc.option(ORDER_BY),
        fc.integer({ min: 1, max: 5 }),
        PAGE_MODE,
        fc.nat(),
        async (sel, who, f, o, size, mode, n) =>
          expectSamePage(
            world,
            "claims",
            { filter: "ClaimFilter", order: "ClaimOrder" },
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

  it("keeps branch sessions to their branch's claims, as the resolvers do", async () => {
    const Q = `{ claims(first: 100) { totalCount nodes { id gross lines { id amount } } } }`;
    const ids = async (who: string) => {
      const r = await world.read("compiled", Q, {}, world.principals[who]!);
      expect(r.answeredBy).toBe("compiled");
      return (r.body as { data: { claims: { nodes: { id: string }[] } } }).data.claims.nodes.map((c) => c.id).sort();
    };
    expect(await ids("operatorTEH")).toEqual(world.claimIds.slice(0, 2).sort());
    expect(await ids("operatorISF")).toEqual(world.claimIds.slice(2).sort());
    expect(await ids("unchosen")).toEqual([]);
    for (const who of ["operatorTEH", "operatorISF", "billingTEH", "unchosen"])
      await expectSameAnswer(world, Q, {}, who, world.principals[who]!);
  });

  it("lists a claim's documents as the resolvers do: its case's own, then its own, the removed one left out", async () => {
    const Q = `query($id: ID!) { claim(id: $id) { id documents { id claimId caseId removedAt documentType { code } }
      policy { id number deductible } liability { code perClaimLimit } payments { id amount } } }`;
    const vars = { id: world.claimIds[0] };
    const r = await world.read("compiled", Q, vars, world.principals.admin!);
    expect(r.answeredBy).toBe("compiled");
    const claim = (r.body as { data: { claim: { documents: { claimId: string | null }[]; payments: unknown[] } } }).data
      .claim;
    expect(claim.documents.map((d) => d.claimId)).toEqual([null, world.claimIds[0]]);
    expect(claim.payments).toHaveLength(1);
    for (const who of Object.keys(world.principals))
      await expectSameAnswer(world, Q, vars, who, world.principals[who]!);
  });

  it("hands documentChecklist to the resolvers", async () => {
    const query = `query($id: ID!) { claim(id: $id) { id documentChecklist { documentType { code } present } } }`;
    const vars = { id: world.claimIds[0] };
    const compiled = await world.read("compiled", query, vars, world.principals.admin!);
    expect(compiled.answeredBy).toBe("resolvers");
    expect(compiled.body).toEqual((await world.read("orm", query, vars, world.principals.admin!)).body);
  });
});
