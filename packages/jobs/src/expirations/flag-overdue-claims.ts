import { flagOverdueClaim, forkFor, SYSTEM } from "@clinigraph/api/domain";
import type { ScanDeps } from "../queue-definition.js";

/**
 * Flags claims past their delivery deadline and still DRAFT or RETURNED, once each
 * (overdue_flagged_at), through the claim module, which also notifies the agency via
 * the outbox. Chunked and SKIP LOCKED like the order sweep. Returns how many were flagged.
 */
export async function flagOverdueClaims(rt: ScanDeps, now = new Date()): Promise<number> {
  const em = forkFor(rt.orm, SYSTEM);
  let flagged = 0;
  for (;;) {
    const { selected, done } = await em.transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select id from claim
          where status in ('DRAFT', 'RETURNED') and delivery_due_at < ? and overdue_flagged_at is null
          order by id
          limit ?
          for update skip locked`,
        [now, rt.config.SCAN_CHUNK_SIZE],
      );
      let count = 0;
      for (const { id } of rows) {
        // A fresh identity map per row, same transaction: a shared one would grow with
        // the chunk and make every flush slower than the last.
        const rowEm = tx.fork({ clear: true, keepTransactionContext: true });
        if (await flagOverdueClaim(rowEm, id, now)) count++;
      }
      return { selected: rows.length, done: count };
    });
    flagged += done;
    // A full chunk where nothing changed would come back identical: stop instead of spinning.
    if (selected < rt.config.SCAN_CHUNK_SIZE || done === 0) return flagged;
  }
}
