import { describe, expect, it } from "vitest";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { initOrm } from "../../app.js";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

describe("migrations", () => {
  it("build exactly the schema the entities describe (no missing migration)", async () => {
    const name = `clinigraph_drift_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const orm = await initOrm(ADMIN_URL.replace(/\/[^/]*$/, `/${name}`));
    try {
      await orm.getMigrator().up();
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
      expect(diff.trim(), "run `pnpm --filter @clinigraph/api db:migration:create <name>`").toBe("");
    } finally {
      await orm.close(true);
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
