import type { EntityManager } from "@mikro-orm/postgresql";
import { v7 as uuidv7 } from "uuid";
import type { Config } from "../../config.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords.js";
import { randomSecret, sha256, signAccessToken } from "../../platform/auth/tokens.js";
import { RefreshToken, User } from "../user/user.entity.js";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

// A constant hash to verify against when the user does not exist, so response time does
// not reveal which e-mails have accounts.
let dummyHash: Promise<string> | null = null;

/** Login, refresh and logout; `em` is a SYSTEM-scoped fork (there is no principal yet). */
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
  ) {}

  async login(email: string, password: string, now = new Date()): Promise<Session> {
    const user = await this.em.findOne(User, { email: email.trim().toLowerCase() }, { populate: ["passwordHash"] });
    const invalid = new DomainError("INVALID_CREDENTIALS", "E-mail or password is wrong.", ["password"]);
    if (!user) {
      dummyHash ??= hashPassword("not-a-real-password");
      await verifyPassword(await dummyHash, password);
      throw invalid;
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new DomainError(
        "ACCOUNT_LOCKED",
        `Too many failed attempts; try again after ${user.lockedUntil.toISOString()}.`,
        ["email"],
      );
    }
    if (!user.active) throw invalid;
    // Login bookkeeping goes through nativeUpdate so it never bumps the user's version:
    // an administrator editing the user must not get STALE_VERSION because they logged in.
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failed = user.failedLogins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await this.em.nativeUpdate(
        User,
        { id: user.id },
        lock
          ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
          : { failedLogins: failed },
      );
      throw invalid;
    }
    await this.em.nativeUpdate(User, { id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    const session = await this.issue(user, uuidv7(), now);
    await this.em.flush();
    return session;
  }

  /** Rotates the refresh token; presenting a used one revokes its whole family (token theft). */
  async refresh(token: string, now = new Date()): Promise<Session> {
    const invalid = new DomainError("INVALID_REFRESH_TOKEN", "Refresh token is invalid or expired; log in again.", [
      "refreshToken",
    ]);
    const outcome = await this.em.transactional(async (tem) => {
      const em = tem as EntityManager;
      const row = await em.findOne(RefreshToken, { tokenHash: sha256(token) }, { populate: ["user"], lockMode: 4 });
      if (!row || row.revokedAt || row.expiresAt <= now || !row.user.active) return "invalid" as const;
      if (row.usedAt) {
        // Committed, not rolled back with the error: the family must stay revoked.
        await em.nativeUpdate(RefreshToken, { family: row.family, revokedAt: null }, { revokedAt: now });
        return "invalid" as const;
      }
      row.usedAt = now;
      return this.issueWith(em, row.user, row.family, now);
    });
    if (outcome === "invalid") throw invalid;
    return outcome;
  }

  async logout(token: string, now = new Date()): Promise<void> {
    const row = await this.em.findOne(RefreshToken, { tokenHash: sha256(token) });
    if (row) await this.em.nativeUpdate(RefreshToken, { family: row.family, revokedAt: null }, { revokedAt: now });
  }

  private issue(user: User, family: string, now: Date): Promise<Session> {
    return this.issueWith(this.em, user, family, now);
  }

  private async issueWith(em: EntityManager, user: User, family: string, now: Date): Promise<Session> {
    const refresh = randomSecret(32);
    em.persist(
      em.create(RefreshToken, {
        user,
        tokenHash: sha256(refresh),
        family,
        expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      }),
    );
    const accessToken = await signAccessToken(
      this.config.JWT_SECRET,
      { sub: user.id, org: user.organization.id, roles: user.roles, email: user.email },
      this.config.ACCESS_TOKEN_TTL_SECONDS,
    );
    return { accessToken, refreshToken: refresh, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, user };
  }
}
