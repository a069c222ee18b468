import "reflect-metadata";
import pg from "pg";
import { loadDatabaseUrlOrExit } from "../config.js";
import { initOrm } from "../app.js";

/**
 * Writes a migration with the difference between the entities and the schema that the
 * existing migrations produce. It migrates a scratch database first, so the diff never
 * depends on the state of anybody's development database.
 */
const config = { DATABASE_URL: loadDatabaseUrlOrExit() };
const name = process.argv[2] ?? "";
const scratch = `clinigraph_migration_scratch_${process.pid}`;
const adminUrl = config.DATABASE_URL.replace(/\/[^/]*$/, "/postgres");
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists "${scratch}"`);
await admin.query(`create database "${scratch}"`);
try {
  const orm = await initOrm(config.DATABASE_URL.replace(/\/[^/]*$/, `/${scratch}`));
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, false, name || undefined);
  console.log(result.fileName ? `Created ${result.fileName}` : "No changes: the migrations match the entities.");
  await orm.close(true);
} finally {
  await admin.query(`drop database if exists "${scratch}" with (force)`);
  await admin.end();
}
