import { sweepOutbox } from "../notifications/outbox-sweep.js";
import { scanJobOptions, type QueueDefinition } from "../queue-definition.js";
import { expireOverdueOrders } from "./expire-orders.js";
import { flagOverdueClaims } from "./flag-overdue-claims.js";

/**
 * The expirations queue: every 15 minutes, overdue orders are expired and overdue claims
 * flagged, a chunk per transaction; committed chunks stay, the rest is redone by the
 * retry or the next run.
 */
export type ExpirationsJobData = Readonly<Record<string, never>>;

export const expirationsQueue: QueueDefinition<ExpirationsJobData> = {
  key: "expirations",
  schedule: { id: "expirations-sweep", jobName: "sweep", pattern: "*/15 * * * *" },
  jobOptions: scanJobOptions,
  concurrency: () => 1,
  processor: (deps) => async () => {
    const now = new Date();
    const orders = await expireOverdueOrders(deps, now);
    const claims = await flagOverdueClaims(deps, now);
    // The overdue-claim notices were written to the outbox; send them now rather
    // than at the next minute's sweep.
    await sweepOutbox(deps, now);
    return `${orders} orders expired, ${claims} claims flagged`;
  },
};
