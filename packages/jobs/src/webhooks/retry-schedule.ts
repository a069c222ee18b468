/**
 * Delivery policy for partner webhooks, in one place.
 *
 * Attempt n (n = 1, 2, …) that fails is retried after
 *   delay(n) = min(WEBHOOK_FIRST_RETRY_DELAY_MS × 2^(n−1), WEBHOOK_MAX_RETRY_DELAY_MS)
 * i.e. 1 m, 2 m, 4 m, 8 m, 16 m, 32 m, 64 m, 128 m (together 255 m = 4 h 15 m), then
 * five more at the 4 h cap (20 h): 13 retries after the first attempt, 14 attempts in
 * all, the last one 1455 m ≈ 24 h 15 m after the first. After that the delivery is FAILED.
 *
 * Independently, an endpoint whose attempts have all failed for
 * WEBHOOK_DISABLE_AFTER_FAILING_MS (one day, counted from the first failure after its
 * last success) is disabled and its organisation told by e-mail.
 */
export const WEBHOOK_FIRST_RETRY_DELAY_MS = 60_000;
export const WEBHOOK_MAX_RETRY_DELAY_MS = 4 * 3600_000;
export const WEBHOOK_MAX_ATTEMPTS = 14;
export const WEBHOOK_DISABLE_AFTER_FAILING_MS = 24 * 3600_000;
/** Partners must answer within this; slower answers count as failures. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * While an attempt runs its row is leased: the scanner does not hand it out again, and
 * a worker that dies mid-attempt leaves it to be retried when the lease ends.
 */
export const WEBHOOK_ATTEMPT_LEASE_MS = 2 * WEBHOOK_TIMEOUT_MS + 10_000;
/** How often the scanner fans out new events and re-enqueues due deliveries. */
export const WEBHOOK_SCAN_EVERY_MS = 15_000;

export function retryDelayMs(failedAttempt: number): number {
  return Math.min(WEBHOOK_FIRST_RETRY_DELAY_MS * 2 ** (failedAttempt - 1), WEBHOOK_MAX_RETRY_DELAY_MS);
}
