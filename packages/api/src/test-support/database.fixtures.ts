import pg from "pg";
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MikroORM, Options } from "@mikro-orm/postgresql";
import { initOrm } from "../app.js";
import { MIGRATIONS_DIR } from "../platform/db/orm.js";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const databaseUrl = (name: string) => ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  drop: () => Promise<void>;
}

/** A connection to the server's maintenance database, for creating and dropping databases. */
export async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A hash of these files' contents and of their names relative to `root` (a template's name
 * changes with what built it, and is the same in every checkout of the same commit).
 */
export async function hashOfFiles(root: string, files: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [...files].sort()) {
    hash.update(path.relative(root, file)).update("\0");
    hash.update(await readFile(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const isTemplate = async (admin: pg.Client, name: string) =>
  (await admin.query(`select 1 from pg_database where datname = $1 and datistemplate`, [name])).rowCount === 1;

/**
 * Makes `name` a template database: a copy of `source` (or empty) that `fill` completes,
 * built once and reused by every later copy. Built under an advisory lock, so parallel test
 * files and parallel runs build it once; marked as a template only once complete, so a run
 * killed half-way leaves nothing another would copy. `ready`: what else must exist beside it.
 */
export async function ensureTemplate(
  name: string,
  source: string | null,
  fill: (url: string) => Promise<void>,
  ready: () => boolean = () => true,
): Promise<void> {
  await withAdmin(async (admin) => {
    if ((await isTemplate(admin, name)) && ready()) return;
    await admin.query(`select pg_advisory_lock(hashtext($1))`, [name]);
    try {
      if ((await isTemplate(admin, name)) && ready()) return;
      await admin.query(`alter database "${name}" is_template false`).catch(() => undefined);
      await admin.query(`drop database if exists "${name}" with (force)`);
      if (source) await copyOf(admin, name, source);
      else await admin.query(`create database "${name}"`);
      await fill(databaseUrl(name));
      await admin.query(`alter database "${name}" is_template true`);
    } finally {
      await admin.query(`select pg_advisory_unlock(hashtext($1))`, [name]);
    }
  });
}

/** Copying refuses while another session is connected to the source (an autovacuum, briefly). */
async function copyOf(admin: pg.Client, name: string, source: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${source}"`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "55006" || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

let migrated: Promise<string> | undefined;
/**
 * The template every test database is copied from: the checked-in migrations, run as
 * production runs them (schema-drift.int.test.ts proves they match the entities), once per
 * set of migrations rather than once per test file.
 */
export function migratedTemplate(): Promise<string> {
  migrated ??= (async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith(".cjs"));
    const paths = files.map((f) => path.join(MIGRATIONS_DIR, f));
    const name = `clinigraph_template_${await hashOfFiles(MIGRATIONS_DIR, paths)}`;
    await ensureTemplate(name, null, async (url) => {
      const orm = await initOrm(url, { pool: { min: 0, max: 2 } });
      try {
        await orm.getMigrator().up();
      } finally {
        await orm.close(true);
      }
    });
    return name;
  })().catch((err: unknown) => {
    migrated = undefined;
    throw err;
  });
  return migrated;
}

/**
 * A fresh database for one test file, dropped afterwards: a copy of `template` (a name from
 * ensureTemplate), by default of the migrated one, so at the current schema and empty.
 */
export async function createTestDatabase(
  overrides: Partial<Options> = {},
  template?: () => Promise<string>,
): Promise<TestDatabase> {
  const name = `clinigraph_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const source = await (template ?? migratedTemplate)();
  await withAdmin((admin) => copyOf(admin, name, source));
  const url = databaseUrl(name);
  const orm = await initOrm(url, { pool: { min: 0, max: 20 }, ...overrides });
  return {
    url,
    orm,
    drop: async () => {
      await orm.close(true);
      await withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
