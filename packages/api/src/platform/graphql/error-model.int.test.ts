import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";

/**
 * Issue 21 item 2, through GraphQL: a principal refused for who it is gets FORBIDDEN with
 * HTTP 403, and a malformed list request (a cursor we never issued, a page size out of
 * range) gets HTTP 400, each with `extensions.code`, as docs/partners.md §8 says.
 */
let api: TestApi;
let labKey: string;
let operator: string;

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  labKey = (await fx.apiKey(await fx.organization(OrganizationKind.LAB))).secret;
  const op = await fx.user(["OPERATOR"]);
  operator = await loginAs(api.gql, op.email, op.password);
});
afterAll(async () => api?.close());

const ISSUE = `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { id } userErrors { code } } }`;
const issueInput = {
  caseId: "00000000-0000-4000-8000-000000000000",
  providerId: "00000000-0000-4000-8000-000000000000",
  kind: "EXAM",
  specialty: "audiology",
  serviceCodes: ["AUD-01"],
};

describe("the error model", () => {
  it("answers an operation the principal may not call with FORBIDDEN and HTTP 403, no data", async () => {
    const res = await api.gql(ISSUE, { i: issueInput }, labKey);
    expect(res.status).toBe(403);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(res.data?.issueOrder ?? null).toBeNull();
  });

  it("answers the same operation for an allowed principal with userErrors and HTTP 200", async () => {
    const res = await api.gql<{ issueOrder: { userErrors: { code: string }[] } }>(ISSUE, { i: issueInput }, operator);
    expect(res.status).toBe(200);
    expect(res.data.issueOrder.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });

  it("answers a cursor the API never issued with INVALID_CURSOR and HTTP 400", async () => {
    for (const token of [labKey, operator]) {
      const res = await api.gql(`{ orders(first: 5, after: "not-a-cursor") { totalCount } }`, {}, token);
      expect(res.status).toBe(400);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["INVALID_CURSOR"]);
    }
  });

  it("answers a page size out of range with PAGE_SIZE_OUT_OF_RANGE and HTTP 400", async () => {
    for (const first of [101, -1]) {
      const res = await api.gql(`query($n: Int) { orders(first: $n) { totalCount } }`, { n: first }, labKey);
      expect(res.status, String(first)).toBe(400);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["PAGE_SIZE_OUT_OF_RANGE"]);
      expect(res.errors?.[0]?.extensions?.field).toEqual(["first"]);
    }
  });

  it("answers a query's bad input (too many ids, a bad month, a bad scan key) with its code and HTTP 400", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const cases: [string, Record<string, unknown>, string][] = [
      [`query($ids: [ID!]) { orders(filter: { ids: $ids }) { totalCount } }`, { ids }, "TOO_MANY_IDS"],
      [`{ monthlyStatistics(filter: { monthFrom: "2026-13" }) { totalCount } }`, {}, "INVALID_MONTH"],
      [`{ cases(filter: { scanKey: "123" }) { totalCount } }`, {}, "INVALID_SCAN_KEY"],
    ];
    for (const [query, variables, code] of cases) {
      const res = await api.gql(query, variables, operator);
      expect(res.status, code).toBe(400);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
      expect(res.errors?.[0]?.extensions?.field, code).toBeTruthy();
    }
  });
});
