import { expireLockedOrders, forkFor, SYSTEM } from "@clinigraph/api/domain";
import type { JobsRuntime } from "../runtime.js";

/**
 * Expires every overdue order through the state machine (EXPIRE as SYSTEM, with history
 * and audit), one chunk per transaction. The chunk is selected FOR UPDATE SKIP LOCKED:
 * a second worker sweeping at the same time takes other rows, and a row a user is
 * editing right now is left for the next sweep, so no lock is held for long and no
 * order is expired twice. Returns how many orders expired.
 */
export async function expireOverdueOrders(rt: JobsRuntime, now = new Date()): Promise<number> {
  const em = forkFor(rt.orm, SYSTEM);
  let expired = 0;
  for (;;) {
    const { selected, done } = await em.transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select id from attention_order
          where (status = 'ISSUED' and confirm_by < ?)
             or (status in ('CONFIRMED', 'IN_EVALUATION') and due_at < ?)
          order by id
          limit ?
          for update skip locked`,
        [now, now, rt.config.SCAN_CHUNK_SIZE],
      );
      // The rows are locked by this transaction; the chunk is expired with one load and
      // one flush, each order through the state machine (the guard is checked again).
      const chunkEm = tx.fork({ clear: true, keepTransactionContext: true });
      const count = await expireLockedOrders(
        chunkEm,
        rows.map((r) => r.id),
        now,
      );
      return { selected: rows.length, done: count };
    });
    expired += done;
    // A full chunk where nothing changed would come back identical: stop instead of spinning.
    if (selected < rt.config.SCAN_CHUNK_SIZE || done === 0) return expired;
  }
}
