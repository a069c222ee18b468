import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";

let api: TestApi;
let fx: Fixtures;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
});
afterAll(async () => api?.close());

const VIEWER = `{ viewer { kind roles user { email } organization { name kind } } }`;

describe("staff login", () => {
  it("returns tokens for the right password and the viewer is that user", async () => {
    const u = await fx.user(["OPERATOR"]);
    const token = await loginAs(api.gql, u.email, u.password);
    const res = await api.gql(VIEWER, {}, token);
    expect(res.data.viewer).toMatchObject({ kind: "STAFF", roles: ["OPERATOR"], user: { email: u.email } });
  });

  it("refuses a wrong password with INVALID_CREDENTIALS and no token", async () => {
    const u = await fx.user(["OPERATOR"]);
    const res = await api.gql<{ login: { accessToken: null; userErrors: { code: string }[] } }>(
      `mutation { login(input: { email: "${u.email}", password: "wrong" }) { accessToken userErrors { code } } }`,
    );
    expect(res.data.login.accessToken).toBeNull();
    expect(res.data.login.userErrors[0]!.code).toBe("INVALID_CREDENTIALS");
  });

  it("delays the account after five failures, even for the right password (RATE_LIMITED with a retry time)", async () => {
    const u = await fx.user(["REVIEWER"]);
    const attempt = (password: string) =>
      api.gql<{ login: { userErrors: { code: string }[] } }>(
        `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }`,
        { i: { email: u.email, password } },
      );
    for (let i = 0; i < 5; i++)
      expect((await attempt("nope")).data.login.userErrors[0]!.code).toBe("INVALID_CREDENTIALS");
    const delayed = await attempt(u.password);
    expect(delayed.status).toBe(429);
    expect(delayed.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
  });

  it("refuses an inactive user", async () => {
    const u = await fx.user(["OPERATOR"], { active: false } as never);
    const res = await api.gql<{ login: { userErrors: { code: string }[] } }>(
      `mutation($i: LoginInput!) { login(input: $i) { userErrors { code } } }`,
      { i: { email: u.email, password: u.password } },
    );
    expect(res.data.login.userErrors[0]!.code).toBe("INVALID_CREDENTIALS");
  });

  it("rotates refresh tokens and revokes the family when a used one comes back", async () => {
    const u = await fx.user(["BILLING"]);
    const first = await api.gql<{ login: { refreshToken: string } }>(
      `mutation($i: LoginInput!) { login(input: $i) { refreshToken } }`,
      { i: { email: u.email, password: u.password } },
    );
    const refresh = (t: string) =>
      api.gql<{
        refreshToken: { accessToken: string | null; refreshToken: string | null; userErrors: { code: string }[] };
      }>(
        `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken userErrors { code } } }`,
        { i: { refreshToken: t } },
      );
    const second = await refresh(first.data.login.refreshToken);
    expect(second.data.refreshToken.accessToken).toBeTruthy();
    const replay = await refresh(first.data.login.refreshToken);
    expect(replay.data.refreshToken.userErrors[0]!.code).toBe("INVALID_REFRESH_TOKEN");
    // The stolen-token rule: after a replay the newer token of the family is dead too.
    const after = await refresh(second.data.refreshToken.refreshToken!);
    expect(after.data.refreshToken.userErrors[0]!.code).toBe("INVALID_REFRESH_TOKEN");
  });
});

describe("partner API keys", () => {
  it("authenticate as the partner organisation", async () => {
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    const res = await api.gql(VIEWER, {}, secret);
    expect(res.data.viewer).toMatchObject({ kind: "PARTNER", roles: ["LAB"], organization: { kind: "LAB" } });
  });

  it("refuses a revoked key with UNAUTHENTICATED and status 401", async () => {
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab, true);
    const res = await api.gql(VIEWER, {}, secret);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.errors?.[0]?.message).toMatch(/revoked/i);
  });

  it("refuses a key with a wrong secret and a malformed header", async () => {
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    const wrong = secret.slice(0, -4) + "AAAA";
    expect((await api.gql(VIEWER, {}, wrong)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Token abc" },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(res.status).toBe(401);
  });

  it("anonymous callers are ANONYMOUS for viewer and UNAUTHENTICATED elsewhere", async () => {
    expect((await api.gql(VIEWER)).data.viewer).toMatchObject({ kind: "ANONYMOUS" });
    const res = await api.gql(`{ organizations(first: 1) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
