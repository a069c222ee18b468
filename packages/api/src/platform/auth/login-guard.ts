import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Config } from "../../config.js";
import { HashSlots } from "./hash-slots.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

// One step, so parallel guesses cannot all pass the check before any failure is counted:
// every attempt is charged before its password is checked (a success refunds it). From the
// FREE-th attempt on, the next one must wait FIRST·2^(n-FREE) ms, capped.
const CHARGE_ATTEMPT = `
local wait = redis.call('PTTL', KEYS[2])
if wait > 0 then return wait end
local n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[4])
local free = tonumber(ARGV[1])
if n >= free then
  local delay = math.min(tonumber(ARGV[2]) * 2 ^ (n - free), tonumber(ARGV[3]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(delay))
end
return 0`;

// An account's count restarts after a day without attempts.
const COUNT_TTL_SECONDS = 24 * 3600;

/** The one answer for "not now": a throttle, a delay or a full hashing queue. */
export function rateLimited(retryAfterSeconds: number, message: string): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(message, {
    extensions: {
      code: TopLevelErrorCode.RATE_LIMITED,
      retryAfterSeconds: retryAfter,
      http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) },
    },
  });
}

/** The delay of the `n`-th consecutive failure (the database's copy, used while Redis is away). */
export function delayAfterFailures(failures: number, config: Config): number {
  if (failures < config.LOGIN_FREE_ATTEMPTS) return 0;
  return Math.min(
    config.LOGIN_FIRST_DELAY_SECONDS * 1000 * 2 ** (failures - config.LOGIN_FREE_ATTEMPTS),
    config.LOGIN_MAX_DELAY_SECONDS * 1000,
  );
}

/**
 * What stands between a password guesser and the hasher (SPEC §7, issue 14 item 6):
 * a throttle per client address, a progressive delay per account (by e-mail, so unknown
 * e-mails are delayed exactly like real ones and answers reveal nothing), and a cap on
 * concurrent hashing. The state lives in Redis; while Redis is away the session service
 * falls back to the delay recorded on the user row.
 */
export class LoginGuard {
  readonly hashSlots: HashSlots;
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    private readonly keyspace: string,
    private readonly config: Config,
  ) {
    this.hashSlots = new HashSlots(config.LOGIN_HASH_CONCURRENCY, config.LOGIN_HASH_QUEUE);
    this.perAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyspace}:login-address`,
      points: config.LOGIN_ADDRESS_ATTEMPTS,
      duration: config.LOGIN_ADDRESS_WINDOW_SECONDS,
    });
  }

  /** False while Redis is away: the caller then uses the database's delay instead. */
  get available(): boolean {
    return this.redis.status === "ready";
  }

  private accountKeys(email: string): [string, string] {
    const id = createHash("sha256").update(email).digest("hex").slice(0, 32);
    return [`${this.keyspace}:login-failures:${id}`, `${this.keyspace}:login-wait:${id}`];
  }

  /** Charges one attempt to the address and the account; throws RATE_LIMITED when either is spent. */
  async admit(email: string, address: string | undefined): Promise<void> {
    if (!this.available) return;
    try {
      await this.perAddress.consume(address ?? "unknown");
    } catch (res) {
      if (res instanceof RateLimiterRes)
        throw rateLimited(res.msBeforeNext / 1000, "Too many login attempts from this address; try again later.");
      return; // Redis failed: the account delay below (or the database's) still holds.
    }
    const [count, wait] = this.accountKeys(email);
    const waitMs = await this.redis
      .eval(
        CHARGE_ATTEMPT,
        2,
        count,
        wait,
        String(this.config.LOGIN_FREE_ATTEMPTS),
        String(this.config.LOGIN_FIRST_DELAY_SECONDS * 1000),
        String(this.config.LOGIN_MAX_DELAY_SECONDS * 1000),
        String(COUNT_TTL_SECONDS),
      )
      .catch(() => 0);
    if (Number(waitMs) > 0) throw accountDelayed(Number(waitMs) / 1000);
  }

  /** A successful login clears the account's count and refunds the address's attempt. */
  async succeeded(email: string, address: string | undefined): Promise<void> {
    if (!this.available) return;
    await Promise.all([
      this.redis.del(...this.accountKeys(email)).catch(() => undefined),
      this.perAddress.reward(address ?? "unknown", 1).catch(() => undefined),
    ]);
  }

  /** Runs a password check in a hashing slot; RATE_LIMITED when the queue is full. */
  async hash<T>(work: () => Promise<T>): Promise<T> {
    const done = await this.hashSlots.run(work);
    if (!done) throw rateLimited(1, "The server is busy checking passwords; try again in a moment.");
    return done.value;
  }
}

/** Same words for every account, known or not, so the answer reveals nothing. */
export function accountDelayed(retryAfterSeconds: number): GraphQLError {
  return rateLimited(retryAfterSeconds, "Too many failed attempts for this account; wait before trying again.");
}
