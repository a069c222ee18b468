import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { initOrm } from "@clinigraph/api/domain";
import { ADMIN_URL, databaseUrl } from "../shared/options.js";

export interface SchemaPlan {
  /** Statements to run before COPY (types and tables). */
  before: string[];
  /** Statements to run after COPY (indexes, unique and foreign keys): building them once is far cheaper than maintaining them per row. */
  after: string[];
  source: "migrations" | "entity metadata";
}

function migrationsDir(): string {
  const require = createRequire(import.meta.url);
  // dist/domain.js → packages/api/migrations
  return path.resolve(path.dirname(require.resolve("@clinigraph/api/domain")), "../migrations");
}

/** The checked-in migrations are used once they create the order table; until then the entity metadata. */
export function migrationsCoverOrders(): boolean {
  try {
    const dir = migrationsDir();
    return readdirSync(dir).some(
      (f) => f.endsWith(".cjs") && readFileSync(path.join(dir, f), "utf8").includes("attention_order"),
    );
  } catch {
    return false;
  }
}

export async function recreateDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Creates the schema; with migrations everything is created up front (slower COPY), otherwise split around the load. */
export async function prepareSchema(name: string): Promise<SchemaPlan> {
  const orm = await initOrm(databaseUrl(name));
  try {
    if (migrationsCoverOrders()) {
      await orm.getMigrator().up();
      return { before: [], after: [], source: "migrations" };
    }
    const sql = await orm.schema.getCreateSchemaSQL({ wrap: false });
    const statements = sql
      .split(/;\s*\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    const isDefinition = (s: string) => /^create (type|table)\b/i.test(s);
    const plan: SchemaPlan = {
      before: statements.filter(isDefinition),
      after: statements.filter((s) => !isDefinition(s)),
      source: "entity metadata",
    };
    for (const s of plan.before) await orm.em.getConnection().execute(s);
    return plan;
  } finally {
    await orm.close(true);
  }
}
