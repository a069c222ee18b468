import type { EntityManager } from "@mikro-orm/postgresql";
import { v7 as uuidv7 } from "uuid";
import type { Config } from "../../config.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords.js";
import { randomSecret, sha256, signAccessToken } from "../../platform/auth/tokens.js";
import { accountDelayed, type LoginGuard } from "../../platform/auth/login-guard.js";
import type { StaffSessions } from "../../platform/auth/staff-sessions.js";
import { workingBranch } from "../../platform/auth/principal.js";
import { RefreshToken, User, UserBranch } from "../user/user.entity.js";
import { SessionErrorCode } from "./session.errors.js";

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
  /** The branch the session works in (undefined: head office; null: not chosen yet). */
  branchId: string | null | undefined;
}

/** What login needs beyond the database: the throttles and hashing slots, and session ends. */
export interface SessionDeps {
  guard: LoginGuard;
  sessions: StaffSessions;
}

// Unknown e-mails are checked against this hash (same algorithm and cost as a real one),
// so they take as long as a real account. Started at load so the first one is not slower.
const dummyHash: Promise<string> = hashPassword(randomSecret(16));
dummyHash.catch(() => undefined);

/** Login, refresh and logout; `em` is a SYSTEM-scoped fork (there is no principal yet). */
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
    private readonly deps: SessionDeps,
  ) {}

  /**
   * Unknown, inactive and delayed accounts answer alike: the first two run the hasher and
   * say INVALID_CREDENTIALS, a delayed one (known or not) says RATE_LIMITED before hashing.
   */
  async login(
    email: string,
    password: string,
    address?: string,
    now = new Date(),
    branchId?: string | null,
  ): Promise<Session> {
    const normalized = email.trim().toLowerCase();
    const invalid = new DomainError(SessionErrorCode.INVALID_CREDENTIALS, "E-mail or password is wrong.", ["password"]);
    await this.deps.guard.admit(normalized, address);
    const user = await this.em.findOne(User, { email: normalized }, { populate: ["passwordHash", "organization"] });
    // Without Redis only the database's delay is left (known accounts only).
    if (!this.deps.guard.available && user?.lockedUntil && user.lockedUntil > now)
      throw accountDelayed((user.lockedUntil.getTime() - now.getTime()) / 1000);
    const hashed = user?.passwordHash ?? (await dummyHash);
    const matches = await this.deps.guard.hash(() => verifyPassword(hashed, password));
    // A partner user of an inactive organisation is refused like an inactive user (its keys are too).
    if (!user || !user.active || !user.organization.active || !matches) {
      if (user) await this.recordFailure(user.id);
      throw invalid;
    }
    // Login bookkeeping is raw SQL so it never bumps the user's version: an administrator
    // editing the user must not get STALE_VERSION because they logged in.
    await this.em.execute(
      `update app_user set failed_logins = 0, locked_until = null, last_login_at = ? where id = ?`,
      [now, user.id],
    );
    await this.deps.guard.succeeded(normalized, address);
    if (branchId) await this.assertMember(this.em, user.id, branchId);
    const session = await this.issue(user, uuidv7(), now, branchId ?? null);
    await this.em.flush();
    return session;
  }

  /**
   * Counts the failure in one statement (30 parallel failures count 30) and records the
   * account's delay beside it, the copy used while Redis is away.
   */
  private async recordFailure(userId: string): Promise<void> {
    await this.em.execute(
      `update app_user set failed_logins = failed_logins + 1,
         locked_until = case when failed_logins + 1 >= ?
           then now() + make_interval(secs => least(? * power(2, failed_logins + 1 - ?), ?))
           else locked_until end
       where id = ?`,
      [
        this.config.LOGIN_FREE_ATTEMPTS,
        this.config.LOGIN_FIRST_DELAY_SECONDS,
        this.config.LOGIN_FREE_ATTEMPTS,
        this.config.LOGIN_MAX_DELAY_SECONDS,
        userId,
      ],
    );
  }

  /** Rotates the refresh token; presenting a used one revokes its whole family (token theft). */
  async refresh(token: string, now = new Date(), chooseBranchId?: string): Promise<Session> {
    const invalid = new DomainError(
      SessionErrorCode.INVALID_REFRESH_TOKEN,
      "Refresh token is invalid or expired; log in again.",
      ["refreshToken"],
    );
    const outcome = await this.em.transactional(async (tem) => {
      const em = tem as EntityManager;
      const row = await em.findOne(
        RefreshToken,
        { tokenHash: sha256(token) },
        { populate: ["user", "user.organization"], lockMode: 4 },
      );
      if (!row || row.revokedAt || row.expiresAt <= now || !row.user.active) return "invalid" as const;
      if (row.usedAt) {
        // Committed, not rolled back with the error: the family must stay revoked.
        await em.nativeUpdate(RefreshToken, { family: row.family, revokedAt: null }, { revokedAt: now });
        return { replayed: row.family };
      }
      // Choosing a branch (机构选择) rotates the token like a refresh, carrying the new choice.
      if (chooseBranchId) await this.assertMember(em, row.user.id, chooseBranchId);
      row.usedAt = now;
      return this.issueWith(em, row.user, row.family, now, chooseBranchId ?? row.branchId ?? null);
    });
    if (outcome === "invalid") throw invalid;
    if ("replayed" in outcome) {
      // A stolen token's session: its access tokens end too, not only its refresh tokens.
      await this.deps.sessions.endSessions([outcome.replayed]);
      throw invalid;
    }
    return outcome;
  }

  /** Ends the refresh token's session: its refresh tokens and the access tokens issued in it. */
  async logout(token: string, now = new Date()): Promise<void> {
    const row = await this.em.findOne(RefreshToken, { tokenHash: sha256(token) });
    if (!row) return;
    await this.em.nativeUpdate(RefreshToken, { family: row.family, revokedAt: null }, { revokedAt: now });
    await this.deps.sessions.endSessions([row.family]);
  }

  private issue(user: User, family: string, now: Date, branchId: string | null): Promise<Session> {
    return this.issueWith(this.em, user, family, now, branchId);
  }

  private async memberOf(em: EntityManager, userId: string): Promise<string[]> {
    const links = await em.find(UserBranch, { user: userId }, { orderBy: { branch: "ASC" } });
    return links.map((l) => l.branch.id);
  }

  private async assertMember(em: EntityManager, userId: string, branchId: string): Promise<void> {
    if (!(await this.memberOf(em, userId)).includes(branchId))
      throw new DomainError(SessionErrorCode.NOT_YOUR_BRANCH, "You do not work in this branch.", ["branchId"]);
  }

  private async issueWith(
    em: EntityManager,
    user: User,
    family: string,
    now: Date,
    chosen: string | null,
  ): Promise<Session> {
    const branchId = workingBranch(await this.memberOf(em, user.id), chosen);
    const refresh = randomSecret(32);
    em.persist(
      em.create(RefreshToken, {
        user,
        tokenHash: sha256(refresh),
        family,
        expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
        branchId: branchId ?? null,
      }),
    );
    const accessToken = await signAccessToken(
      this.config.JWT_SECRET,
      { sub: user.id, sid: family, org: user.organization.id, email: user.email, br: branchId ?? null },
      this.config.ACCESS_TOKEN_TTL_SECONDS,
    );
    return { accessToken, refreshToken: refresh, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, user, branchId };
  }
}
