import "reflect-metadata";
import { loadConfigOrExit } from "../config.js";
import { FieldCipher } from "../platform/crypto/field-encryption.js";
import { rotateEncryptedColumns } from "../platform/crypto/rotation.js";
import { forkFor } from "../platform/db/orm.js";
import { SYSTEM } from "../platform/auth/principal.js";
import { initOrm } from "../app.js";

/**
 * `pnpm rotate-keys [--chunk-size N]`: moves every encrypted column to the current key.
 *
 * The key set comes from the same variables the API reads: the new key in
 * ENCRYPTION_KEY / ENCRYPTION_KEY_ID, the old ones in ENCRYPTION_OLD_KEYS
 * (`k1:<base64>,…`). Values under an old key id (or in the unversioned format written
 * before key ids) are decrypted, encrypted under the new key and their blind index
 * recomputed, a chunk at a time. Run it after every API and worker has the new key set;
 * running it again is harmless. Exits 1 while values remain under an old key.
 */
const config = loadConfigOrExit();
const sizeArg = process.argv.indexOf("--chunk-size");
const chunkSize = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 500;
if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 10_000) {
  console.error("--chunk-size must be a whole number from 1 to 10000");
  process.exit(64);
}
const cipher = FieldCipher.fromConfig(config);
const orm = await initOrm(config.DATABASE_URL);
try {
  const retired = cipher.keys.retired.map((k) => k.id).join(", ") || "none";
  console.log(`Rotating to key ${cipher.keys.current.id} (old keys: ${retired}), ${chunkSize} rows per chunk.`);
  const report = await rotateEncryptedColumns(forkFor(orm, SYSTEM), cipher, { chunkSize });
  for (const r of report)
    console.log(
      `  ${`${r.table}.${r.column}`.padEnd(30)} rewritten ${r.rewritten}, changed meanwhile ${r.skipped}, remaining ${r.remaining}`,
    );
  const left = report.reduce((n, r) => n + r.remaining, 0);
  if (left > 0) {
    console.error(
      `${left} values are still under an old key (written meanwhile by a process with the old key?): run again.`,
    );
    process.exitCode = 1;
  } else console.log(`Done: every encrypted value is under key ${cipher.keys.current.id}.`);
} catch (err) {
  console.error(`Rotation stopped: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await orm.close(true);
}
