import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from "graphql";
import { startTestApi, type TestApi } from "../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../test-support/entities.fixtures.js";
import { buildCall, operationsOf, publishedSchema, sampleValue } from "./operations.fixtures.js";

/**
 * Hostile input (SPEC §4): generated garbage in every mutation's input never gets an
 * internal error, and input that is invalid by construction (bad ids, impossible dates,
 * numbers past their range, unknown enum values, wrong types) is refused with nothing
 * written. Called as ADMIN so every mutation gets past the door and sees the garbage.
 */
let api: TestApi;
let token: string;
const mutations = operationsOf(publishedSchema()).filter((o) => o.kind === "mutation");

beforeAll(async () => {
  api = await startTestApi();
  const admin = await new Fixtures(api.orm).user(["ADMIN"]);
  token = await loginAs(api.gql, admin.email, admin.password);
});
afterAll(async () => api?.close());

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await api.orm.em
    .getConnection()
    .execute<{ t: string }[]>(
      `select table_name t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
  const sql = tables.map((r) => `select '${r.t}' t, count(*)::int n from "${r.t}"`).join(" union all ");
  const rows = await api.orm.em.getConnection().execute<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

const sqlAndScript = fc.constantFrom(
  "'; drop table organization; --",
  `" or 1=1 --`,
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "\u0000",
  "\uD800",
  "‮gnp.exe",
  "𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦",
  "../../etc/passwd",
);
/** Values no field of the given scalar type may accept. */
function invalidFor(scalar: string): fc.Arbitrary<unknown> {
  switch (scalar) {
    case "ID":
      return fc.oneof(sqlAndScript, fc.string({ minLength: 1, maxLength: 40 }), fc.constant("x".repeat(100_000)));
    case "Int":
      return fc.oneof(fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER), fc.string());
    case "LocalDate":
      return fc.constantFrom("0000-00-00", "2026-02-30", "2026-13-01", "99999-01-01", "yesterday", "");
    case "DateTime":
      return fc.constantFrom("0000-00-00T00:00:00Z", "2026-02-30T10:00:00Z", "not a time", "");
    case "Boolean":
      return fc.constantFrom("true", 1, "yes");
    default:
      return fc.oneof(
        fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 3 }),
      );
  }
}
/** Anything at all: strings of every kind, deep JSON, huge strings, numbers at the limits. */
const anyGarbage: fc.Arbitrary<unknown> = fc.oneof(
  sqlAndScript,
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constant("ß".repeat(200_000)),
  fc.constantFrom(0, -1, 2 ** 31 - 1, 2 ** 53, -0, 1e308),
  fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, fc.integer(), fc.string(), fc.array(tie("node"), { maxLength: 2 })),
  })).node,
  fc.constant(JSON.parse(`${"[".repeat(500)}${"]".repeat(500)}`) as unknown),
);

const leafFields = (t: GraphQLInputObjectType) =>
  Object.values(t.getFields()).map((f) => ({ name: f.name, type: f.type, named: getNamedType(f.type) }));

const noId = () => "00000000-0000-4000-8000-000000000000";

async function send(query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text };
}

describe("hostile input to every mutation", () => {
  it(
    "refuses input that is invalid by construction, with no internal error and nothing written",
    { timeout: 240_000 },
    async () => {
      const before = await rowCounts();
      for (const op of mutations) {
        const inputArg = op.field.args.find((a) => a.name === "input")!;
        const inputType = getNamedType(inputArg.type) as GraphQLInputObjectType;
        if (!isInputObjectType(inputType)) continue;
        const base = sampleValue(op.name, inputArg.type as GraphQLInputType, "input", null, noId) as Record<
          string,
          unknown
        >;
        const fields = leafFields(inputType).filter((f) => !isInputObjectType(f.named));
        const arbitrary = fc.oneof(
          // The whole input of the wrong type.
          fc.record({
            field: fc.constant(null),
            value: fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.constant(null)),
          }),
          // One field replaced by a value its type cannot take.
          fc.constantFrom(...fields).chain((f) =>
            fc.record({
              field: fc.constant(f.name),
              value: (isEnumType(f.named) ? fc.constantFrom("NOT_A_VALUE", "", 3) : invalidFor(f.named.name)).map((v) =>
                // A list field gets a list holding the bad element (an empty list is valid).
                isListType(isNonNullType(f.type) ? f.type.ofType : f.type) ? [v] : v,
              ),
            }),
          ),
        );
        await fc.assert(
          fc.asyncProperty(arbitrary, async ({ field, value }) => {
            const input = field === null ? value : { ...base, [field]: value };
            const call = buildCall(op, noId, { input });
            const r = await send(call.query, call.variables);
            expect(r.status, `${op.name}.${field}`).toBeLessThan(500);
            expect(r.text, `${op.name}.${field}`).not.toMatch(/INTERNAL_SERVER_ERROR/);
            const body = JSON.parse(r.text) as {
              data?: Record<string, { userErrors?: unknown[] } | null>;
              errors?: unknown[];
            };
            const refused = (body.errors?.length ?? 0) > 0 || (body.data?.[op.name]?.userErrors?.length ?? 0) > 0;
            expect(
              refused,
              `${op.name}.${field}=${JSON.stringify(value).slice(0, 60)} was accepted: ${r.text.slice(0, 300)}`,
            ).toBe(true);
          }),
          { numRuns: 12, seed: 20260, endOnFailure: true },
        );
      }
      expect(await rowCounts()).toEqual(before);
    },
  );

  it("answers any garbage in any field without an internal error", { timeout: 240_000 }, async () => {
    for (const op of mutations) {
      const inputArg = op.field.args.find((a) => a.name === "input")!;
      const inputType = getNamedType(inputArg.type);
      if (!isInputObjectType(inputType)) continue;
      const base = sampleValue(op.name, inputArg.type as GraphQLInputType, "input", null, noId) as Record<
        string,
        unknown
      >;
      const names = leafFields(inputType).map((f) => f.name);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), anyGarbage, async (field, value) => {
          const call = buildCall(op, noId, { input: { ...base, [field]: value } });
          const r = await send(call.query, call.variables);
          expect(r.status, `${op.name}.${field}`).toBeLessThan(500);
          expect(r.text, `${op.name}.${field}`).not.toMatch(/INTERNAL_SERVER_ERROR/);
        }),
        { numRuns: 8, seed: 20261, endOnFailure: true },
      );
    }
  });
});
