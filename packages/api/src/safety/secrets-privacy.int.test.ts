import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturingLogger, testConfig } from "../test-support/server.fixtures.js";
import { randomUUID } from "node:crypto";
import type { MikroORM } from "@mikro-orm/postgresql";
import { type Runtime } from "../platform/http/app.js";
import { createTestDatabase } from "../test-support/database.fixtures.js";
import { DEMO_API_KEYS, DEMO_LOGINS, fullApiKey } from "../seed/index.js";
import { demoTemplate } from "../test-support/demo-database.fixtures.js";
import { createRuntime } from "../app.js";

/**
 * Bank accounts and national ids (SPEC §1, §7): ciphertext at rest, masked for partners,
 * audited when staff read them, and absent from the logs of a whole workflow run at
 * debug level, as are passwords, tokens and API key secrets. At debug every request's
 * log line carries its GraphQL variables, so each secret below was sent where a
 * careless logger would have written it.
 */
const NATIONAL_ID = "15.732.418-6";
const BANK_ACCOUNT = "000123456789012";
let runtime: Runtime;
let orm: MikroORM;
let url: string;
let drop: () => Promise<void>;
let logLines: string[] = [];
const secretsSeen: string[] = [];
/** Request id → what the workflow sent with it, to find its log line. */
const sent = new Map<string, string>();

const admin = DEMO_LOGINS.find((l) => l.roles[0] === "ADMIN")!;
const key = (kind: string) => fullApiKey(DEMO_API_KEYS.find((k) => k.kind === kind)!);

async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
  requestId = randomUUID(),
) {
  sent.set(requestId, /\b(?:query|mutation)\b[^({]*[({]\s*(\w+)/.exec(query)?.[1] ?? query.slice(0, 40));
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-request-id": requestId,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId, ...((await res.json()) as { data: T; errors?: unknown[] }) };
}
const sql = <T>(text: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(text, params as never[]);

let staffToken = "";
let patientId = "";
let visitId = "";

beforeAll(async () => {
  // The demo region (its documents' files are not needed here), seeded once into a template.
  const db = await createTestDatabase({}, demoTemplate);
  orm = db.orm;
  drop = db.drop;
  const config = testConfig(db.url, { LOG_LEVEL: "debug" });
  const captured = capturingLogger("debug", "api-safety");
  logLines = captured.chunks;
  runtime = await createRuntime(config, orm, captured.logger);
  url = `http://127.0.0.1:${await runtime.listen()}`;

  // The workflow: a staff login, a partner registering a patient with a national id,
  // staff recording a payout bank account on a visit, then reads by everyone.
  const login = await gql<{ login: { accessToken: string; refreshToken: string } }>(
    `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }`,
    { i: { email: admin.email, password: admin.password } },
    null,
  );
  staffToken = login.data.login.accessToken;
  secretsSeen.push(
    admin.password,
    staffToken,
    login.data.login.refreshToken,
    key("CLINIC").split("_").slice(2).join("_"),
  );
  // The refresh token goes back as a variable; the rotated pair comes out.
  const refreshed = await gql<{ refreshToken: { accessToken: string; refreshToken: string } }>(
    `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken } }`,
    { i: { refreshToken: login.data.login.refreshToken } },
    null,
  );
  secretsSeen.push(refreshed.data.refreshToken.accessToken, refreshed.data.refreshToken.refreshToken);
  // A new API key, shown once, then used as a bearer key.
  const labOrg = await sql<{ id: string }>(`select id from organization where kind = 'LAB' order by name limit 1`);
  const created = await gql<{ createApiKey: { secret: string; userErrors: unknown[] } }>(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { code } } }`,
    { i: { name: "safety probe key", organizationId: labOrg[0]!.id } },
    staffToken,
  );
  expect(created.data.createApiKey.userErrors).toEqual([]);
  const newKey = created.data.createApiKey.secret;
  secretsSeen.push(newKey, newKey.split("_").slice(2).join("_"));
  const viewer = await gql<{ viewer: { kind: string } }>(`{ viewer { kind } }`, {}, newKey);
  expect(viewer.data.viewer.kind).toBe("PARTNER");
  await gql(
    `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`,
    { i: { email: admin.email, password: "wrong-password-guess" } },
    null,
  );
  const reg = await gql<{ registerPatient: { patient: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id } userErrors { code message } } }`,
    { i: { firstName: "Ana", lastName: "Rojas", nationalId: NATIONAL_ID } },
    key("CLINIC"),
  );
  expect(reg.data.registerPatient.userErrors).toEqual([]);
  patientId = reg.data.registerPatient.patient!.id;

  // Only the assigned visitor may enter findings (visit machine, SAVE_PRELIMINARY).
  const visits = await sql<{ id: string; version: number; email: string }>(
    `select v.id, v.version, u.email from visit v join app_user u on u.id = v.assignee_id
      where v.kind = 'FIELD_VISIT' and v.status in ('SCHEDULED', 'IN_PROGRESS', 'RETURNED') order by v.created_at limit 20`,
  );
  for (const v of visits) {
    const visitor = DEMO_LOGINS.find((l) => l.email === v.email);
    if (!visitor) continue;
    const vl = await gql<{ login: { accessToken: string } }>(
      `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`,
      { i: { email: visitor.email, password: visitor.password } },
      null,
    );
    secretsSeen.push(visitor.password, vl.data.login.accessToken);
    const r = await gql<{ saveVisitFindings: { userErrors: unknown[] } }>(
      `mutation($i: SaveVisitFindingsInput!) { saveVisitFindings(input: $i) { userErrors { code } } }`,
      { i: { id: v.id, expectedVersion: v.version, bankAccount: { number: BANK_ACCOUNT, scheme: "CL_ACCOUNT" } } },
      vl.data.login.accessToken,
    );
    if (r.data?.saveVisitFindings?.userErrors.length === 0) {
      visitId = v.id;
      break;
    }
  }
  expect(visitId, "some seeded field visit accepts findings").not.toBe("");
}, 900_000);
afterAll(async () => {
  await runtime?.close();
  await drop?.();
});

describe("secrets and privacy", () => {
  it("stores national ids and bank accounts as ciphertext", async () => {
    const [p] = await sql<{ enc: string }>(`select national_id_enc enc from patient where id = ?`, [patientId]);
    const [v] = await sql<{ enc: string }>(`select bank_account_enc enc from visit where id = ?`, [visitId]);
    for (const enc of [p!.enc, v!.enc]) {
      expect(enc).toMatch(/^k1:/);
      expect(enc).not.toContain(NATIONAL_ID.replace(/\D/g, "").slice(0, 6));
      expect(enc).not.toContain(BANK_ACCOUNT.slice(-6));
    }
    const row = JSON.stringify(await sql(`select * from patient where id = ?`, [patientId]));
    expect(row).not.toContain(NATIONAL_ID);
  });

  it("shows staff the plain values and audits each read", async () => {
    const p = await gql<{ patient: { nationalId: string } }>(
      `query($id: ID!) { patient(id: $id) { nationalId } }`,
      { id: patientId },
      staffToken,
    );
    const v = await gql<{ visit: { bankAccount: string } }>(
      `query($id: ID!) { visit(id: $id) { bankAccount } }`,
      { id: visitId },
      staffToken,
    );
    expect(p.data.patient.nationalId.replace(/\W/g, "")).toBe(NATIONAL_ID.replace(/\W/g, ""));
    expect(v.data.visit.bankAccount).toContain(BANK_ACCOUNT.slice(-4));
    for (const [r, action] of [
      [p, "patient.read.nationalId"],
      [v, "visit.read.bankAccount"],
    ] as const) {
      const rows = await sql<{ action: string }>(`select action from audit_event where request_id = ?`, [r.requestId]);
      expect(rows.map((x) => x.action)).toContain(action);
    }
  });

  it("masks the bank account for the hospital partner and hides the patient from foreign partners", async () => {
    const v = await gql<{ visit: { bankAccount: string | null } | null }>(
      `query($id: ID!) { visit(id: $id) { bankAccount } }`,
      { id: visitId },
      key("HOSPITAL"),
    );
    const shown = v.data.visit?.bankAccount ?? "";
    expect(shown).not.toContain(BANK_ACCOUNT);
    expect(shown.replace(/[^0-9]/g, "").length).toBeLessThanOrEqual(4);
    for (const kind of ["LAB", "AGENCY", "INSURER"]) {
      const p = await gql<{ patient: unknown }>(
        `query($id: ID!) { patient(id: $id) { nationalId } }`,
        { id: patientId },
        key(kind),
      );
      expect(p.data.patient, kind).toBeNull();
    }
  });

  const needles = () => [
    NATIONAL_ID,
    NATIONAL_ID.replace(/\W/g, ""),
    BANK_ACCOUNT,
    ...secretsSeen,
    ...DEMO_API_KEYS.map((k) => k.secret),
  ];

  it("never writes a national id, bank account, password, token or API key secret to the logs of the workflow", async () => {
    await gql(`{ organizations(first: 1, after: "garbage") { totalCount } }`, {}, staffToken);
    const parse = () =>
      logLines
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { requestId?: string; msg: string; graphql?: { variables?: unknown } });
    // A response's line is written on its finish, possibly after the client has it: wait
    // (generously, for a busy machine) until every request sent has its line.
    const logged = (ls: ReturnType<typeof parse>) =>
      new Set(ls.filter((l) => l.msg.startsWith("request")).map((l) => l.requestId));
    const deadline = Date.now() + 30_000;
    let lines = parse();
    while ([...sent.keys()].some((id) => !logged(lines).has(id)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      lines = parse();
    }
    // The capture holds the real request lines, variables included: the check is not vacuous.
    for (const [requestId, operation] of sent) {
      const line = lines.find((l) => l.requestId === requestId && l.msg.startsWith("request"));
      expect(line, `log line of ${operation} (${requestId})`).toBeDefined();
    }
    const withVariables = lines.filter((l) => l.graphql?.variables).map((l) => JSON.stringify(l.graphql!.variables));
    expect(withVariables.some((v) => v.includes('"password":"[redacted]"'))).toBe(true);
    expect(withVariables.some((v) => v.includes('"refreshToken":"[redacted]"'))).toBe(true);
    expect(withVariables.some((v) => v.includes('"nationalId":"[redacted]"'))).toBe(true);
    expect(withVariables.some((v) => v.includes('"bankAccount":"[redacted]"'))).toBe(true);

    const log = logLines.join("");
    for (const needle of needles()) expect(log.includes(needle), `log contains ${needle.slice(0, 6)}…`).toBe(false);
  });

  it("redacts the shapes a careless log line of a module would have", async () => {
    const from = logLines.length;
    runtime.logger.debug(
      {
        input: { password: admin.password, nationalId: NATIONAL_ID, bankAccount: BANK_ACCOUNT },
        req: { headers: { authorization: `Bearer ${key("LAB")}`, cookie: `cg=${staffToken}` } },
        token: staffToken,
      },
      "safety probe",
    );
    const log = logLines.slice(from).join("");
    expect(log, "the capture sees the API's log").toContain("safety probe");
    for (const needle of needles()) expect(log.includes(needle), `log contains ${needle.slice(0, 6)}…`).toBe(false);
  });
});
