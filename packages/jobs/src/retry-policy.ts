/**
 * Retry policy of the notifications queue, in one place.
 *
 * A retryable failure (gateway 5xx, timeout, connection refused) is retried with
 * exponential backoff: delay(n) = SEND_BACKOFF_BASE_MS × 2^(n−1) for retry n.
 * 8 attempts from 30 s: 30 s + 1 m + 2 m + 4 m + 8 m + 16 m + 32 m ≈ 63.5 minutes
 * before the row is marked FAILED. An outage shorter than an hour loses nothing; a
 * longer one leaves FAILED rows an operator can see and re-queue.
 */
export const SEND_MAX_ATTEMPTS = 8;
export const SEND_BACKOFF_BASE_MS = 30_000;

/**
 * A row left SENDING this long without a live job (its worker died and Redis lost the
 * job, e.g. after FLUSHALL) is re-enqueued by the outbox sweep; the idempotency key
 * makes the resend a no-op at the gateway.
 */
export const SENDING_STALE_AFTER_MS = 10 * 60_000;

/**
 * Scanner and sweeper jobs run every few minutes anyway: 3 attempts, 10 s, 20 s. A
 * sweep that still fails is simply redone by the next scheduled run.
 */
export const SCAN_MAX_ATTEMPTS = 3;
export const SCAN_BACKOFF_BASE_MS = 10_000;

/** Monthly statistics: defined with the queue name in the API, which enqueues it too. */
export { STATISTICS_MAX_ATTEMPTS, STATISTICS_BACKOFF_BASE_MS } from "@clinigraph/api/domain";
