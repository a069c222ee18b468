import type { EntityManager } from "@mikro-orm/postgresql";
import type { FieldCipher } from "./field-encryption.js";

/**
 * Every column that holds field-cipher output, with the blind index computed from the
 * same plain value. A new encrypted column must be listed here, or rotate-keys leaves
 * it under the old key (field-encryption-inventory.test.ts checks the list against the
 * code's use of fieldCipher().encrypt).
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  blindIndex?: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: "patient", column: "national_id_enc", blindIndex: "national_id_index" },
  { table: "visit", column: "bank_account_enc" },
  { table: "webhook_endpoint", column: "secret_enc" },
];

export interface ColumnRotation {
  table: string;
  column: string;
  /** Values re-encrypted under the current key in this run. */
  rewritten: number;
  /** Values changed by someone else between read and write; the next run picks them up if still old. */
  skipped: number;
  /** Values still not under the current key after this run (0 when done). */
  remaining: number;
}

export interface RotationOptions {
  chunkSize?: number;
  onChunk?: (column: EncryptedColumn, rewritten: number) => void;
}

/**
 * Re-encrypts every value not under the cipher's current key (retired key ids and the
 * unversioned `v1:` format) and recomputes blind indexes, in chunks of `chunkSize` rows,
 * each chunk one UPDATE. Idempotent: values already under the current key are not read.
 * Safe beside a running API: a row is written only if its ciphertext is still the one
 * that was read (compare-and-set), so a concurrent edit is never overwritten; no
 * version or updated_at changes, as the plain values do not.
 */
export async function rotateEncryptedColumns(
  em: EntityManager,
  cipher: FieldCipher,
  options: RotationOptions = {},
): Promise<ColumnRotation[]> {
  const chunkSize = options.chunkSize ?? 500;
  const current = `${cipher.keys.current.id}:%`;
  const conn = em.getConnection();
  const out: ColumnRotation[] = [];
  for (const col of ENCRYPTED_COLUMNS) {
    const q = (s: string) => `"${s}"`;
    let after = "00000000-0000-0000-0000-000000000000";
    let rewritten = 0;
    let skipped = 0;
    for (;;) {
      const rows = await conn.execute<{ id: string; value: string }[]>(
        `select id::text as id, ${q(col.column)} as value from ${q(col.table)}
         where ${q(col.column)} is not null and ${q(col.column)} not like ? and id > ?::uuid
         order by id limit ?`,
        [current, after, chunkSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const values: unknown[] = [];
      for (const row of rows) {
        let plain: string;
        try {
          plain = cipher.decrypt(row.value);
        } catch (err) {
          throw new Error(`${col.table}.${col.column} of row ${row.id}: ${(err as Error).message}`, { cause: err });
        }
        values.push(row.id, row.value, cipher.encrypt(plain), col.blindIndex ? cipher.blindIndex(plain) : null);
      }
      const updated = await conn.execute<{ id: string }[]>(
        `update ${q(col.table)} t
         set ${q(col.column)} = v.enc${col.blindIndex ? `, ${q(col.blindIndex)} = v.idx` : ""}
         from (values ${rows.map(() => "(?::uuid, ?, ?, ?)").join(", ")}) as v(id, old, enc, idx)
         where t.id = v.id and t.${q(col.column)} = v.old
         returning t.id`,
        values,
      );
      rewritten += updated.length;
      skipped += rows.length - updated.length;
      options.onChunk?.(col, updated.length);
    }
    const [left] = await conn.execute<{ n: number }[]>(
      `select count(*)::int as n from ${q(col.table)} where ${q(col.column)} is not null and ${q(col.column)} not like ?`,
      [current],
    );
    out.push({ table: col.table, column: col.column, rewritten, skipped, remaining: left!.n });
  }
  return out;
}
