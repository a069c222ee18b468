import { forkFor, SYSTEM, type FileStorage, type MikroORM } from "@clinigraph/api/domain";

/**
 * The orphan-file sweep: a file uploaded with POST /files that no row references (a
 * report; any table with a foreign key to stored_file) once the grace period is over is
 * deleted, row and bytes, which also gives its bytes back to the organisation's storage
 * quota. Its queue and schedule: orphan-files.queue.ts.
 */

export interface OrphanSweepOptions {
  now?: Date;
  graceMs: number;
  chunk: number;
}

/**
 * The columns that hold a stored_file id, read from the foreign keys: an owner of files
 * added later is respected without touching this sweep.
 */
async function fileReferences(orm: MikroORM): Promise<{ table: string; column: string }[]> {
  const rows = await forkFor(orm, SYSTEM).execute<{ table: string; column: string }[]>(
    `select c.conrelid::regclass::text as "table", quote_ident(a.attname) as "column"
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'stored_file'::regclass`,
  );
  // Without a single owner every old file would look orphaned: refuse rather than wipe.
  if (rows.length === 0) throw new Error("no foreign key references stored_file; refusing to sweep");
  return rows;
}

/**
 * Deletes the files older than the grace period that nothing references, `chunk` rows per
 * transaction. Safe with several sweepers (SKIP LOCKED: each takes rows the others do not)
 * and with a report being attached at the same moment:
 * - the attach holds its file row FOR SHARE (and the report's foreign key takes KEY SHARE)
 *   until it commits, so the sweep skips that row;
 * - a row the sweep has locked is checked again for references in a second statement, whose
 *   fresh snapshot sees a report committed after the first statement's;
 * - an attach that comes after the lock waits for it, then finds the file gone.
 * The bytes go after the rows' transaction commits; a crash in between leaves unreferenced
 * bytes on disk, never a row without its bytes. Returns how many files were deleted.
 */
export async function sweepOrphanFiles(
  orm: MikroORM,
  storage: FileStorage,
  options: OrphanSweepOptions,
): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.graceMs);
  const unreferenced = (await fileReferences(orm))
    .map((r) => `not exists (select 1 from ${r.table} x where x.${r.column} = f.id)`)
    .join(" and ");
  let total = 0;
  for (;;) {
    const { picked, deleted } = await forkFor(orm, SYSTEM).transactional(async (em) => {
      const rows = await em.execute<{ id: string }[]>(
        `select f.id from stored_file f where f.created_at < ? and ${unreferenced}
          order by f.created_at limit ? for update skip locked`,
        [cutoff, options.chunk],
      );
      if (rows.length === 0) return { picked: 0, deleted: [] as { storage_key: string }[] };
      const gone = await em.execute<{ storage_key: string }[]>(
        `delete from stored_file f where f.id in (?) and ${unreferenced} returning f.storage_key`,
        [rows.map((r) => r.id)],
      );
      return { picked: rows.length, deleted: gone };
    });
    for (const row of deleted) await storage.delete(row.storage_key);
    total += deleted.length;
    if (picked < options.chunk) return total;
  }
}
