import "reflect-metadata";
import { TableNotFoundException } from "@mikro-orm/core";
import { loadConfigOrExit } from "../config.js";
import { FieldCipher, setFieldCipher } from "../platform/crypto/field-encryption.js";
import { assertDemoSeedAllowed, DemoSeedRefused, formatCredentials, seedDemoData } from "../seed/index.js";
import { initOrm } from "../app.js";

/**
 * `pnpm db:seed [--force] [--demo]`: the demo region, only into a database without
 * organisations. In production (NODE_ENV=production or unset) it refuses unless
 * `--demo` asks for a demo installation: the demo logins and keys are public.
 */
const demo = process.argv.includes("--demo");
const config = loadConfigOrExit();
try {
  // Before connecting: a refused seed touches nothing.
  assertDemoSeedAllowed(config.NODE_ENV, demo);
} catch (err) {
  if (!(err instanceof DemoSeedRefused)) throw err;
  console.error(err.message);
  process.exit(1);
}
setFieldCipher(FieldCipher.fromConfig(config));
const orm = await initOrm(config.DATABASE_URL);
try {
  const result = await seedDemoData(orm, {
    force: process.argv.includes("--force"),
    demo,
    nodeEnv: config.NODE_ENV,
    fileStorageDir: config.FILE_STORAGE_DIR,
  });
  console.log(result.seeded ? "Demo data seeded." : `Nothing seeded: ${result.reason}.`);
  console.log(formatCredentials(result.credentials));
} catch (err) {
  if (!(err instanceof TableNotFoundException)) throw err;
  console.error("The database has no schema yet: run `pnpm db:migrate` first.");
  process.exitCode = 1;
} finally {
  await orm.close(true);
}
