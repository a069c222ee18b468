import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { PartnerRole, Principal, StaffRole } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { assignDefined } from "../../platform/crud/row-helpers.js";
import { rules } from "../../platform/validation/validate.js";
import type { Organization } from "../organization/organization.entity.js";
import { User } from "./user.entity.js";
import { StaffUserErrorCode } from "./user.errors.js";

/**
 * What a staff member and a partner user have in common: the same login row (app_user),
 * so the same password rule, the same create and update steps and the same session ending.
 * Only the role list differs (staff `roles`, partner `partnerRoles`), and who may act.
 */
export const MIN_PASSWORD_LENGTH = 12;

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "is at most 200 characters");

/** A role list of one kind: at least one role, at most `max`. */
export const roleList = <T extends z.ZodType>(role: T, max: number) =>
  z.array(role).min(1, "needs at least one role").max(max);

/** The fields of a new account; the caller adds its role list (and anything else it needs). */
export const newAccountFields = {
  email: rules.email,
  name: rules.name,
  phone: rules.e164.nullish(),
  language: rules.language.nullish(),
  password,
};

/** The changes to an account, its role list of the caller's kind. */
export const accountChanges = <T extends z.ZodType>(roles: T) =>
  z.object({
    name: rules.name.nullish(),
    phone: rules.e164.nullish(),
    language: rules.language.nullish(),
    roles: roles.nullish(),
    password: password.nullish(),
    active: z.boolean().nullish(),
  });

interface NewAccount {
  email: string;
  name: string;
  phone?: string | null;
  language?: string | null;
  password: string;
}

interface AccountUpdate<R extends string> {
  name?: string | null;
  phone?: string | null;
  language?: string | null;
  roles?: R[] | null;
  password?: string | null;
  active?: boolean | null;
}

/** Which of the row's two role lists an account kind manages. */
type RoleColumn = "roles" | "partnerRoles";

/** The steps both user services share; each subclass decides who may act and on which rows. */
export abstract class AccountService {
  /** Sessions this service ended; the caller ends their access tokens once committed. */
  readonly endedSessions: string[] = [];

  constructor(
    protected readonly em: EntityManager,
    protected readonly principal: Principal,
    protected readonly requestId: string | null,
  ) {}

  /** A new, unflushed account: e-mail unique across every organisation, password hashed. */
  protected async newAccount(
    data: NewAccount,
    kind: { organization: Organization; roles?: StaffRole[]; partnerRoles?: PartnerRole[] },
  ): Promise<User> {
    const email = data.email.toLowerCase();
    // The SYSTEM-wide check, not the scoped one: a partner must not reuse an e-mail it cannot see.
    const taken = await this.em.execute(`select 1 from app_user where email = ?`, [email]);
    if (taken.length > 0)
      throw new DomainError(StaffUserErrorCode.EMAIL_TAKEN, "Another user has this e-mail.", ["email"]);
    return this.em.create(User, {
      email,
      name: data.name,
      phone: data.phone ?? null,
      language: data.language ?? "es",
      roles: [...new Set(kind.roles ?? [])],
      partnerRoles: [...new Set(kind.partnerRoles ?? [])],
      organization: kind.organization,
      passwordHash: await hashPassword(data.password),
    });
  }

  /**
   * Applies the changes, ends the sessions when the password, the roles or `active: false`
   * change (the console signs in again and sees the new roles), audits and flushes.
   */
  protected async changeAccount<R extends string>(
    user: User,
    data: AccountUpdate<R>,
    roleColumn: RoleColumn,
    action: string,
  ): Promise<User> {
    const { password: newPassword, roles: newRoles, ...plain } = data;
    const changed = assignDefined(user, plain);
    if (newRoles) {
      (user as unknown as Record<RoleColumn, R[]>)[roleColumn] = [...new Set(newRoles)];
      changed.push("roles");
    }
    if (newPassword) {
      user.passwordHash = await hashPassword(newPassword);
      user.failedLogins = 0;
      user.lockedUntil = null;
      changed.push("password");
    }
    if (newPassword || newRoles || data.active === false) await this.endSessions(user);
    this.audit(action, user, { fields: changed, ...(newRoles ? { roles: user[roleColumn] } : {}) });
    await this.em.flush();
    return user;
  }

  protected async endSessions(user: User): Promise<void> {
    const rows = await this.em.execute<{ family: string }[]>(
      `update refresh_token set revoked_at = now() where user_id = ? and revoked_at is null returning family`,
      [user.id],
    );
    this.endedSessions.push(...rows.map((r) => r.family));
  }

  protected audit(action: string, user: User, changes: Record<string, unknown>): void {
    recordAudit(this.em, this.principal, this.requestId, { action, entityType: "User", entityId: user.id, changes });
  }
}
