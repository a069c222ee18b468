import type { EntityManager } from "@mikro-orm/postgresql";
import type { Redis } from "ioredis";
import type { PartnerRole, StaffRole } from "./principal.js";

/** What a staff request is allowed by: read per request, never taken from the token. */
export interface StaffState {
  active: boolean;
  roles: StaffRole[];
  organizationId: string;
  email: string;
  /** The branches the user works in; empty for head office. */
  branchIds: string[];
  /** OPERATOR for staff; a partner kind for a partner organisation's own user. */
  organizationKind: string;
  /** A partner user's roles in its organisation (empty for staff). */
  partnerRoles: PartnerRole[];
  /** A partner user of an inactive organisation is refused, as its keys are. */
  organizationActive: boolean;
}

/** How long a user's roles and active flag may be served from Redis. */
export const STAFF_CACHE_SECONDS = 30;

// Sets the cache only while no change marker exists, in one step: a reader that loaded the
// row before a change committed cannot put the old roles back after the change's forget().
const SET_UNLESS_CHANGED = `
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
return 1`;

/**
 * The staff side of authentication that a token cannot carry: the user's current roles and
 * active flag (cached briefly in Redis, forgotten on every change) and the sessions that were
 * ended (logout, a replayed refresh token, deactivation or a role change), whose access tokens
 * stop working before they expire. Without Redis both answers come from Postgres.
 */
export class StaffSessions {
  constructor(
    private readonly redis: Redis,
    private readonly keyspace: string,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  private userKey = (id: string) => `${this.keyspace}:staff:${id}`;
  private changedKey = (id: string) => `${this.keyspace}:staff-changed:${id}`;
  private endedKey = (sid: string) => `${this.keyspace}:session-ended:${sid}`;
  private usable = () => this.redis.status === "ready";

  /** The user's state now (null when there is no such user) and whether session `sid` was ended. */
  async check(em: EntityManager, userId: string, sid: string): Promise<{ user: StaffState | null; ended: boolean }> {
    const fromRedis = this.usable()
      ? await this.redis.mget(this.userKey(userId), this.endedKey(sid)).catch(() => null)
      : null;
    if (!fromRedis) {
      // Redis is away: Postgres answers both questions (the revocation is recorded there too).
      const [user, ended] = await Promise.all([loadStaffState(em, userId), sessionEndedInDatabase(em, sid)]);
      return { user, ended };
    }
    const [cached, ended] = fromRedis;
    const user = cached ? (JSON.parse(cached) as StaffState) : await this.loadAndCache(em, userId);
    return { user, ended: ended !== null };
  }

  /** After a user's roles, active flag or password changed (and committed): no cached copy survives. */
  async forget(userId: string): Promise<void> {
    if (!this.usable()) return;
    await this.redis
      .multi()
      .del(this.userKey(userId))
      .set(this.changedKey(userId), "1", "EX", STAFF_CACHE_SECONDS + 5)
      .exec()
      .catch(() => undefined);
  }

  /**
   * Ends the access tokens of sessions whose refresh tokens were just revoked in Postgres
   * (which stays the record: without Redis, check() reads the revocation there).
   */
  async endSessions(sids: Iterable<string>): Promise<void> {
    const unique = [...new Set(sids)];
    if (unique.length === 0 || !this.usable()) return;
    const multi = this.redis.multi();
    // A token lives at most its TTL, so the mark need not outlive it.
    for (const sid of unique) multi.set(this.endedKey(sid), "1", "EX", this.accessTokenTtlSeconds + 5);
    await multi.exec().catch(() => undefined);
  }

  private async loadAndCache(em: EntityManager, userId: string): Promise<StaffState | null> {
    const user = await loadStaffState(em, userId);
    if (user)
      await this.redis
        .eval(
          SET_UNLESS_CHANGED,
          2,
          this.userKey(userId),
          this.changedKey(userId),
          JSON.stringify(user),
          String(STAFF_CACHE_SECONDS),
        )
        .catch(() => undefined);
    return user;
  }
}

async function loadStaffState(em: EntityManager, userId: string): Promise<StaffState | null> {
  const rows = await em.execute<
    {
      active: boolean;
      roles: StaffRole[];
      organization_id: string;
      email: string;
      branch_ids: string[];
      partner_roles: PartnerRole[];
      organization_kind: string;
      organization_active: boolean;
    }[]
  >(
    `select u.active, u.roles, u.organization_id, u.email, u.partner_roles,
       o.kind as organization_kind, o.active as organization_active,
       array(select ub.branch_id::text from user_branch ub where ub.user_id = u.id order by ub.branch_id) as branch_ids
     from app_user u join organization o on o.id = u.organization_id where u.id = ?`,
    [userId],
  );
  const row = rows[0];
  return row
    ? {
        active: row.active,
        roles: row.roles,
        organizationId: row.organization_id,
        email: row.email,
        branchIds: row.branch_ids ?? [],
        organizationKind: row.organization_kind,
        partnerRoles: row.partner_roles ?? [],
        organizationActive: row.organization_active,
      }
    : null;
}

async function sessionEndedInDatabase(em: EntityManager, sid: string): Promise<boolean> {
  const rows = await em.execute<{ ended: boolean }[]>(
    `select exists(select 1 from refresh_token where family = ? and revoked_at is not null) as ended`,
    [sid],
  );
  return rows[0]?.ended === true;
}
