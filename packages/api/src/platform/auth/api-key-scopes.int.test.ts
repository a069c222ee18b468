import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures } from "../../test-support/entities.fixtures.js";
import { OrganizationKind, type Organization } from "../../modules/organization/organization.entity.js";
import { buildCall, operationsOf, publishedSchema } from "../../safety/operations.fixtures.js";

/**
 * Issue 14 item 3: a key's scopes are enforced at every door. Without `write`: no mutation
 * (every one of schema.graphql), no upload; without `read`: no query, no download or
 * export (FHIR answers an OperationOutcome); and a key never mints a key with more scopes than it has.
 */
let api: TestApi;
let fx: Fixtures;
let lab: Organization;
let fullKey: string;
let readKey: string;
let writeKey: string;

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const CREATE = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { scopes } userErrors { code } } }`;

async function keyWith(scopes: string[]): Promise<string> {
  const { key, secret } = await fx.apiKey(lab);
  await api.orm.em
    .getConnection()
    .execute(`update api_key set scopes = ?::jsonb where id = ?`, [JSON.stringify(scopes), key.id]);
  return secret;
}

async function rest(method: string, path: string, token: string, body?: FormData) {
  const res = await fetch(`${api.url}${path}`, { method, body, headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : text };
}
const pdfForm = () => {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), "report.pdf");
  return form;
};
const errorCode = (body: unknown) =>
  (body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
const count = async (table: string) =>
  Number((await api.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) n from ${table}`))[0]!.n);

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  lab = await fx.organization(OrganizationKind.LAB);
  fullKey = (await fx.apiKey(lab)).secret;
  readKey = await keyWith(["read"]);
  writeKey = await keyWith(["write"]);
});
afterAll(async () => api?.close());

describe("a read-only key", () => {
  it("is refused every mutation of schema.graphql with FORBIDDEN and HTTP 403, and nothing is written", async () => {
    const mutations = operationsOf(publishedSchema()).filter((o) => o.kind === "mutation");
    expect(mutations.length).toBeGreaterThan(20);
    const audits = await count("audit_event");
    const wrong: string[] = [];
    for (const op of mutations) {
      const call = buildCall(op, () => "00000000-0000-4000-8000-000000000000");
      const res = await api.gql(call.query, call.variables, readKey);
      const code = res.errors?.[0]?.extensions?.code;
      if (res.status !== 403 || code !== "FORBIDDEN" || res.data)
        wrong.push(`${op.name}: ${res.status} ${String(code)} ${JSON.stringify(res.data)}`);
    }
    expect(wrong).toEqual([]);
    expect(await count("audit_event")).toBe(audits);
  });

  it("still reads", async () => {
    const res = await api.gql<{ viewer: { scopes: string[] } }>(`{ viewer { scopes } }`, {}, readKey);
    expect(res.data.viewer.scopes).toEqual(["read"]);
    expect((await api.gql(`{ orders(first: 1) { totalCount } }`, {}, readKey)).errors).toBeUndefined();
  });

  it("cannot upload a file (POST /files answers 403 FORBIDDEN) and no file is stored", async () => {
    const files = await count("stored_file");
    const res = await rest("POST", "/files", readKey, pdfForm());
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe("FORBIDDEN");
    expect(await count("stored_file")).toBe(files);
  });
});

describe("a write-only key", () => {
  it("cannot read: queries, downloads and exports answer 403 FORBIDDEN", async () => {
    const q = await api.gql(`{ orders(first: 1) { totalCount } }`, {}, writeKey);
    expect(q.status).toBe(403);
    expect(q.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const uploaded = await rest("POST", "/files", fullKey, pdfForm());
    expect(uploaded.status).toBe(201);
    const id = (uploaded.body as { id: string }).id;
    for (const path of [`/files/${id}`, "/exports/visits.csv", "/exports/monthly-statistics.csv?month=2026-05"]) {
      const res = await rest("GET", path, writeKey);
      expect({ path, status: res.status, code: errorCode(res.body) }).toEqual({ path, status: 403, code: "FORBIDDEN" });
    }
  });

  it("is told so by /fhir/R4 as a FHIR OperationOutcome (403 forbidden), not the generic JSON error", async () => {
    for (const path of ["/fhir/R4/Patient", "/fhir/R4/ServiceRequest/00000000-0000-4000-8000-000000000000"]) {
      const res = await fetch(`${api.url}${path}`, {
        headers: { authorization: `Bearer ${writeKey}`, accept: "application/fhir+json" },
      });
      expect({ path, status: res.status, type: res.headers.get("content-type") }).toEqual({
        path,
        status: 403,
        type: expect.stringContaining("application/fhir+json") as string,
      });
      expect(await res.json()).toMatchObject({
        resourceType: "OperationOutcome",
        issue: [{ severity: "error", code: "forbidden", diagnostics: expect.stringContaining("read") as string }],
      });
    }
    const read = await fetch(`${api.url}/fhir/R4/Patient`, { headers: { authorization: `Bearer ${readKey}` } });
    expect(read.status).toBe(200);
  });

  it("cannot mint a key with more scopes than its own; by default the new key has its scopes", async () => {
    const keys = await count("api_key");
    const escalate = await api.gql(CREATE, { i: { name: "escalate", scopes: ["read", "write"] } }, writeKey);
    expect(escalate.status).toBe(403);
    expect(escalate.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await count("api_key")).toBe(keys);
    const same = await api.gql<{ createApiKey: { apiKey: { scopes: string[] } } }>(
      CREATE,
      { i: { name: "same" } },
      writeKey,
    );
    expect(same.data.createApiKey.apiKey.scopes).toEqual(["write"]);
  });
});

describe("a read-write key", () => {
  it("calls mutations, uploads, downloads and mints a narrower key", async () => {
    const created = await api.gql<{ createApiKey: { secret: string; apiKey: { scopes: string[] } } }>(
      CREATE,
      { i: { name: "narrower", scopes: ["read"] } },
      fullKey,
    );
    expect(created.data.createApiKey.apiKey.scopes).toEqual(["read"]);
    const uploaded = await rest("POST", "/files", fullKey, pdfForm());
    expect(uploaded.status).toBe(201);
    const got = await rest("GET", `/files/${(uploaded.body as { id: string }).id}`, fullKey);
    expect(got.status).toBe(200);
  });
});
