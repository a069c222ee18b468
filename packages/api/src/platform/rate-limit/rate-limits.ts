import type { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import type { Config } from "../../config.js";
import { principalKey, type Principal } from "../auth/principal.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

/** The code both doors (GraphQL and the REST routes) answer a spent budget with. */
export const RATE_LIMITED_CODE = TopLevelErrorCode.RATE_LIMITED;

/**
 * What an export costs in the request budget: it reads up to 10,000 rows and their
 * relations, a page of a GraphQL list reads at most a few hundred.
 */
export const EXPORT_REQUEST_COST = 10;

/** Thrown when a budget is spent; each door turns it into its own 429. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limit exceeded; retry after ${retryAfterSeconds} s.`);
    this.name = "RateLimitedError";
  }
}

/**
 * The per-principal budgets in Redis, shared by /graphql, /files and /exports so that a
 * principal spent on one door is spent on all of them:
 * - `requests`: points per window (a GraphQL operation or a REST call is 1, an export more);
 * - `uploadBytes`: bytes received by POST /files per window, so a burst of large uploads
 *   is held back even while its request count is small.
 */
export class RateLimits {
  private readonly requests: RateLimiterRedis;
  private readonly uploadBytes: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    config: Pick<
      Config,
      "RATE_LIMIT_POINTS" | "RATE_LIMIT_WINDOW_SECONDS" | "UPLOAD_RATE_LIMIT_BYTES" | "UPLOAD_RATE_LIMIT_WINDOW_SECONDS"
    >,
  ) {
    // "rl" is the prefix the GraphQL limiter always used: budgets survive the upgrade.
    this.requests = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: "rl",
      points: config.RATE_LIMIT_POINTS,
      duration: config.RATE_LIMIT_WINDOW_SECONDS,
    });
    this.uploadBytes = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: "rl-upload-bytes",
      points: config.UPLOAD_RATE_LIMIT_BYTES,
      duration: config.UPLOAD_RATE_LIMIT_WINDOW_SECONDS,
    });
  }

  /** Spends `points` of the request budget; throws RateLimitedError when it is spent. */
  consumeRequest(principal: Principal, ip: string | undefined, points = 1): Promise<void> {
    return this.consume(this.requests, limitKey(principal, ip), points);
  }

  /** Spends `bytes` of the upload budget; throws RateLimitedError when it is spent. */
  consumeUploadBytes(principal: Principal, ip: string | undefined, bytes: number): Promise<void> {
    return this.consume(this.uploadBytes, limitKey(principal, ip), Math.max(1, Math.ceil(bytes)));
  }

  private async consume(limiter: RateLimiterRedis, key: string, points: number): Promise<void> {
    // While Redis is away a limiter call would wait out the client's retries (seconds per
    // request) before failing open: skip it at once instead.
    if (this.redis.status !== "ready") return;
    try {
      await limiter.consume(key, points);
    } catch (res) {
      // A Redis failure must not take the API down: serve without the limit.
      if (res instanceof Error) return;
      const msBeforeNext = (res as { msBeforeNext: number }).msBeforeNext;
      throw new RateLimitedError(Math.max(1, Math.ceil(msBeforeNext / 1000)));
    }
  }
}

/** One budget per principal; callers without a credential share one per client address. */
export function limitKey(principal: Principal, ip: string | undefined): string {
  return principal.kind === "ANONYMOUS" ? `anon:${ip ?? "unknown"}` : principalKey(principal);
}
