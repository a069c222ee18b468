import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { hooksOf } from "../platform/composition/hooks.js";
import { caseRegistered } from "../modules/case/case.events.js";
import { REPO_ROOT } from "./partners-docs.js";
import {
  codesOf,
  generatedTable,
  HOSPITAL_KEY,
  unquote,
  useDemoApi,
  type Answer,
} from "./partners-promises.fixtures.js";

/**
 * docs/partners.md §8: the HTTP status of every top-level error code, as the guide's
 * generated table says, each provoked on the demo API as a partner would meet it. Editing a
 * row of the table without changing the behaviour (or the reverse) fails here.
 */
const demo = useDemoApi();
const { gql, post, tokens } = demo;

/**
 * How each top-level code of §8's table is provoked on the demo API, as a partner would meet
 * it. A code the guide lists without a way here fails the test, as does a way for a code the
 * guide does not list.
 */
const PROVOKE: Record<string, () => Promise<Answer>> = {
  UNAUTHENTICATED: () => gql(`{ viewer { kind } }`, {}, "ck_DEMOLAB1_not-the-secret-at-all-0000000000000"),
  FORBIDDEN: () =>
    gql(
      `mutation { createPolicy(input: { currency: "CLP", holderName: "X", number: "P-LAB", type: INDIVIDUAL,
        validFrom: "2026-01-01", validTo: "2026-12-31" }) { policy { id } } }`,
    ),
  BAD_USER_INPUT: () => gql(`query($n: Int) { orders(first: $n) { totalCount } }`, { n: "ten" }),
  GRAPHQL_VALIDATION_FAILED: () => gql(`{ noSuchField }`),
  GRAPHQL_PARSE_FAILED: () => gql(`{ viewer {`),
  BAD_REQUEST: () => post(JSON.stringify({ variables: {} })),
  PAYLOAD_TOO_LARGE: () =>
    post(JSON.stringify({ query: `{ viewer { kind } }`, variables: { pad: "x".repeat(1_100_000) } })),
  PERSISTED_QUERY_NOT_FOUND: () =>
    post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } })),
  OPERATION_RESOLUTION_FAILURE: () => gql(`query A { viewer { kind } } query B { viewer { kind } }`),
  QUERY_TOO_COMPLEX: () => gql(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: viewer { kind }`).join(" ")} }`),
  RATE_LIMITED: async () => {
    // The national-id lookup's own budget (§3: 20 per 10 minutes per organisation).
    let last: Answer | undefined;
    for (let i = 0; i < 25; i++) {
      last = await gql(`{ patients(first: 1, filter: { nationalId: "11111111-1" }) { totalCount } }`, {}, HOSPITAL_KEY);
      if (last.status === 429) break;
    }
    return last!;
  },
  QUERY_TIMEOUT: async () => {
    // A table another session holds locked: the orders query waits out the pool's
    // statement_timeout and is cancelled, as a query too heavy for it would be.
    const locker = new pg.Client({ connectionString: demo.api.config.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query("begin; lock table attention_order in access exclusive mode");
      return await gql(`{ orders(first: 1) { nodes { id } } }`);
    } finally {
      await locker.query("rollback");
      await locker.end();
    }
  },
  INTERNAL_SERVER_ERROR: async () => {
    // A fault of ours: a handler of the registered-case event that throws (in this process).
    const remove = hooksOf(demo.api.orm.em).add(caseRegistered, (async () => {
      throw new Error("a bug");
    }) as never);
    try {
      const patients = await gql(`{ patients(first: 1) { nodes { id } } }`, {}, tokens.OPERATOR!);
      return await gql(
        `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } } }`,
        { i: { patientId: patients.body.data!.patients.nodes[0].id, kind: "OUTPATIENT", incidentDate: "2026-02-03" } },
        tokens.OPERATOR!,
      );
    } finally {
      remove();
    }
  },
  INVALID_CURSOR: () => gql(`{ orders(first: 5, after: "not-a-cursor-we-issued") { totalCount } }`),
  PAGE_SIZE_OUT_OF_RANGE: () => gql(`{ orders(first: 101) { totalCount } }`),
  INVALID_OFFSET: () => gql(`{ orders(first: 5, offset: -1) { totalCount } }`),
  TOO_MANY_IDS: () =>
    gql(`query($ids: [ID!]) { orders(filter: { ids: $ids }) { totalCount } }`, {
      ids: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`),
    }),
};
/**
 * A database outage cannot be caused from outside the demo API's process without cutting its
 * connections: its status is proven by the test named, which does (through a relay it cuts).
 */
const PROVEN_ELSEWHERE: Record<string, string> = {
  SERVICE_UNAVAILABLE: "packages/api/src/platform/graphql/database-unavailable.int.test.ts",
};

describe("§8: the HTTP status of every top-level error code, as the guide's table says", () => {
  const rows = generatedTable("top-level-errors").map(([code, http]) => ({
    code: unquote(code!),
    statuses: http!.split(/\D+/).filter(Boolean).map(Number),
  }));

  it("has a way to meet every code of the table, and no way for a code it does not list", () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect([...Object.keys(PROVOKE), ...Object.keys(PROVEN_ELSEWHERE)].sort()).toEqual(rows.map((r) => r.code).sort());
  });

  for (const { code } of rows.filter((r) => PROVOKE[r.code]))
    it(`${code} answers the table's HTTP status`, async () => {
      const { statuses } = rows.find((r) => r.code === code)!;
      const answer = await PROVOKE[code]!();
      expect(codesOf(answer), JSON.stringify(answer.body).slice(0, 400)).toContain(code);
      expect(statuses).toContain(answer.status);
    });

  for (const [code, file] of Object.entries(PROVEN_ELSEWHERE))
    it(`${code} is proven by ${file}`, () => {
      const path = resolve(REPO_ROOT, file);
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path, "utf8")).toContain(code);
    });
});
