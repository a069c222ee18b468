import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { LIMITS } from "./limits.js";

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  const admin = await fx.user(["ADMIN"]);
  token = await loginAs(api.gql, admin.email, admin.password);
});
afterAll(async () => api?.close());

describe("GraphQL limits", () => {
  it(`refuses more than ${LIMITS.maxAliases} aliases and accepts exactly ${LIMITS.maxAliases}`, async () => {
    const q = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { kind }`).join(" ")} }`;
    const ok = await api.gql(q(LIMITS.maxAliases), {}, token);
    expect(ok.errors).toBeUndefined();
    const over = await api.gql(q(LIMITS.maxAliases + 1), {}, token);
    expect(over.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it(`refuses a depth of ${LIMITS.maxDepth + 1} and lets ${LIMITS.maxDepth} through the depth rule`, async () => {
    // Depth is measured on the document, before field validation, so a synthetic chain of
    // nested selections shows the rule without depending on today's schema shape.
    const chain = (depth: number) => `{ ${"viewer { ".repeat(depth - 1)}kind${" }".repeat(depth - 1)} }`;
    const over = await api.gql(chain(LIMITS.maxDepth + 1), {}, token);
    expect(JSON.stringify(over.errors)).toMatch(/depth/i);
    const at = await api.gql(chain(LIMITS.maxDepth), {}, token);
    expect(JSON.stringify(at.errors ?? [])).not.toMatch(/depth/i);
  });

  it("refuses a body over 1 MB with 413 before parsing", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ viewer { kind } }${" ".repeat(LIMITS.maxBodyBytes)}` }),
    });
    expect(res.status).toBe(413);
  });

  it("refuses batched operations", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: "{ viewer { kind } }" }, { query: "{ viewer { kind } }" }]),
    });
    expect(res.status).toBe(400);
  });

  it("refuses too many tokens", async () => {
    const fields = Array.from({ length: LIMITS.maxTokens }, () => "kind").join(" ");
    const res = await api.gql(`{ viewer { ${fields} } }`, {}, token);
    expect(res.errors?.[0]?.message).toMatch(/token/i);
  });

  it("refuses introspection to anonymous callers and allows it when signed in", async () => {
    const anon = await api.gql(`{ __schema { queryType { name } } }`);
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const signed = await api.gql<{ __schema: { queryType: { name: string } } }>(
      `{ __schema { queryType { name } } }`,
      {},
      token,
    );
    expect(signed.data.__schema.queryType.name).toBe("Query");
  });

  it("gives no field suggestions to anonymous callers", async () => {
    const anon = await api.gql(`{ viewr { kind } }`);
    expect(anon.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const signed = await api.gql(`{ viewr { kind } }`, {}, token);
    expect(signed.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it(`refuses first > 100 with a userError-free top-level validation`, async () => {
    const res = await api.gql(`{ organizations(first: 101) { totalCount } }`, {}, token);
    expect(JSON.stringify(res.errors ?? [])).toMatch(/PAGE_SIZE_OUT_OF_RANGE|between 0 and 100/);
    const ok = await api.gql(`{ organizations(first: 100) { totalCount } }`, {}, token);
    expect(ok.errors).toBeUndefined();
  });

  it("masks internal errors: no stack traces reach the client", async () => {
    const res = await api.gql(`{ organizations(first: 1, after: "garbage") { totalCount } }`, {}, token);
    const text = JSON.stringify(res.errors);
    expect(text).not.toMatch(/stacktrace|at \w+ \(/);
  });
});
