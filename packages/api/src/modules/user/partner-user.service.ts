import { z } from "zod";
import { forbidden } from "../../platform/auth/auth-checker.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { User } from "./user.entity.js";
import { PartnerRoleEnum } from "./partner-role.enum.js";
import { StaffUserErrorCode } from "./user.errors.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { AccountService, accountChanges, newAccountFields, roleList } from "./user-account.js";
import type { CreatePartnerUserInput, UpdatePartnerUserInput } from "./partner-user.inputs.js";

const roles = roleList(z.enum(PartnerRoleEnum), 2);
const createSchema = z.object({ organizationId: rules.uuid.nullish(), ...newAccountFields, roles });
const updateSchema = accountChanges(roles);

/**
 * A partner organisation's own users. The operator's ADMIN manages those of any partner; a
 * partner manages its own: through its API key (which already manages its keys) or a user
 * with PARTNER_ADMIN. Rows come through the User scope, so another organisation's user
 * answers NOT_FOUND, as a missing one does.
 */
export class PartnerUserService extends AccountService {
  async create(input: CreatePartnerUserInput): Promise<User> {
    this.assertManager();
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    const organization = await this.targetOrganization(data.organizationId);
    const user = await this.newAccount(data, { organization, partnerRoles: data.roles });
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
    return this.changeAccount(user, data, "partnerRoles", "partnerUser.update");
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
}
