import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test-support/database.fixtures.js";

/**
 * The built entry points as an operator starts them, as child processes with an
 * environment of their own (not the test runner's NODE_ENV=test): no demo data and no
 * built-in keys unless development is said explicitly.
 */
const dist = (p: string) => fileURLToPath(new URL(`../../dist/${p}`, import.meta.url));
const SECRETS = {
  JWT_SECRET: randomBytes(32).toString("base64"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [dist(script), ...args],
      { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env }, timeout: 900_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

let db: TestDatabase;

async function counts(): Promise<Record<string, number>> {
  const rows = await db.orm.em.getConnection().execute<{ t: string; n: number }[]>(
    `select 'organization' t, count(*)::int n from organization
     union all select 'app_user', count(*)::int from app_user
     union all select 'api_key', count(*)::int from api_key
     union all select 'patient', count(*)::int from patient`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

beforeAll(async () => {
  for (const s of ["main.js", "scripts/seed.js"])
    expect(existsSync(dist(s)), `${dist(s)} is missing: pnpm --filter @clinigraph/api build`).toBe(true);
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

describe("start-up without NODE_ENV", () => {
  it("the API refuses its built-in keys, naming the variables to set", async () => {
    const r = await run("main.js", [], { DATABASE_URL: db.url, PORT: "0" });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(
      /JWT_SECRET: not set: the built-in development key is used only with NODE_ENV=development/,
    );
    expect(r.stderr).toMatch(/ENCRYPTION_KEY: not set/);
    expect(r.stderr).toMatch(/Set JWT_SECRET .* and ENCRYPTION_KEY \(openssl rand -base64 32\)/);
  });

  it("the API refuses the built-in keys with NODE_ENV=production as well", async () => {
    const r = await run("main.js", [], { NODE_ENV: "production", DATABASE_URL: db.url, PORT: "0" });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/JWT_SECRET: not set/);
  });
});

describe("demo seed in production", () => {
  it("refuses without --demo, with a clear message, and writes nothing", async () => {
    const r = await run("scripts/seed.js", [], { NODE_ENV: "production", DATABASE_URL: db.url, ...SECRETS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Refusing to seed demo data: NODE_ENV is production.*pass --demo/s);
    expect(await counts()).toEqual({ organization: 0, app_user: 0, api_key: 0, patient: 0 });
  });

  it("refuses with NODE_ENV unset too (the secrets given, so production rules apply)", async () => {
    const r = await run("scripts/seed.js", ["--force"], { DATABASE_URL: db.url, ...SECRETS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Refusing to seed demo data/);
    expect(await counts()).toMatchObject({ app_user: 0, api_key: 0 });
  });

  // The whole demo region: minutes on a busy machine.
  it("seeds the demo region when --demo asks for it", { timeout: 900_000 }, async () => {
    // The seeded documents' files go to a directory of the test's, not ./var/files of the checkout.
    const files = await mkdtemp(path.join(tmpdir(), "clinigraph-seed-files-"));
    const r = await run("scripts/seed.js", ["--demo"], {
      NODE_ENV: "production",
      DATABASE_URL: db.url,
      FILE_STORAGE_DIR: files,
      ...SECRETS,
    }).finally(() => rm(files, { recursive: true, force: true }));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Demo data seeded\./);
    expect(await counts()).toMatchObject({ organization: 15, app_user: 13, api_key: 6, patient: 200 });
  });
});
