import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt, SignJWT } from "jose";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";

/**
 * Issue 14 item 8: roles and the active flag are read per request (never from the token),
 * a role change or deactivation ends the user's sessions, and logout ends the access token.
 */
let api: TestApi;
let fx: Fixtures;
let adminToken: string;
let labId: string;

const VIEWER = `{ viewer { kind roles } }`;
const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { code } } }`;
const UPDATE_USER = `mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { roles active } userErrors { code } } }`;
const DEACTIVATE = `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { user { active } userErrors { code } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken userErrors { code } } }`;
const REFRESH = `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken userErrors { code } } }`;
const LOGOUT = `mutation($i: LogoutInput!) { logout(input: $i) { ok } }`;

interface Tokens {
  accessToken: string;
  refreshToken: string;
}
async function session(email: string, password: string): Promise<Tokens> {
  const res = await api.gql<{ login: Tokens }>(LOGIN, { i: { email, password } });
  return res.data.login;
}
const versionOf = async (id: string) =>
  (
    await api.orm.em.getConnection().execute<{ version: number }[]>(`select version from app_user where id = ?`, [id])
  )[0]!.version;
const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const admin = await fx.user(["ADMIN"]);
  adminToken = await loginAs(api.gql, admin.email, admin.password);
  labId = (await fx.organization(OrganizationKind.LAB)).id;
});
afterAll(async () => api?.close());

describe("roles per request", () => {
  it("a demoted ADMIN loses ADMIN on the next request: the session ends, and a new one has the new roles", async () => {
    const demoted = await fx.user(["ADMIN"]);
    const before = await session(demoted.email, demoted.password);
    // Read once so the roles are cached: the demotion must not be hidden by the cache.
    expect((await api.gql(VIEWER, {}, before.accessToken)).data.viewer).toMatchObject({ roles: ["ADMIN"] });
    const ok = await api.gql<{ createApiKey: { secret: string | null } }>(
      CREATE_KEY,
      { i: { name: "while admin", organizationId: labId } },
      before.accessToken,
    );
    expect(ok.data.createApiKey.secret).toBeTruthy();

    const changed = await api.gql<{ updateUser: { userErrors: unknown[] } }>(
      UPDATE_USER,
      { i: { id: demoted.id, expectedVersion: await versionOf(demoted.id), roles: ["OPERATOR"] } },
      adminToken,
    );
    expect(changed.data.updateUser.userErrors).toEqual([]);

    const after = await api.gql(
      CREATE_KEY,
      { i: { name: "after demotion", organizationId: labId } },
      before.accessToken,
    );
    expect(after.status).toBe(401);
    expect(code(after)).toBe("UNAUTHENTICATED");
    const refreshed = await api.gql<{ refreshToken: { accessToken: string | null; userErrors: { code: string }[] } }>(
      REFRESH,
      { i: { refreshToken: before.refreshToken } },
    );
    expect(refreshed.data.refreshToken.userErrors[0]!.code).toBe("INVALID_REFRESH_TOKEN");

    const again = await session(demoted.email, demoted.password);
    expect((await api.gql(VIEWER, {}, again.accessToken)).data.viewer).toMatchObject({ roles: ["OPERATOR"] });
    const denied = await api.gql(CREATE_KEY, { i: { name: "as operator", organizationId: labId } }, again.accessToken);
    expect(code(denied)).toBe("FORBIDDEN");
  });

  it("ignores roles written into a token: what the user may do comes from the database", async () => {
    const operator = await fx.user(["OPERATOR"]);
    const real = await session(operator.email, operator.password);
    const claims = decodeJwt(real.accessToken);
    // A token signed with the right key but claiming ADMIN (as tokens did before).
    const forged = await new SignJWT({ ...claims, roles: ["ADMIN"] })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(api.config.JWT_SECRET));
    expect((await api.gql(VIEWER, {}, forged)).data.viewer).toMatchObject({ kind: "STAFF", roles: ["OPERATOR"] });
    expect(code(await api.gql(CREATE_KEY, { i: { name: "forged", organizationId: labId } }, forged))).toBe("FORBIDDEN");
  });

  it("a change that leaves the roles alone keeps the session", async () => {
    const u = await fx.user(["BILLING"]);
    const s = await session(u.email, u.password);
    const renamed = await api.gql<{ updateUser: { userErrors: unknown[] } }>(
      UPDATE_USER,
      { i: { id: u.id, expectedVersion: await versionOf(u.id), name: "Renamed" } },
      adminToken,
    );
    expect(renamed.data.updateUser.userErrors).toEqual([]);
    expect((await api.gql(VIEWER, {}, s.accessToken)).data.viewer).toMatchObject({ roles: ["BILLING"] });
  });
});

describe("deactivation", () => {
  it("stops the user's access token and refresh token at once", async () => {
    const u = await fx.user(["OPERATOR"]);
    const s = await session(u.email, u.password);
    expect((await api.gql(VIEWER, {}, s.accessToken)).data.viewer).toMatchObject({ kind: "STAFF" });
    const res = await api.gql<{ deactivateUser: { userErrors: unknown[] } }>(
      DEACTIVATE,
      { i: { id: u.id, expectedVersion: await versionOf(u.id) } },
      adminToken,
    );
    expect(res.data.deactivateUser.userErrors).toEqual([]);
    const after = await api.gql(VIEWER, {}, s.accessToken);
    expect(after.status).toBe(401);
    expect(code(after)).toBe("UNAUTHENTICATED");
    const refreshed = await api.gql<{ refreshToken: { accessToken: string | null; userErrors: { code: string }[] } }>(
      REFRESH,
      { i: { refreshToken: s.refreshToken } },
    );
    expect(refreshed.data.refreshToken).toMatchObject({
      accessToken: null,
      userErrors: [{ code: "INVALID_REFRESH_TOKEN" }],
    });
  });
});

describe("logout", () => {
  it("ends the access token of the session; the user's other sessions go on", async () => {
    const u = await fx.user(["REVIEWER"]);
    const laptop = await session(u.email, u.password);
    const phone = await session(u.email, u.password);
    const out = await api.gql<{ logout: { ok: boolean } }>(LOGOUT, { i: { refreshToken: laptop.refreshToken } });
    expect(out.data.logout.ok).toBe(true);
    const after = await api.gql(VIEWER, {}, laptop.accessToken);
    expect(after.status).toBe(401);
    expect(code(after)).toBe("UNAUTHENTICATED");
    expect((await api.gql(VIEWER, {}, phone.accessToken)).data.viewer).toMatchObject({ kind: "STAFF" });
  });

  it("a replayed refresh token ends the access tokens of its session too", async () => {
    const u = await fx.user(["REVIEWER"]);
    const first = await session(u.email, u.password);
    const rotated = await api.gql<{ refreshToken: Tokens }>(REFRESH, { i: { refreshToken: first.refreshToken } });
    const current = rotated.data.refreshToken.accessToken;
    expect((await api.gql(VIEWER, {}, current)).data.viewer).toMatchObject({ kind: "STAFF" });
    await api.gql(REFRESH, { i: { refreshToken: first.refreshToken } }); // the thief's replay
    expect(code(await api.gql(VIEWER, {}, current))).toBe("UNAUTHENTICATED");
  });

  it("without Redis the ended session is read from Postgres", async () => {
    const u = await fx.user(["REVIEWER"]);
    const s = await session(u.email, u.password);
    await api.gql(LOGOUT, { i: { refreshToken: s.refreshToken } });
    const { Redis } = await import("ioredis");
    const { StaffSessions } = await import("./staff-sessions.js");
    const { forkFor } = await import("../db/orm.js");
    const { SYSTEM } = await import("./principal.js");
    const offline = new Redis("redis://127.0.0.1:1", { lazyConnect: true });
    const sessions = new StaffSessions(offline, "auth:offline", 900);
    const sid = String(decodeJwt(s.accessToken).sid);
    const answer = await sessions.check(forkFor(api.orm, SYSTEM), u.id, sid);
    expect(answer).toMatchObject({ ended: true, user: { active: true, roles: ["REVIEWER"] } });
    offline.disconnect();
  });
});
