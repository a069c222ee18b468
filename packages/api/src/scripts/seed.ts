import "reflect-metadata";
import { TableNotFoundException } from "@mikro-orm/core";
import { loadConfigOrExit } from "../config.js";
import { initOrm } from "../platform/db/orm.js";
import { FieldCipher, setFieldCipher } from "../platform/crypto/field-encryption.js";
import { formatCredentials, seedDemoData } from "../seed/index.js";

/** `pnpm db:seed [--force]`: the demo region, only into a database without organisations. */
const config = loadConfigOrExit();
setFieldCipher(new FieldCipher(config.ENCRYPTION_KEY));
const orm = await initOrm(config.DATABASE_URL);
try {
  const result = await seedDemoData(orm, { force: process.argv.includes("--force") });
  console.log(result.seeded ? "Demo data seeded." : `Nothing seeded: ${result.reason}.`);
  console.log(formatCredentials(result.credentials));
} catch (err) {
  if (!(err instanceof TableNotFoundException)) throw err;
  console.error("The database has no schema yet: run `pnpm db:migrate` first.");
  process.exitCode = 1;
} finally {
  await orm.close(true);
}
