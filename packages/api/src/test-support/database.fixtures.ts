import pg from "pg";
import { randomBytes } from "node:crypto";
import type { MikroORM, Options } from "@mikro-orm/postgresql";
import { initOrm } from "../app.js";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  drop: () => Promise<void>;
}

/** A fresh, empty database for one test file, migrated to the current schema; dropped afterwards. */
export async function createTestDatabase(overrides: Partial<Options> = {}): Promise<TestDatabase> {
  const name = `clinigraph_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const orm = await initOrm(url, { pool: { min: 0, max: 20 }, ...overrides });
  // The checked-in migrations, as production runs them; schema-drift.int.test.ts proves
  // they match the entities.
  await orm.getMigrator().up();
  return {
    url,
    orm,
    drop: async () => {
      await orm.close(true);
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}
