import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { User, VisitorHospital } from "./user.entity.js";
import { StaffRoleEnum } from "./staff-role.enum.js";
import { actingOrganizationId, assignDefined } from "../../platform/crud/row-helpers.js";
import type { CreateUserInput, DeactivateUserInput, UpdateUserInput, VisitorHospitalInput } from "./user.inputs.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { StaffUserErrorCode } from "./user.errors.js";

export const MIN_PASSWORD_LENGTH = 12;

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "is at most 200 characters");
const roles = z.array(z.enum(StaffRoleEnum)).min(1, "needs at least one role").max(5);

const createSchema = z.object({
  email: rules.email,
  name: rules.name,
  phone: rules.e164.nullish(),
  language: rules.language.nullish(),
  roles,
  password,
  hospitalIds: z.array(rules.uuid).max(100).nullish(),
});

const updateSchema = z.object({
  name: rules.name.nullish(),
  phone: rules.e164.nullish(),
  language: rules.language.nullish(),
  roles: roles.nullish(),
  password: password.nullish(),
  active: z.boolean().nullish(),
});

export class UserService {
  /** Sessions this service ended; the caller ends their access tokens once committed. */
  readonly endedSessions: string[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreateUserInput): Promise<User> {
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    const email = data.email.toLowerCase();
    if (await this.em.findOne(User, { email }))
      throw new DomainError(StaffUserErrorCode.EMAIL_TAKEN, "Another user has this e-mail.", ["email"]);
    const user = this.em.create(User, {
      email,
      name: data.name,
      phone: data.phone ?? null,
      language: data.language ?? "es",
      roles: [...new Set(data.roles)],
      organization: this.em.getReference(Organization, actingOrganizationId(this.principal)),
      passwordHash: await hashPassword(data.password),
    });
    for (const id of new Set(data.hospitalIds ?? [])) await this.link(user, id, ["hospitalIds"]);
    // Never the password, not even its hash.
    this.audit("user.create", user, { fields: Object.keys(data).filter((k) => k !== "password"), roles: user.roles });
    await this.em.flush();
    return user;
  }

  async update(input: UpdateUserInput): Promise<User> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const user = await this.load(id, expectedVersion);
    const { password: newPassword, roles: newRoles, ...plain } = data;
    const changed = assignDefined(user, plain);
    if (newRoles) {
      user.roles = [...new Set(newRoles)];
      changed.push("roles");
    }
    if (newPassword) {
      user.passwordHash = await hashPassword(newPassword);
      user.failedLogins = 0;
      user.lockedUntil = null;
      changed.push("password");
    }
    // A role change ends the sessions too: the console signs in again and sees the new roles.
    if (newPassword || newRoles || data.active === false) await this.endSessions(user);
    this.audit("user.update", user, { fields: changed, ...(newRoles ? { roles: user.roles } : {}) });
    await this.em.flush();
    return user;
  }

  async deactivate(input: DeactivateUserInput): Promise<User> {
    const user = await this.load(input.id, input.expectedVersion);
    if (this.principal.kind === "STAFF" && this.principal.userId === user.id)
      throw new DomainError(StaffUserErrorCode.CANNOT_DEACTIVATE_SELF, "You cannot deactivate yourself.", ["id"]);
    user.active = false;
    await this.endSessions(user);
    this.audit("user.deactivate", user, { fields: ["active"] });
    await this.em.flush();
    return user;
  }

  async addVisitorHospital(input: VisitorHospitalInput): Promise<User> {
    const user = await this.load(input.userId);
    const created = await this.link(user, input.hospitalId, ["hospitalId"]);
    if (created) this.audit("user.addVisitorHospital", user, { hospitalId: input.hospitalId });
    await this.em.flush();
    return user;
  }

  async removeVisitorHospital(input: VisitorHospitalInput): Promise<User> {
    const user = await this.load(input.userId);
    const link = await this.em.findOne(VisitorHospital, { visitor: user, hospital: input.hospitalId });
    if (!link) throw new NotFoundError("VisitorHospital", ["hospitalId"]);
    this.em.remove(link);
    this.audit("user.removeVisitorHospital", user, { hospitalId: input.hospitalId });
    await this.em.flush();
    return user;
  }

  /** Returns false when the visitor already covers the hospital. */
  private async link(user: User, hospitalId: string, field: string[]): Promise<boolean> {
    if (!user.roles.includes("VISITOR"))
      throw new DomainError(
        StaffUserErrorCode.NOT_A_VISITOR,
        "Only users with the VISITOR role cover hospitals.",
        field,
      );
    const hospital = await this.em.findOne(Organization, { id: hospitalId });
    if (!hospital) throw new NotFoundError("Organization", field);
    if (hospital.kind !== OrganizationKind.HOSPITAL)
      throw new DomainError(OrganizationErrorCode.NOT_A_HOSPITAL, "The organisation is not a hospital.", field);
    if (await this.em.findOne(VisitorHospital, { visitor: user, hospital })) return false;
    this.em.persist(this.em.create(VisitorHospital, { visitor: user, hospital }));
    return true;
  }

  private async endSessions(user: User): Promise<void> {
    const rows = await this.em.execute<{ family: string }[]>(
      `update refresh_token set revoked_at = now() where user_id = ? and revoked_at is null returning family`,
      [user.id],
    );
    this.endedSessions.push(...rows.map((r) => r.family));
  }

  private async load(id: string, expectedVersion?: number): Promise<User> {
    const user = await this.em.findOne(User, { id });
    if (!user) throw new NotFoundError("User", ["id"]);
    if (expectedVersion !== undefined) checkVersion(user.version, expectedVersion);
    return user;
  }

  private audit(action: string, user: User, changes: Record<string, unknown>): void {
    recordAudit(this.em, this.principal, this.requestId, { action, entityType: "User", entityId: user.id, changes });
  }
}
