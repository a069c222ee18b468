/**
 * One interface for every SMS vendor. The idempotency key is the notification id: a
 * gateway that honours it delivers a key once however often it is called, which is
 * what makes a resend after a crash harmless (see docs/jobs.md, "exactly once").
 */
export interface SmsMessage {
  readonly idempotencyKey: string;
  readonly to: string;
  readonly body: string;
}

export interface SmsResult {
  readonly providerMessageId: string;
}

export interface SmsGateway {
  readonly name: string;
  /** True when a second call with the same key is a no-op at the vendor. */
  readonly idempotent: boolean;
  send(message: SmsMessage): Promise<SmsResult>;
}

/** The vendor refused the message for good (4xx, invalid number, opted out): never retried. */
export class PermanentDeliveryError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

/** The vendor could not take the message now (5xx, timeout, network): retried with backoff. */
export class RetryableDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryableDeliveryError";
  }
}

/** Maps an HTTP status to the outcome classes above. */
export function classifyHttpFailure(status: number, detail: string): Error {
  if (status === 429 || status >= 500) return new RetryableDeliveryError(`gateway answered ${status}: ${detail}`);
  return new PermanentDeliveryError(`gateway refused the message (${status}): ${detail}`, `HTTP_${status}`);
}

/** fetch with a timeout; network errors and timeouts are retryable. */
export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new RetryableDeliveryError(`gateway unreachable: ${(err as Error).message}`);
  }
}
