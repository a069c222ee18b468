import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { forbidden } from "../../platform/auth/auth-checker.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { assignDefined } from "../../platform/crud/row-helpers.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { User } from "./user.entity.js";
import { PartnerRoleEnum } from "./partner-role.enum.js";
import { StaffUserErrorCode } from "./user.errors.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { MIN_PASSWORD_LENGTH } from "./user.service.js";
import type { CreatePartnerUserInput, UpdatePartnerUserInput } from "./partner-user.inputs.js";

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "is at most 200 characters");
const roles = z.array(z.enum(PartnerRoleEnum)).min(1, "needs at least one role").max(2);

const createSchema = z.object({
  organizationId: rules.uuid.nullish(),
  email: rules.email,
  name: rules.name,
  phone: rules.e164.nullish(),
  language: rules.language.nullish(),
  roles,
  password,
});

const updateSchema = z.object({
  name: rules.name.nullish(),
  phone: rules.e164.nullish(),
  language: rules.language.nullish(),
  roles: roles.nullish(),
  password: password.nullish(),
  active: z.boolean().nullish(),
});

/**
 * A partner organisation's own users. The operator's ADMIN manages those of any partner; a
 * partner manages its own: through its API key (which already manages its keys) or a user
 * with PARTNER_ADMIN. Rows come through the User scope, so another organisation's user
 * answers NOT_FOUND, as a missing one does.
 */
export class PartnerUserService {
  readonly endedSessions: string[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreatePartnerUserInput): Promise<User> {
    this.assertManager();
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    const organization = await this.targetOrganization(data.organizationId);
    const email = data.email.toLowerCase();
    // The e-mail is unique across every organisation: the SYSTEM-wide check, not the scoped one.
    const taken = await this.em.execute(`select 1 from app_user where email = ?`, [email]);
    if (taken.length > 0)
      throw new DomainError(StaffUserErrorCode.EMAIL_TAKEN, "Another user has this e-mail.", ["email"]);
    const user = this.em.create(User, {
      email,
      name: data.name,
      phone: data.phone ?? null,
      language: data.language ?? "es",
      roles: [],
      partnerRoles: [...new Set(data.roles)],
      organization,
      passwordHash: await hashPassword(data.password),
    });
    this.audit("partnerUser.create", user, {
      organizationId: organization.id,
      fields: Object.keys(data).filter((k) => k !== "password"),
      roles: user.partnerRoles,
    });
    await this.em.flush();
    return user;
  }

  async update(input: UpdatePartnerUserInput): Promise<User> {
    this.assertManager();
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const user = await this.em.findOne(User, { id }, { populate: ["organization"] });
    if (!user) throw new NotFoundError("User", ["id"]);
    if (user.organization.kind === OrganizationKind.OPERATOR)
      throw new DomainError(StaffUserErrorCode.NOT_A_PARTNER_USER, "This user is operator staff.", ["id"]);
    checkVersion(user.version, expectedVersion);
    const self = this.principal.kind === "PARTNER" && this.principal.userId === user.id;
    if (self && data.active === false)
      throw new DomainError(StaffUserErrorCode.CANNOT_DEACTIVATE_SELF, "You cannot deactivate yourself.", ["active"]);
    const { password: newPassword, roles: newRoles, ...plain } = data;
    const changed = assignDefined(user, plain);
    if (newRoles) {
      user.partnerRoles = [...new Set(newRoles)];
      changed.push("roles");
    }
    if (newPassword) {
      user.passwordHash = await hashPassword(newPassword);
      user.failedLogins = 0;
      user.lockedUntil = null;
      changed.push("password");
    }
    if (newPassword || newRoles || data.active === false) await this.endSessions(user);
    this.audit("partnerUser.update", user, { fields: changed, ...(newRoles ? { roles: user.partnerRoles } : {}) });
    await this.em.flush();
    return user;
  }

  /** ADMIN staff (the resolver's check), a partner's key, or a partner user with PARTNER_ADMIN. */
  private assertManager(): void {
    const p = this.principal;
    if (p.kind === "PARTNER" && p.userId && !p.partnerRoles?.includes("PARTNER_ADMIN"))
      throw forbidden("Only a PARTNER_ADMIN manages the organisation's users.");
  }

  private async targetOrganization(requested: string | null | undefined): Promise<Organization> {
    const p = this.principal;
    const id = p.kind === "PARTNER" ? (requested ?? p.organizationId) : requested;
    // Another organisation answers like a missing one: its existence is not a partner's to learn.
    if (p.kind === "PARTNER" && id !== p.organizationId) throw new NotFoundError("Organization", ["organizationId"]);
    if (!id)
      throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "organizationId: is required", ["organizationId"]);
    const org = await this.em.findOne(Organization, { id });
    if (!org) throw new NotFoundError("Organization", ["organizationId"]);
    if (org.kind === OrganizationKind.OPERATOR)
      throw new DomainError(OrganizationErrorCode.NOT_A_PARTNER, "Operator staff are created with createUser.", [
        "organizationId",
      ]);
    return org;
  }

  private async endSessions(user: User): Promise<void> {
    const rows = await this.em.execute<{ family: string }[]>(
      `update refresh_token set revoked_at = now() where user_id = ? and revoked_at is null returning family`,
      [user.id],
    );
    this.endedSessions.push(...rows.map((r) => r.family));
  }

  private audit(action: string, user: User, changes: Record<string, unknown>): void {
    recordAudit(this.em, this.principal, this.requestId, { action, entityType: "User", entityId: user.id, changes });
  }
}
