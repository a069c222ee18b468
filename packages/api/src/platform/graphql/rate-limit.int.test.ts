import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";

let api: TestApi;
let fx: Fixtures;

beforeAll(async () => {
  // A window long enough that the test never straddles two windows.
  api = await startTestApi({ RATE_LIMIT_POINTS: "3", RATE_LIMIT_WINDOW_SECONDS: "120" });
  fx = new Fixtures(api.orm);
});
afterAll(async () => api?.close());

describe("per-principal rate limit in Redis", () => {
  it("serves the limit, then answers RATE_LIMITED with 429 and a retry time", async () => {
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    for (let i = 0; i < 3; i++) expect((await api.gql(`{ viewer { kind } }`, {}, secret)).status).toBe(200);
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: "{ viewer { kind } }" }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("counts each principal on its own", async () => {
    const a = await fx.apiKey(await fx.organization(OrganizationKind.CLINIC));
    const b = await fx.apiKey(await fx.organization(OrganizationKind.CLINIC));
    for (let i = 0; i < 3; i++) await api.gql(`{ viewer { kind } }`, {}, a.secret);
    expect((await api.gql(`{ viewer { kind } }`, {}, a.secret)).status).toBe(429);
    expect((await api.gql(`{ viewer { kind } }`, {}, b.secret)).status).toBe(200);
  });
});
