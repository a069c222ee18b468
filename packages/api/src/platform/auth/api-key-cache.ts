import type { EntityManager } from "@mikro-orm/postgresql";
import type { Redis } from "ioredis";
import type { ApiKeyScope } from "./scopes.js";

/** What authentication needs of an API key and its organisation (one row of the join). */
export interface ApiKeyRow {
  id: string;
  secret_hash: string;
  revoked_at: string | Date | null;
  scopes: ApiKeyScope[];
  organization_id: string;
  kind: string;
  active: boolean;
}

/**
 * How long a key's row may be served from Redis. A revocation or an organisation change
 * forgets it at once (forget()); the TTL bounds what a forget lost to a Redis outage costs.
 */
export const API_KEY_CACHE_SECONDS = 30;

/** How often a process writes a key's last_used_at (the SQL also refuses more than once a minute). */
export const LAST_USED_WRITE_MS = 60_000;

// As for the staff cache: set only while no change marker exists, in one step, so a reader
// that loaded the row before a revocation committed cannot put the live key back after it.
const SET_UNLESS_CHANGED = `
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
return 1`;

/**
 * The API key look-up of each partner request, cached briefly in Redis (one GET instead of
 * a join per request) and forgotten on revocation and on any change of the key's
 * organisation. Without Redis every request reads Postgres, as before the cache.
 */
export class ApiKeyCache {
  /** Per process: when this process last wrote each key's last_used_at. */
  private static readonly lastUsedWrites = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly keyspace: string,
  ) {}

  private rowKey = (prefix: string) => `${this.keyspace}:api-key:${prefix}`;
  private changedKey = (prefix: string) => `${this.keyspace}:api-key-changed:${prefix}`;
  private usable = () => this.redis.status === "ready";

  /** The cached row, or the one `load` reads (then cached unless a change is being forgotten). */
  async get(prefix: string, load: () => Promise<ApiKeyRow | null>): Promise<ApiKeyRow | null> {
    if (!this.usable()) return load();
    const cached = await this.redis.get(this.rowKey(prefix)).catch(() => undefined);
    if (cached) return JSON.parse(cached) as ApiKeyRow;
    const row = await load();
    if (row && cached === null)
      await this.redis
        .eval(
          SET_UNLESS_CHANGED,
          2,
          this.rowKey(prefix),
          this.changedKey(prefix),
          JSON.stringify(row),
          String(API_KEY_CACHE_SECONDS),
        )
        .catch(() => undefined);
    return row;
  }

  /** After keys were revoked or their organisation changed (and committed): no cached copy survives. */
  async forget(prefixes: Iterable<string>): Promise<void> {
    const unique = [...new Set(prefixes)];
    if (unique.length === 0 || !this.usable()) return;
    const multi = this.redis.multi();
    for (const prefix of unique)
      multi.del(this.rowKey(prefix)).set(this.changedKey(prefix), "1", "EX", API_KEY_CACHE_SECONDS + 5);
    await multi.exec().catch(() => undefined);
  }

  /**
   * Whether this request should write the key's last_used_at: at most once a minute per key
   * and process (the statement itself keeps it to once a minute across processes).
   */
  static shouldWriteLastUsed(keyId: string, now = Date.now()): boolean {
    const last = ApiKeyCache.lastUsedWrites.get(keyId);
    if (last !== undefined && now - last < LAST_USED_WRITE_MS) return false;
    if (ApiKeyCache.lastUsedWrites.size > 10_000) ApiKeyCache.lastUsedWrites.clear();
    ApiKeyCache.lastUsedWrites.set(keyId, now);
    return true;
  }
}

/** Forgets the cached rows of every key of an organisation (after a committed change to it or its keys). */
export async function forgetOrganizationKeys(
  cache: ApiKeyCache,
  em: EntityManager,
  organizationId: string,
): Promise<void> {
  const rows = await em.execute<{ prefix: string }[]>(`select prefix from api_key where organization_id = ?`, [
    organizationId,
  ]);
  await cache.forget(rows.map((r) => r.prefix));
}
