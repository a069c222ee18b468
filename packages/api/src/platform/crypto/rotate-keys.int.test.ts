import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/database.fixtures.js";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import {
  assignVisits,
  buildVisitWorld,
  pendingFieldVisit,
  readVisit,
  visitMutation,
  type VisitWorld,
} from "../../modules/visit/visit-world.fixtures.js";
import { FieldCipher } from "./field-encryption.js";
import { KeyRing, MasterKey } from "./key-ring.js";
import { ENCRYPTED_COLUMNS } from "./rotation.js";

/**
 * Rotation on real rows: data written under key k1 (and one value in the format from
 * before key ids), read by an API that has k2 as its key and k1 as an old one, moved by
 * the built `rotate-keys` script, then read by an API that knows only k2.
 */
const SCRIPT = fileURLToPath(new URL("../../../dist/scripts/rotate-keys.js", import.meta.url));
const KEY_1 = randomBytes(32);
const KEY_2 = randomBytes(32);
const OLD_KEYS = { ENCRYPTION_KEY: KEY_1.toString("base64"), ENCRYPTION_KEY_ID: "k1" };
const NEW_KEYS = { ENCRYPTION_KEY: KEY_2.toString("base64"), ENCRYPTION_KEY_ID: "k2" };
const DURING = { ...NEW_KEYS, ENCRYPTION_OLD_KEYS: `k1:${KEY_1.toString("base64")}` };
const onlyNew = new FieldCipher(new KeyRing(new MasterKey("k2", KEY_2)));

const PATIENT = `query($id: ID!) { patient(id: $id) { id nationalId } }`;
const BY_NATIONAL_ID = `query($n: String!) { patients(first: 10, filter: { nationalId: $n }) { nodes { id } } }`;
const REGISTER = `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id } userErrors { code } } }`;

let db: TestDatabase;
let api: TestApi;
let w: VisitWorld;
let admin: { email: string; password: string };
let adminToken: string;
const ids = { patient: "", legacyPatient: "", visit: "", webhook: "" };
let signingSecret = "";

async function restart(env: Record<string, string>): Promise<void> {
  await api.close();
  api = await startTestApi(env, db);
  adminToken = await loginAs(api.gql, admin.email, admin.password);
}

async function register(nationalId: string): Promise<string> {
  const res = await api.gql<{ registerPatient: { patient: { id: string } | null } }>(
    REGISTER,
    { i: { firstName: "Ivana", lastName: "Petrova", nationalId } },
    w.clinicKey,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.registerPatient.patient!.id;
}

async function nationalIdOf(id: string): Promise<string | null> {
  const res = await api.gql<{ patient: { nationalId: string | null } | null }>(PATIENT, { id }, adminToken);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.patient!.nationalId;
}

async function findByNationalId(n: string): Promise<string[]> {
  const res = await api.gql<{ patients: { nodes: { id: string }[] } }>(BY_NATIONAL_ID, { n }, adminToken);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.patients.nodes.map((p) => p.id);
}

async function column(table: string, col: string, id: string): Promise<string> {
  const rows = await db.orm.em.getConnection().execute(`select "${col}" as v from "${table}" where id = ?`, [id]);
  return rows[0].v as string;
}

const rotate = (env: Record<string, string>, args: string[] = []) =>
  promisify(execFile)(process.execPath, [SCRIPT, ...args], {
    env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: db.url, LOG_LEVEL: "silent", ...env },
  });

/** What the API wrote before key ids: `v1:`, AES-GCM and HMAC under the master key itself. */
function legacy(plain: string): { enc: string; index: string } {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", KEY_1, iv);
  const data = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  const enc = ["v1", iv, c.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url")));
  return { enc: enc.join(":"), index: createHmac("sha256", KEY_1).update(plain).digest("base64url") };
}

beforeAll(async () => {
  expect(existsSync(SCRIPT), `${SCRIPT} is missing: pnpm --filter @clinigraph/api build`).toBe(true);
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  db = await createTestDatabase();
  api = await startTestApi(OLD_KEYS, db);
  w = await buildVisitWorld(api);
  admin = await w.fx.user(["ADMIN"]);
  adminToken = await loginAs(api.gql, admin.email, admin.password);

  ids.patient = await register("8804127531");
  ids.legacyPatient = await register("7501019999");
  const old = legacy("7501019999");
  await db.orm.em
    .getConnection()
    .execute(`update patient set national_id_enc = ?, national_id_index = ? where id = ?`, [
      old.enc,
      old.index,
      ids.legacyPatient,
    ]);

  const pending = await pendingFieldVisit(api, w);
  const visit = (await assignVisits(api, w.operator, [pending.id], w.visitor.id, false)).visits![0]!;
  const saved = await visitMutation(
    api,
    "saveVisitFindings",
    {
      id: visit.id,
      expectedVersion: visit.version,
      bankAccount: { scheme: "CN_CARD", number: "6222 0202 0000 0000 006" },
    },
    w.visitor.token,
  );
  expect(saved.userErrors).toEqual([]);
  ids.visit = visit.id;

  const hook = await api.gql<{ createWebhookEndpoint: { signingSecret: string; webhookEndpoint: { id: string } } }>(
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { signingSecret webhookEndpoint { id } } }`,
    { i: { url: "http://127.0.0.1:9/hook", events: ["ORDER_ISSUED"] } },
    w.clinicKey,
  );
  expect(hook.errors, JSON.stringify(hook.errors)).toBeUndefined();
  ids.webhook = hook.data.createWebhookEndpoint.webhookEndpoint.id;
  signingSecret = hook.data.createWebhookEndpoint.signingSecret;
});

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  await api?.close();
  await db?.drop();
});

describe("rotate-keys", () => {
  it("lists every encrypted column the entities have", () => {
    const found = Object.values(db.orm.getMetadata().getAll())
      .filter((meta) => !meta.abstract)
      .flatMap((meta) =>
        Object.values(meta.properties)
          .filter((p) => p.name.endsWith("Enc"))
          .map((p) => `${meta.tableName}.${p.fieldNames[0]}`),
      );
    expect(found.sort()).toEqual(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });

  it("keeps reading values under the old key id while the new key writes", async () => {
    await restart(DURING);
    expect(await column("patient", "national_id_enc", ids.patient)).toMatch(/^k1:/);
    expect(await nationalIdOf(ids.patient)).toBe("8804127531");
    expect(await nationalIdOf(ids.legacyPatient)).toBe("7501019999");
    expect(await findByNationalId("8804127531")).toEqual([ids.patient]);
    expect(await findByNationalId("7501019999")).toEqual([ids.legacyPatient]);
    expect((await readVisit(api, ids.visit, w.admin))!.bankAccount).toBe("6222020200000000006");
    const fresh = await register("9001015555");
    expect(await column("patient", "national_id_enc", fresh)).toMatch(/^k2:/);
  });

  it("re-encrypts every row under the new key in chunks, and the API reads them back with only the new key", async () => {
    const { stdout } = await rotate(DURING, ["--chunk-size", "1"]);
    expect(stdout).toMatch(/patient\.national_id_enc\s+rewritten 2, changed meanwhile 0, remaining 0/);
    expect(stdout).toMatch(/visit\.bank_account_enc\s+rewritten 1,/);
    expect(stdout).toMatch(/webhook_endpoint\.secret_enc\s+rewritten 1,/);
    expect(stdout).toMatch(/every encrypted value is under key k2/);

    for (const c of ENCRYPTED_COLUMNS) {
      const rows = await db.orm.em
        .getConnection()
        .execute<{ v: string }[]>(`select "${c.column}" as v from "${c.table}" where "${c.column}" is not null`);
      expect(rows.length, c.table).toBeGreaterThan(0);
      expect(
        rows.every((r) => r.v.startsWith("k2:")),
        `${c.table}.${c.column}`,
      ).toBe(true);
    }
    expect(await column("patient", "national_id_index", ids.legacyPatient)).toBe(onlyNew.blindIndex("7501019999"));
    expect(onlyNew.decrypt(await column("webhook_endpoint", "secret_enc", ids.webhook))).toBe(signingSecret);

    await restart(NEW_KEYS);
    expect(await nationalIdOf(ids.patient)).toBe("8804127531");
    expect(await nationalIdOf(ids.legacyPatient)).toBe("7501019999");
    expect(await findByNationalId("7501019999")).toEqual([ids.legacyPatient]);
    expect((await readVisit(api, ids.visit, w.admin))!.bankAccount).toBe("6222020200000000006");
  });

  it("is idempotent: a second run rewrites nothing", async () => {
    const before = await column("patient", "national_id_enc", ids.patient);
    const { stdout } = await rotate(NEW_KEYS);
    expect(stdout).toMatch(/patient\.national_id_enc\s+rewritten 0, changed meanwhile 0, remaining 0/);
    expect(await column("patient", "national_id_enc", ids.patient)).toBe(before);
  });

  it("stops with a clear message when a value is under a key it was not given", async () => {
    await db.orm.em
      .getConnection()
      .execute(`update patient set national_id_enc = ? where id = ?`, [
        legacy("1").enc.replace(/^v1/, "k7"),
        ids.patient,
      ]);
    const failed = await rotate(NEW_KEYS).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/patient\.national_id_enc of row .*key k7.*ENCRYPTION_OLD_KEYS/);
  });
});
