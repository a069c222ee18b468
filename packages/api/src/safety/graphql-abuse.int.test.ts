import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../test-support/entities.fixtures.js";
import { SQL_STATEMENTS_HEADER } from "../platform/db/sql-counter.js";
import { LIMITS } from "../platform/graphql/limits.js";

/**
 * Abusive documents are refused before any SQL runs (SPEC §4). The opt-in statement
 * counter (BENCH_COUNT_SQL=1) reports the SQL each request ran; a refused request may run
 * only what authentication itself needs, measured on a document that fails to parse.
 * platform/graphql/limits.int.test.ts proves the limits' thresholds; this file proves
 * they hold before the database is touched.
 */
let api: TestApi;
let token: string;
const previous = process.env.BENCH_COUNT_SQL;

beforeAll(async () => {
  process.env.BENCH_COUNT_SQL = "1";
  api = await startTestApi();
  const admin = await new Fixtures(api.orm).user(["ADMIN"]);
  token = await loginAs(api.gql, admin.email, admin.password);
});
afterAll(async () => {
  process.env.BENCH_COUNT_SQL = previous;
  await api?.close();
});

interface Sent {
  status: number;
  statements: number;
  text: string;
}

async function send(body: string, signedIn: boolean): Promise<Sent> {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signedIn ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const header = res.headers.get(SQL_STATEMENTS_HEADER);
  expect(header, "the statement counter is on").not.toBeNull();
  return { status: res.status, statements: Number(header), text: await res.text() };
}
const doc = (query: string) => JSON.stringify({ query });

const depth11 = `{ ${"viewer { ".repeat(LIMITS.maxDepth)}kind${" }".repeat(LIMITS.maxDepth)} }`;
const aliases16 = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: viewer { kind }`).join(" ")} }`;
// Nested connections: each level multiplies the cost of the one below.
const costBomb = `{ orders(first: 100) { nodes { case { orders(first: 100) { nodes { case { orders(first: 100) { nodes { id number status } } } } } } } } }`;

/** `inExecution`: refused by the resolver's argument check (HTTP 200 with an error), still before SQL. */
const ABUSES: { name: string; body: () => string; refusal: RegExp; inExecution?: true }[] = [
  { name: `depth ${LIMITS.maxDepth + 1}`, body: () => doc(depth11), refusal: /depth/i },
  { name: `${LIMITS.maxAliases + 1} aliases`, body: () => doc(aliases16), refusal: /aliases/i },
  { name: "a cost bomb of nested connections", body: () => doc(costBomb), refusal: /cost|depth/i },
  {
    name: "first: 100000",
    body: () => doc(`{ orders(first: 100000) { totalCount nodes { id } } }`),
    refusal: /cost|PAGE_SIZE/i,
  },
  {
    name: "first: 101 (cheap enough to pass the cost rule)",
    body: () => doc(`{ organizations(first: 101) { totalCount } }`),
    refusal: /PAGE_SIZE|between 0 and 100/,
    inExecution: true,
  },
  {
    name: "1 MB of whitespace",
    body: () => doc(`{ viewer { kind } }${" ".repeat(LIMITS.maxBodyBytes)}`),
    refusal: /PAYLOAD_TOO_LARGE|too large/i,
  },
  {
    name: "100 batched operations",
    body: () => JSON.stringify(Array.from({ length: 100 }, () => ({ query: "{ orders(first: 1) { totalCount } }" }))),
    refusal: /batch/i,
  },
  { name: "a misspelled field", body: () => doc(`{ orderz(first: 1) { totalCount } }`), refusal: /Cannot query field/ },
];

describe("GraphQL abuse is refused before any SQL runs", () => {
  for (const signedIn of [false, true]) {
    const who = signedIn ? "a signed-in admin" : "an anonymous caller";
    it(`refuses every abusive document from ${who} with no SQL beyond authentication`, async () => {
      const baseline = (await send(doc("{ viewer { "), signedIn)).statements;
      expect(baseline).toBeLessThanOrEqual(signedIn ? 1 : 0);
      for (const abuse of ABUSES) {
        const r = await send(abuse.body(), signedIn);
        if (!abuse.inExecution || !signedIn) expect(r.status, abuse.name).toBeGreaterThanOrEqual(400);
        expect(r.status, abuse.name).toBeLessThan(500);
        expect(r.statements, `${abuse.name}: SQL statements`).toBeLessThanOrEqual(baseline);
        // Anonymous callers are turned away at the door (UNAUTHENTICATED) or by the limit.
        if (signedIn) expect(r.text, abuse.name).toMatch(abuse.refusal);
      }
    });
  }

  it("refuses introspection without a principal, before any SQL", async () => {
    const r = await send(doc(`{ __schema { types { name fields { name } } } }`), false);
    expect(r.status).toBe(401);
    expect(r.statements).toBe(0);
    expect(r.text).not.toMatch(/"types"/);
  });

  it("gives no 'Did you mean' to anonymous callers, and runs no SQL for the bad document", async () => {
    const r = await send(doc(`{ viewr { kind } ordrs { totalCount } }`), false);
    expect(r.text).toMatch(/Cannot query field/);
    expect(r.text).not.toMatch(/Did you mean/);
    expect(r.statements).toBe(0);
  });
});
