import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Knex } from "@mikro-orm/postgresql";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";
import { ApiKeyCache, LAST_USED_WRITE_MS } from "./api-key-cache.js";

let api: TestApi;
let fx: Fixtures;
let knex: Knex;
let admin: string;
const statements: string[] = [];
const record = (q: { sql: string }) => statements.push(q.sql);

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const u = await fx.user(["ADMIN"]);
  admin = await loginAs(api.gql, u.email, u.password);
  knex = api.orm.em.getConnection().getKnex();
  knex.on("query", record);
});
afterAll(async () => {
  knex?.removeListener("query", record);
  await api?.close();
});

const VIEWER = `{ viewer { kind organization { id } } }`;

async function authStatementsOf(secret: string): Promise<{ status: number; apiKeyStatements: number }> {
  statements.length = 0;
  const res = await api.gql(VIEWER, {}, secret);
  return { status: res.status, apiKeyStatements: statements.filter((s) => /\bapi_key\b/.test(s)).length };
}

describe("the API key look-up cache", () => {
  it("reads the key from Postgres once, then serves it from Redis without SQL", async () => {
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    const first = await authStatementsOf(secret);
    expect(first.status).toBe(200);
    // The look-up and the first last_used_at write.
    expect(first.apiKeyStatements).toBe(2);
    expect(await authStatementsOf(secret)).toEqual({ status: 200, apiKeyStatements: 0 });
  });

  it("stops a revoked key at once, although its row was cached", async () => {
    const lab = await fx.organization(OrganizationKind.LAB);
    const { key, secret } = await fx.apiKey(lab);
    expect((await api.gql(VIEWER, {}, secret)).status).toBe(200);
    const revoked = await api.gql<{ revokeApiKey: { userErrors: unknown[] } }>(
      `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { userErrors { code } } }`,
      { i: { id: key.id } },
      admin,
    );
    expect(revoked.data.revokeApiKey.userErrors).toEqual([]);
    const res = await api.gql(VIEWER, {}, secret);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toMatch(/revoked/i);
  });

  it("stops the keys of an organisation deactivated after they were cached", async () => {
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    expect((await api.gql(VIEWER, {}, secret)).status).toBe(200);
    const updated = await api.gql<{ updateOrganization: { userErrors: unknown[] } }>(
      `mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { userErrors { code } } }`,
      { i: { id: lab.id, expectedVersion: lab.version, active: false } },
      admin,
    );
    expect(updated.data.updateOrganization.userErrors).toEqual([]);
    expect((await api.gql(VIEWER, {}, secret)).status).toBe(401);
  });
});

describe("last_used_at", () => {
  it("is written at most once a minute per key by a process", () => {
    const id = crypto.randomUUID();
    expect(ApiKeyCache.shouldWriteLastUsed(id, 1_000)).toBe(true);
    expect(ApiKeyCache.shouldWriteLastUsed(id, 1_000 + LAST_USED_WRITE_MS - 1)).toBe(false);
    expect(ApiKeyCache.shouldWriteLastUsed(id, 1_000 + LAST_USED_WRITE_MS)).toBe(true);
  });
});
