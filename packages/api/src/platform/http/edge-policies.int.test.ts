import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturingLogger, testConfig } from "../../test-support/server.fixtures.js";
import { createTestDatabase } from "../../test-support/database.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";
import { Patient } from "../../modules/patient/patient.entity.js";
import type { Runtime } from "./app.js";
import { createRuntime } from "../../app.js";

/**
 * Issue 14 item 13, the smaller doors: introspection by any transport, X-Forwarded-For
 * from untrusted hops, over-limit queries and malformed cursors (400, warn), CORS, and
 * customer numbers that told one tenant about another's patients.
 */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const runtimes: Runtime[] = [];
let raw: string[] = [];
let url = "";
let partnerKey = "";
let staffToken = "";
let foreignNumber = "";

async function start(env: Record<string, string>, logger = capturingLogger("silent", "edge").logger) {
  const runtime = await createRuntime(testConfig(db.url, env), db.orm, logger);
  runtimes.push(runtime);
  return `http://127.0.0.1:${await runtime.listen()}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const fx = new Fixtures(db.orm);
  const hospital = await fx.organization(OrganizationKind.HOSPITAL);
  const otherLab = await fx.organization(OrganizationKind.LAB);
  partnerKey = (await fx.apiKey(hospital)).secret;
  const foreign = fx.em.create(Patient, {
    customerNumber: "55501234",
    firstName: "Otra",
    lastName: "Paciente",
    registeredBy: otherLab,
  } as never);
  await fx.em.persist(foreign).flush();
  foreignNumber = foreign.customerNumber;
  const captured = capturingLogger("info", "edge-policies");
  raw = captured.chunks;
  url = await start({ LOG_LEVEL: "info", CORS_ORIGINS: "https://partner.example" }, captured.logger);
  const admin = await fx.user(["OPERATOR"]);
  staffToken = await loginAs(
    async (q, v) => {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return (await res.json()) as { data: Record<string, unknown> };
    },
    admin.email,
    admin.password,
  );
});
afterAll(async () => {
  for (const r of runtimes) await r.close();
  await db?.drop();
});

async function post(body: object, headers: Record<string, string> = {}, base = url) {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: res.status, requestId: res.headers.get("x-request-id") ?? "", ...json };
}

async function get(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql?query=${encodeURIComponent(query)}`, {
    // Apollo's CSRF rule wants a non-simple header on GET; any script can send one.
    headers: { "apollo-require-preflight": "true", ...headers },
  });
  const json = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: res.status, ...json };
}

const logLines = (): Record<string, unknown>[] =>
  raw
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Polls for the request's log line (written on the response's finish) with a generous deadline. */
async function requestLine(requestId: string, timeoutMs = 30_000): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = logLines().find((l) => l.requestId === requestId && String(l.msg).startsWith("request"));
    if (line || Date.now() > deadline) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("introspection needs a signed-in principal, whatever the transport", () => {
  it("refuses it over GET without credentials", async () => {
    const res = await get("{ __schema { queryType { name } } }");
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data ?? null).toBeNull();
    const type = await get(`{ __type(name: "Patient") { fields { name } } }`);
    expect(type.status).toBe(401);
  });

  it("refuses it over POST when hidden in a fragment", async () => {
    const res = await post({ query: `query { ...F } fragment F on Query { __schema { types { name } } }` });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("serves it to a signed-in partner over GET and POST, and __typename to anyone", async () => {
    const viaGet = await get("{ __schema { queryType { name } } }", { authorization: `Bearer ${partnerKey}` });
    expect(viaGet.status).toBe(200);
    expect(viaGet.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const viaPost = await post(
      { query: "{ __schema { queryType { name } } }" },
      { authorization: `Bearer ${partnerKey}` },
    );
    expect(viaPost.errors).toBeUndefined();
    const typename = await post({ query: "{ __typename }" });
    expect(typename.data).toEqual({ __typename: "Query" });
  });
});

describe("over-limit queries and malformed cursors answer 400 with a code, logged at warn", () => {
  const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const cases: [string, object, string][] = [
    ["depth", { query: `{ ${"viewer { ".repeat(11)}kind${" }".repeat(11)} }` }, "QUERY_TOO_COMPLEX"],
    [
      "aliases",
      { query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { kind }`).join(" ")} }` },
      "QUERY_TOO_COMPLEX",
    ],
    [
      "tokens",
      { query: `{ viewer { ${Array.from({ length: 2000 }, () => "kind").join(" ")} } }` },
      "QUERY_TOO_COMPLEX",
    ],
    [
      "list cost",
      { query: `{ patients(first: 100) { nodes { policies { members(first: 100) { id } } } } }` },
      "QUERY_TOO_COMPLEX",
    ],
    [
      "a cursor that is not base64 JSON",
      { query: `{ patients(first: 1, after: "garbage") { totalCount } }` },
      "INVALID_CURSOR",
    ],
    [
      "a hand-made cursor with a bad id and value",
      {
        query: `query($c: String) { patients(first: 1, after: $c) { nodes { id } } }`,
        variables: { c: cursor(["x", "y"]) },
      },
      "INVALID_CURSOR",
    ],
    [
      "a cursor whose value is not the sort field's type",
      {
        query: `query($c: String) { patients(first: 1, after: $c) { nodes { id } } }`,
        variables: { c: cursor([42, "01900000-0000-7000-8000-000000000000"]) },
      },
      "INVALID_CURSOR",
    ],
  ];

  it.each(cases)("%s", async (_name, body, code) => {
    const res = await post(body, { authorization: `Bearer ${staffToken}` });
    expect(res.status, JSON.stringify(res.errors)).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(res.errors)).not.toMatch(/Internal server error|Syntax Error/);
    const line = await requestLine(res.requestId);
    expect(line?.level).toBe(40);
    const errorLines = logLines().filter((l) => Number(l.level) >= 50 && l.requestId === res.requestId);
    expect(errorLines).toEqual([]);
  });
});

describe("X-Forwarded-For is believed only from the configured proxy hops", () => {
  const randomIp = () => `203.0.113.${randomInt(1, 255)}`;
  const anonymousBurst = async (base: string, n: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++)
      statuses.push((await post({ query: "{ __typename }" }, { "x-forwarded-for": randomIp() }, base)).status);
    return statuses;
  };

  it("TRUST_PROXY=false: a client rotating X-Forwarded-For still hits its own rate limit", async () => {
    const base = await start({ TRUST_PROXY: "false", RATE_LIMIT_POINTS: "3", RATE_LIMIT_WINDOW_SECONDS: "300" });
    expect(await anonymousBurst(base, 8)).toContain(429);
  });

  it("TRUST_PROXY=loopback (the default): the proxy's forwarded address is the client", async () => {
    const base = await start({ RATE_LIMIT_POINTS: "3", RATE_LIMIT_WINDOW_SECONDS: "300" });
    // Each request comes from a different client behind the (loopback) proxy: none is limited.
    const unique = Array.from({ length: 5 }, (_, i) => `198.51.100.${randomInt(1, 50) * 5 + i}`);
    for (const ip of unique)
      expect((await post({ query: "{ __typename }" }, { "x-forwarded-for": ip }, base)).status).toBe(200);
  });

  it("refuses TRUST_PROXY=true, which would believe any client", () => {
    expect(() => testConfig(db.url, { TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
  });
});

describe("CORS_ORIGINS", () => {
  it("answers a preflight from a configured origin and says nothing to any other", async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const ok = await preflight("https://partner.example");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://partner.example");
    expect(ok.headers.get("access-control-allow-credentials")).toBeNull();
    const evil = await preflight("https://evil.example");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const simple = await fetch(`${url}/healthz`, { headers: { origin: "https://evil.example" } });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("customer numbers tell no tenant about another's patients", () => {
  const REGISTER = `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id customerNumber } userErrors { code field message } } }`;
  const register = (token: string, extra: Record<string, unknown>) =>
    post(
      { query: REGISTER, variables: { i: { firstName: "Ana", lastName: "Rojas", ...extra } } },
      { authorization: `Bearer ${token}` },
    ) as Promise<{
      data: {
        registerPatient: {
          patient: { customerNumber: string } | null;
          userErrors: { code: string; message: string }[];
        };
      };
    }>;

  it("a partner's chosen number is refused the same way whether another tenant holds it or not", async () => {
    const taken = await register(partnerKey, { customerNumber: foreignNumber });
    expect(taken.data, JSON.stringify(taken)).toBeTruthy();
    const free = await register(partnerKey, { customerNumber: "55509999" });
    expect(taken.data.registerPatient.userErrors.map((e) => e.code)).toEqual(["CUSTOMER_NUMBER_NOT_ALLOWED"]);
    expect(free.data.registerPatient.userErrors).toEqual(taken.data.registerPatient.userErrors);
    expect(JSON.stringify(taken)).not.toContain("CUSTOMER_NUMBER_TAKEN");
  });

  it("a partner gets a number the server draws", async () => {
    const res = await register(partnerKey, {});
    expect(res.data.registerPatient.userErrors).toEqual([]);
    expect(res.data.registerPatient.patient?.customerNumber).toMatch(/^[1-9]\d{7}$/);
  });

  it("operator staff may choose one, and are told when it is taken", async () => {
    const taken = await register(staffToken, { customerNumber: foreignNumber });
    expect(taken.data.registerPatient.userErrors.map((e) => e.code)).toEqual(["CUSTOMER_NUMBER_TAKEN"]);
    const chosen = await register(staffToken, { customerNumber: "55507777" });
    expect(chosen.data.registerPatient.patient?.customerNumber).toBe("55507777");
  });
});
