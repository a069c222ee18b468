import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";

/** The API's /metrics: rate and latency per GraphQL operation and REST route, errors by code, pool use. */
const TOKEN = "metrics-token-for-tests";
let api: TestApi;
let operator: string;

beforeAll(async () => {
  api = await startTestApi({ METRICS_TOKEN: TOKEN });
  const fx = new Fixtures(api.orm);
  const user = await fx.user(["OPERATOR"]);
  operator = await loginAs(api.gql, user.email, user.password);
});
afterAll(async () => api?.close());

const scrape = (token: string | null = TOKEN) =>
  fetch(`${api.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("GET /metrics", () => {
  it("is refused without the metrics token", async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape("wrong-token-of-some-length")).status).toBe(401);
  });

  it("counts GraphQL operations by name, REST routes by pattern, and top-level errors by code", async () => {
    for (let i = 0; i < 3; i++) await api.gql(`query ViewerForMetrics { viewer { __typename } }`, {}, operator);
    await api.gql(`query Broken { noSuchField }`, {}, operator);
    await fetch(`${api.url}/healthz`);
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(
      /clinigraph_graphql_operation_duration_seconds_count\{[^}]*operation="ViewerForMetrics"[^}]*type="query"[^}]*status="200"[^}]*\} 3/,
    );
    expect(text).toMatch(/clinigraph_graphql_errors_total\{[^}]*code="GRAPHQL_VALIDATION_FAILED"[^}]*\} 1/);
    expect(text).toMatch(
      /clinigraph_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*method="GET"[^}]*\} 1/,
    );
    expect(text).toMatch(/clinigraph_db_pool_connections\{[^}]*state="used"[^}]*\} \d+/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds\{service="api"\}/);
  });
});
