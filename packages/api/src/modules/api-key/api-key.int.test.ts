import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { sha256 } from "../../platform/auth/tokens.js";

let api: TestApi;
let fx: Fixtures;
let lab: Organization;
let labKey: string;
let otherLabKey: string;
let adminToken: string;
let operatorToken: string;

const CREATE = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id prefix name scopes organizationId revokedAt } userErrors { code field } } }`;
const REVOKE = `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { id revokedAt } userErrors { code } } }`;
const VIEWER = `{ viewer { kind organization { id } } }`;

interface Created {
  createApiKey: {
    secret: string | null;
    apiKey: { id: string; prefix: string; scopes: string[]; organizationId: string; revokedAt: string | null } | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  lab = await fx.organization(OrganizationKind.LAB);
  labKey = (await fx.apiKey(lab)).secret;
  otherLabKey = (await fx.apiKey(await fx.organization(OrganizationKind.LAB))).secret;
  const admin = await fx.user(["ADMIN"]);
  const operator = await fx.user(["OPERATOR"]);
  adminToken = await loginAs(api.gql, admin.email, admin.password);
  operatorToken = await loginAs(api.gql, operator.email, operator.password);
});
afterAll(async () => api?.close());

describe("createApiKey", () => {
  it("returns the secret once; the key authenticates as the partner; only its hash is stored", async () => {
    const res = await api.gql<Created>(CREATE, { i: { name: "LIS production", scopes: ["read"] } }, labKey);
    const { secret, apiKey, userErrors } = res.data.createApiKey;
    expect(userErrors).toEqual([]);
    expect(secret).toMatch(new RegExp(`^ck_${apiKey!.prefix}_[A-Za-z0-9_-]{32,}$`));
    expect(apiKey).toMatchObject({ scopes: ["read"], organizationId: lab.id, revokedAt: null });
    const viewer = await api.gql<{ viewer: { kind: string; organization: { id: string } } }>(VIEWER, {}, secret);
    expect(viewer.data.viewer).toEqual({ kind: "PARTNER", organization: { id: lab.id } });
    const stored = await api.orm.em
      .getConnection()
      .execute(`select secret_hash from api_key where id = ?`, [apiKey!.id]);
    const secretPart = secret!.slice(`ck_${apiKey!.prefix}_`.length);
    expect(stored[0].secret_hash).toBe(sha256(secretPart));
    // The list never carries the secret: the type has no such field.
    const listed = await api.gql<{ apiKeys: { nodes: { id: string }[] } }>(
      `{ apiKeys { nodes { id prefix } } }`,
      {},
      labKey,
    );
    expect(listed.data.apiKeys.nodes.map((n) => n.id)).toContain(apiKey!.id);
  });

  it("lets ADMIN create a key for any partner, but not for the operator and not for a non-admin", async () => {
    const ok = await api.gql<Created>(CREATE, { i: { name: "for lab", organizationId: lab.id } }, adminToken);
    expect(ok.data.createApiKey.apiKey!.organizationId).toBe(lab.id);
    const operatorOrg = await fx.operatorOrg();
    const bad = await api.gql<Created>(CREATE, { i: { name: "op", organizationId: operatorOrg.id } }, adminToken);
    expect(bad.data.createApiKey.userErrors[0]!.code).toBe("NOT_A_PARTNER");
    const denied = await api.gql<Created>(CREATE, { i: { name: "x", organizationId: lab.id } }, operatorToken);
    // A top-level authorization error, no key (its code is the platform's mapping of type-graphql's error).
    expect(denied.errors).toHaveLength(1);
    expect(denied.data?.createApiKey ?? null).toBeNull();
  });

  it("refuses a partner creating a key for another organisation as NOT_FOUND", async () => {
    const res = await api.gql<Created>(CREATE, { i: { name: "steal", organizationId: lab.id } }, otherLabKey);
    expect(res.data.createApiKey).toMatchObject({ secret: null, apiKey: null, userErrors: [{ code: "NOT_FOUND" }] });
  });

  it("refuses unknown scopes: scopes are the ApiKeyScope enum", async () => {
    const res = await api.gql<Created>(CREATE, { i: { name: "x", scopes: ["admin"] } }, labKey);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.data?.createApiKey ?? null).toBeNull();
  });
});

describe("revokeApiKey", () => {
  it("makes the key fail authentication at once", async () => {
    const created = await api.gql<Created>(CREATE, { i: { name: "short-lived" } }, labKey);
    const { secret, apiKey } = created.data.createApiKey;
    expect((await api.gql(VIEWER, {}, secret)).status).toBe(200);
    const res = await api.gql<{ revokeApiKey: { apiKey: { revokedAt: string | null }; userErrors: unknown[] } }>(
      REVOKE,
      { i: { id: apiKey!.id } },
      labKey,
    );
    expect(res.data.revokeApiKey.apiKey.revokedAt).toBeTruthy();
    const after = await api.gql(VIEWER, {}, secret);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot revoke another partner's key (NOT_FOUND) and hides it from their list", async () => {
    const created = await api.gql<Created>(CREATE, { i: { name: "mine" } }, labKey);
    const id = created.data.createApiKey.apiKey!.id;
    const res = await api.gql<{ revokeApiKey: { userErrors: { code: string }[] } }>(REVOKE, { i: { id } }, otherLabKey);
    expect(res.data.revokeApiKey.userErrors[0]!.code).toBe("NOT_FOUND");
    const list = await api.gql<{ apiKeys: { nodes: { id: string }[] } }>(
      `{ apiKeys(first: 100) { nodes { id } } }`,
      {},
      otherLabKey,
    );
    expect(list.data.apiKeys.nodes.map((n) => n.id)).not.toContain(id);
  });
});
