import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturingLogger, testConfig } from "../../test-support/server.fixtures.js";
import type { Runtime } from "./app.js";
import { createRuntime } from "../../app.js";
import { createTestDatabase } from "../../test-support/database.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";

/** The request log line of the real HTTP server, read from what the API's logger writes (debug level). */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let runtime: Runtime;
let url = "";
let raw: string[] = [];
/** The captured log as JSON lines (pino writes one object per line). */
const lines = (): Record<string, unknown>[] =>
  raw
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
let partner: { key: string; orgId: string; keyId: string };
let admin: { email: string; password: string; id: string; orgId: string };

async function post(body: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  await res.text();
  return res;
}

/**
 * pino writes the line when the response finishes, which can be just after fetch resolves
 * (later still on a busy machine): polls for it with a generous deadline.
 */
async function linesFor(requestId: string, timeoutMs = 30_000): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = lines().filter((l) => l.requestId === requestId && String(l.msg).startsWith("request"));
    if (found.length || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  const f = new Fixtures(db.orm);
  const user = await f.user(["ADMIN"]);
  admin = { email: user.email, password: user.password, id: user.id, orgId: (await f.operatorOrg()).id };
  const lab = await f.organization(OrganizationKind.LAB);
  const { key, secret } = await f.apiKey(lab);
  partner = { key: secret, orgId: lab.id, keyId: key.id };
  const config = testConfig(db.url, { LOG_LEVEL: "debug" });
  const captured = capturingLogger("debug", "api-request-log");
  raw = captured.chunks;
  runtime = await createRuntime(config, db.orm, captured.logger);
  url = `http://127.0.0.1:${await runtime.listen()}`;
});

afterAll(async () => {
  await runtime?.close();
  await db?.drop();
});

describe("request log", () => {
  it("writes one line per request with method, url, status, duration, operation and principal, under the caller's request id", async () => {
    const res = await post(
      { query: "query WhoAmI { viewer { kind } }" },
      { authorization: `Bearer ${partner.key}`, "x-request-id": "trace-abc-123" },
    );
    expect(res.headers.get("x-request-id")).toBe("trace-abc-123");
    const found = await linesFor("trace-abc-123");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      level: 30,
      msg: "request completed",
      req: { method: "POST", url: "/graphql" },
      res: { statusCode: 200 },
      graphql: { operationName: "WhoAmI", operationType: "query" },
      principal: { kind: "PARTNER", organizationId: partner.orgId, actorId: partner.keyId },
    });
    expect(typeof found[0]!.responseTime).toBe("number");
  });

  it("makes up a request id when none or an unusable one is sent, and returns it", async () => {
    for (const headers of [{}, { "x-request-id": "not a usable id; has spaces" }] as Record<string, string>[]) {
      const res = await post({ query: "{ viewer { kind } }" }, headers);
      const id = res.headers.get("x-request-id")!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const [line] = await linesFor(id);
      expect(line).toMatchObject({ res: { statusCode: 200 }, principal: { kind: "ANONYMOUS" } });
      expect((line!.graphql as { operationType: string }).operationType).toBe("query");
    }
  });

  it("logs refused requests too, with the operation name the client sent", async () => {
    const res = await post(
      { query: "query Orders { orders(first: 1) { totalCount } }", operationName: "Orders" },
      { authorization: "Bearer ck_NOPE0000_not-a-real-key-at-all-000000000000" },
    );
    expect(res.status).toBe(401);
    const [line] = await linesFor(res.headers.get("x-request-id")!);
    expect(line).toMatchObject({ res: { statusCode: 401 }, graphql: { operationName: "Orders" } });
    expect(line!.principal).toBeUndefined();
  });

  it("keeps credentials out: headers, query-string tokens and secret variables", async () => {
    const token = await loginAs(
      async (q, v) => {
        const res = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": "login-1" },
          body: JSON.stringify({ query: q, variables: v }),
        });
        return (await res.json()) as { data: Record<string, unknown> };
      },
      admin.email,
      admin.password,
    );
    const [login] = await linesFor("login-1");
    // At debug the variables are logged, the password among them redacted.
    expect(login!.graphql).toMatchObject({
      operationType: "mutation",
      variables: { input: { email: admin.email, password: "[redacted]" } },
    });

    await post(
      { query: "{ viewer { kind } }" },
      {
        authorization: `Bearer ${token}`,
        cookie: "cg_session=cookie-secret-value-1",
        "x-api-key": "x-api-key-secret-value-1",
        "x-request-id": "staff-1",
      },
    );
    const [staffLine] = await linesFor("staff-1");
    expect(staffLine!.principal).toEqual({ kind: "STAFF", organizationId: admin.orgId, actorId: admin.id });

    const dash = await fetch(`${url}/admin/queues?token=${encodeURIComponent(token)}`, {
      redirect: "manual",
      headers: { "x-request-id": "dash-1" },
    });
    expect(dash.status).toBe(303);
    const [dashLine] = await linesFor("dash-1");
    expect((dashLine!.req as { url: string }).url).toBe("/admin/queues?token=[redacted]");

    const log = raw.join("");
    for (const secret of [
      admin.password,
      token,
      partner.key,
      partner.key.split("_").slice(2).join("_"),
      "cookie-secret-value-1",
      "x-api-key-secret-value-1",
    ])
      expect(log.includes(secret), `log contains ${secret.slice(0, 8)}…`).toBe(false);
  });

  it("does not log the health probes", async () => {
    const before = lines().length;
    for (const path of ["/healthz", "/readyz"]) expect((await fetch(`${url}${path}`)).status).toBe(200);
    // A logged request after the probes: once its line is written, a probe's would be too.
    await post({ query: "{ __typename }" }, { "x-request-id": "after-probes" });
    expect(await linesFor("after-probes")).toHaveLength(1);
    expect(
      lines()
        .slice(before)
        .filter((l) => String(l.msg).startsWith("request") && l.requestId !== "after-probes"),
    ).toEqual([]);
  });
});
