import { forkFor, SYSTEM } from "@clinigraph/api/domain";
import type { ScanDeps } from "../queue-definition.js";
import {
  addNotificationJobs,
  notificationJobId,
  SENDING_STALE_AFTER_MS,
  type NotificationProducer,
} from "./notification.queue.js";

/**
 * Postgres is the truth: every QUEUED row due now (and every SENDING row whose worker
 * vanished) gets a send job unless it has a live one. This is what recovers from a
 * flushed or restarted Redis. Returns how many rows were (re)queued.
 */
export async function sweepOutbox(rt: ScanDeps & NotificationProducer, now = new Date()): Promise<number> {
  const em = forkFor(rt.orm, SYSTEM);
  const queue = rt.queues.notifications;
  let queued = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await em.execute<{ id: string }[]>(
      `select id from notification
        where id > ? and send_after <= ?
          and (status = 'QUEUED' or (status = 'SENDING' and updated_at <= ?))
        order by id limit ?`,
      [after, now, new Date(now.getTime() - SENDING_STALE_AFTER_MS), rt.config.SCAN_CHUNK_SIZE],
    );
    if (rows.length === 0) return queued;
    after = rows.at(-1)!.id;
    const ids: string[] = [];
    for (const { id } of rows) {
      const job = await queue.getJob(notificationJobId(id));
      // A failed job kept for the dashboard would block the re-add; the row is the truth.
      if (job && (await job.isFailed())) await job.remove();
      else if (job) continue;
      ids.push(id);
    }
    await addNotificationJobs(queue, ids);
    queued += ids.length;
  }
}
