import { existsSync } from "node:fs";
import { cp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { initOrm } from "../app.js";
import { FieldCipher, setFieldCipher } from "../platform/crypto/field-encryption.js";
import { seedDemoData } from "../seed/index.js";
import { ensureTemplate, hashOfFiles, migratedTemplate, withAdmin } from "./database.fixtures.js";
import { startTestApi, testConfig, type TestApi } from "./server.fixtures.js";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TEMPLATES_DIR = path.join(tmpdir(), "clinigraph-test-templates");
const PREFIX = "clinigraph_demo_";

/** Every file whose change could change what the seed writes: the API's code, migrations and lockfile. */
async function seedInputs(): Promise<string[]> {
  const code = (await readdir(path.join(apiDir, "src"), { recursive: true }))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => path.join(apiDir, "src", f));
  const migrations = (await readdir(path.join(apiDir, "migrations"))).map((f) => path.join(apiDir, "migrations", f));
  return [...code, ...migrations, path.resolve(apiDir, "../../pnpm-lock.yaml")];
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10).replaceAll("-", "");

let template: Promise<string> | undefined;
/**
 * The demo region (seedDemoData with its documents' files: minutes on a busy machine) seeded
 * once into a template per day and per version of the code, instead of once per test file;
 * the files are kept beside it (`filesOf`), for copying into a test's storage.
 */
export function demoTemplate(): Promise<string> {
  template ??= buildDemoTemplate().catch((err: unknown) => {
    template = undefined;
    throw err;
  });
  return template;
}

export const filesOf = (template: string) => path.join(TEMPLATES_DIR, template);

async function buildDemoTemplate(): Promise<string> {
  const day = utcDay(new Date());
  const name = `${PREFIX}${day}_${await hashOfFiles(apiDir, await seedInputs())}`;
  const dir = filesOf(name);
  const complete = path.join(dir, ".complete");
  await ensureTemplate(
    name,
    await migratedTemplate(),
    async (url) => {
      await dropStaleDemoTemplates(day);
      await rm(dir, { recursive: true, force: true });
      // The field cipher the test servers use (their configuration's keys) encrypts the seed's values.
      setFieldCipher(FieldCipher.fromConfig(testConfig(url)));
      const orm = await initOrm(url, { pool: { min: 0, max: 4 } });
      try {
        await seedDemoData(orm, { fileStorageDir: dir });
      } finally {
        await orm.close(true);
      }
      await writeFile(complete, "");
    },
    () => existsSync(complete),
  );
  return name;
}

/** Demo templates of days before yesterday: no run still copies them. */
async function dropStaleDemoTemplates(today: string): Promise<void> {
  const yesterday = utcDay(new Date(Date.now() - 86_400_000));
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${PREFIX}%`,
    ]);
    for (const { datname } of rows) {
      const day = /_(\d{8})_/.exec(datname)?.[1];
      if (!day || day === today || day === yesterday) continue;
      await admin.query(`alter database "${datname}" is_template false`);
      await admin.query(`drop database if exists "${datname}" with (force)`);
      await rm(filesOf(datname), { recursive: true, force: true });
    }
  });
}

/**
 * The API on a fresh copy of the demo region, its storage holding the seeded documents'
 * files: as after `seedDemoData(orm, { fileStorageDir })`.
 */
export async function startDemoApi(env: Record<string, string> = {}): Promise<TestApi> {
  const storage = `/tmp/clinigraph-test-files/${randomUUID()}`;
  await cp(filesOf(await demoTemplate()), storage, { recursive: true, filter: (f) => !f.endsWith(".complete") });
  return startTestApi({ FILE_STORAGE_DIR: storage, ...env }, undefined, demoTemplate);
}
