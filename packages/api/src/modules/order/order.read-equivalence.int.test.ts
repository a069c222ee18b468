import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { startReadKit, type ReadKit } from "./order-reads.fixtures.js";

let kit: ReadKit;

beforeAll(async () => {
  kit = await startReadKit();
});
afterAll(async () => kit?.api.close());

/** A random sub-selection: each field in or out, sometimes aliased, never empty. */
const pick = (fields: readonly string[]) =>
  fc
    .subarray([...fields], { minLength: 1 })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((f) =>
          fc.oneof(
            { arbitrary: fc.constant(f), weight: 8 },
            { arbitrary: fc.constant(`a_${f.split(" ")[0]}: ${f}`), weight: 1 },
          ),
        ),
      ),
    )
    .map((parts) => parts.join(" "));

const ORG = pick(["id", "name", "kind", "language", "active", "country", "__typename"]).map((s) => `{ ${s} }`);
const CHANGE = pick(["id", "fromStatus", "toStatus", "event", "reason", "reasonCode", "actorKind", "createdAt"]).map(
  (s) => `{ ${s} }`,
);
const PATIENT = pick(["id", "firstName", "lastName", "customerNumber", "birthDate", "status", "registeredById"]).map(
  (s) => `{ ${s} }`,
);
const CASE = fc
  .tuple(
    pick(["id", "number", "scanKey", "status", "incidentDate", "patientId", "registeredById", "hospitalId", "kind"]),
    fc.option(PATIENT),
    fc.option(ORG),
    fc.option(ORG),
    fc.option(CHANGE),
  )
  .map(
    ([s, p, r, h, hist]) =>
      `{ ${s} ${p ? `patient ${p}` : ""} ${r ? `registeredBy ${r}` : ""} ${h ? `hospital ${h}` : ""} ${hist ? `history ${hist}` : ""} }`,
  );
const REPORT = fc
  .tuple(pick(["id", "kind", "form", "createdAt", "orderId", "fileId", "templateVersion"]), fc.boolean())
  .map(([s, file]) => `{ ${s} ${file ? "file { id downloadPath }" : ""} }`);
const ORDER = fc
  .tuple(
    pick([
      "id",
      "number",
      "status",
      "kind",
      "specialty",
      "requestedCodes",
      "confirmBy",
      "dueAt",
      "amount",
      "currency",
      "overdue",
      "availableTransitions",
      "caseId",
      "providerId",
      "version",
      "createdAt",
      "lastRejectedAt",
      "suspendedAt",
      "__typename",
      "rejection { code label text at __typename }",
      "rejection { text }",
    ]),
    fc.option(CASE),
    fc.option(ORG),
    fc.option(REPORT),
    fc.option(CHANGE),
    fc.option(CHANGE),
  )
  .map(
    ([s, c, p, r, h, l]) =>
      `{ ${s} ${c ? `case ${c}` : ""} ${p ? `provider ${p}` : ""} ${r ? `reports ${r}` : ""} ${h ? `history ${h}` : ""} ${l ? `lastStatusChange ${l}` : ""} }`,
  );

const FILTER = fc.record(
  {
    tray: fc.constantFrom("IN_PROCESS", "WORKED", "TO_MANAGE", "CLOSED"),
    status: fc.subarray(["ISSUED", "CONFIRMED", "IN_VERIFICATION", "REJECTED", "VOIDED", "SUSPENDED"], {
      minLength: 1,
    }),
    specialty: fc.constantFrom("traumatology", "psychiatry", "cardiology"),
    overdue: fc.boolean(),
    issuedFrom: fc.constant("2020-01-01T00:00:00.000Z"),
  },
  { requiredKeys: [] },
);
const ORDER_BY = fc.record({
  field: fc.constantFrom("CREATED_AT", "DUE_AT", "CONFIRM_BY", "NUMBER", "STATUS"),
  direction: fc.constantFrom("ASC", "DESC"),
});
const CONNECTION = fc.tuple(ORDER, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()).map(
  ([node, nodes, edges, info, count]) =>
    `{ ${nodes || !(edges || info || count) ? `nodes ${node}` : ""} ${edges ? `edges { cursor node ${node} }` : ""}
        ${info ? "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }" : ""} ${count ? "totalCount" : ""} }`,
);

const principal = fc.constantFrom(
  ...["operator", "billing", "admin", "reviewer", "visitor", "labA", "labB", "hospital", "agency"],
);

async function sameAnswer(query: string, variables: Record<string, unknown>, who: string) {
  const token = kit.principals[who]!;
  const compiled = await kit.read("compiled", query, variables, token);
  const orm = await kit.read("orm", query, variables, token);
  expect(compiled.body, `${who}: ${query} ${JSON.stringify(variables)}`).toEqual(orm.body);
  // A query over the limits (aliases, cost) is refused before either path runs.
  const refused = (orm.body as { errors?: { extensions?: { code?: string } }[] }).errors?.some(
    (e) => e.extensions?.code === "QUERY_TOO_COMPLEX",
  );
  if (!refused) expect(compiled.answeredBy, `${who} ${query} ${JSON.stringify(compiled.body)}`).toBe("compiled");
}

describe("compiled order reads equal the resolvers' answers (property)", () => {
  it("for random selections of order(id), every principal, own and foreign ids", async () => {
    await fc.assert(
      fc.asyncProperty(ORDER, principal, fc.nat(), async (sel, who, n) => {
        const id = kit.orderIds[n % kit.orderIds.length];
        await sameAnswer(`query($id: ID!) { order(id: $id) ${sel} }`, { id }, who);
      }),
      { numRuns: 40 },
    );
  }, 600_000);

  it("for random connections: filters, orderBy, page sizes, offsets and cursors both ways", async () => {
    const Q = (sel: string) =>
      `query($first: Int, $last: Int, $after: String, $before: String, $offset: Int, $f: OrderFilter, $o: OrderOrder) {
        orders(first: $first, last: $last, after: $after, before: $before, offset: $offset, filter: $f, orderBy: $o) ${sel} }`;
    await fc.assert(
      fc.asyncProperty(
        CONNECTION,
        principal,
        fc.option(FILTER),
        fc.option(ORDER_BY),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom("first", "last", "after", "before", "offset"),
        fc.nat(),
        async (sel, who, filter, orderBy, size, mode, n) => {
          const base = { f: filter, o: orderBy };
          let vars: Record<string, unknown> = { ...base, first: size };
          if (mode === "last") vars = { ...base, last: size };
          if (mode === "offset") vars = { ...base, first: size, offset: n % 5 };
          if (mode === "after" || mode === "before") {
            // A cursor from the resolvers' own first page.
            const page = await kit.read("orm", Q("{ edges { cursor } }"), { ...base, first: 20 }, kit.principals[who]!);
            const edges = (page.body as { data: { orders: { edges: { cursor: string }[] } } }).data.orders.edges;
            if (edges.length === 0) return;
            const cursor = edges[n % edges.length]!.cursor;
            vars = mode === "after" ? { ...base, first: size, after: cursor } : { ...base, last: size, before: cursor };
          }
          await sameAnswer(Q(sel), vars, who);
        },
      ),
      { numRuns: 50 },
    );
  }, 600_000);

  it("hands what it does not compile to the resolvers, with the same answer", async () => {
    const id = kit.orderIds[4];
    // A case's orders and a patient's national id are compiled now (the nested-fields slice).
    for (const query of [
      `query($id: ID!) { order(id: $id) { id case { orders { id } } } }`,
      `query($id: ID!) { order(id: $id) { id case { patient { nationalId } } } }`,
    ]) {
      const compiled = await kit.read("compiled", query, { id }, kit.principals.operator!);
      expect(compiled.answeredBy).toBe("compiled");
      expect(compiled.body).toEqual((await kit.read("orm", query, { id }, kit.principals.operator!)).body);
    }
    for (const query of [
      `{ orders(first: 101) { nodes { id } } }`,
      `{ orders(first: 2, after: "bm90IGEgY3Vyc29y") { nodes { id } } }`,
    ]) {
      const compiled = await kit.read("compiled", query, { id }, kit.principals.operator!);
      const orm = await kit.read("orm", query, { id }, kit.principals.operator!);
      expect(compiled.answeredBy).toBe("resolvers");
      expect(compiled.body).toEqual(orm.body);
    }
  });
});
