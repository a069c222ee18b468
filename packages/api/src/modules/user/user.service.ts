import { z } from "zod";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { User, VisitorHospital } from "./user.entity.js";
import { StaffRoleEnum } from "./staff-role.enum.js";
import { actingOrganizationId } from "../../platform/crud/row-helpers.js";
import type { CreateUserInput, DeactivateUserInput, UpdateUserInput, VisitorHospitalInput } from "./user.inputs.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { StaffUserErrorCode } from "./user.errors.js";
import { AccountService, accountChanges, newAccountFields, roleList } from "./user-account.js";

export { MIN_PASSWORD_LENGTH } from "./user-account.js";

const roles = roleList(z.enum(StaffRoleEnum), 5);
const createSchema = z.object({ ...newAccountFields, roles, hospitalIds: z.array(rules.uuid).max(100).nullish() });
const updateSchema = accountChanges(roles);

/** The operator's staff (ADMIN); partner users are PartnerUserService's. */
export class UserService extends AccountService {
  async create(input: CreateUserInput): Promise<User> {
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    const user = await this.newAccount(data, {
      organization: this.em.getReference(Organization, actingOrganizationId(this.principal)),
      roles: data.roles,
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
    // Staff roles on a partner's user would open the operator's rows to it.
    if (data.roles && user.organization.kind !== OrganizationKind.OPERATOR)
      throw new DomainError(
        StaffUserErrorCode.NOT_A_STAFF_USER,
        "This user belongs to a partner organisation: it takes partner roles (updatePartnerUser), not staff roles.",
        ["roles"],
      );
    return this.changeAccount(user, data, "roles", "user.update");
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

  private async load(id: string, expectedVersion?: number): Promise<User> {
    const user = await this.em.findOne(User, { id }, { populate: ["organization"] });
    if (!user) throw new NotFoundError("User", ["id"]);
    if (expectedVersion !== undefined) checkVersion(user.version, expectedVersion);
    return user;
  }
}
