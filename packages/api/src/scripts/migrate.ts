import "reflect-metadata";
import pg from "pg";
import { loadDatabaseUrlOrExit } from "../config.js";
import { initOrm } from "../app.js";

/** Creates the database when it does not exist, then applies the pending migrations. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new pg.Client({ connectionString: databaseUrl.replace(/\/[^/]*$/, "/postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

// Migrations touch no secret: only the database address is read, so this runs before
// (and without) the API's keys.
const databaseUrl = loadDatabaseUrlOrExit();
await ensureDatabase(databaseUrl);
const orm = await initOrm(databaseUrl);
const applied = await orm.getMigrator().up();
console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(", ")}` : "Database is up to date.");
await orm.close(true);
