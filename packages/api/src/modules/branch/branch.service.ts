import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import { branchOf, type Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Branch } from "../organization/branch.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { User, UserBranch } from "../user/user.entity.js";
import { Case } from "../case/case.entity.js";
import { BranchErrorCode } from "./branch.errors.js";
import type { EntityType } from "../../platform/audit/entity-type.js";
import type {
  CreateBranchInput,
  MoveCaseToBranchInput,
  SetOrganizationBranchInput,
  SetUserBranchesInput,
  UpdateBranchInput,
} from "./branch.inputs.js";

const createSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,12}$/, "2–12 capital letters, digits or dashes"),
  name: rules.name,
  region: rules.text(100).nullish(),
});
const updateSchema = z.object({
  name: rules.name.nullish(),
  region: rules.text(100).nullish(),
  active: z.boolean().nullish(),
});

/** Branches, their members, the partners under their coverage and moving a case between them. */
export class BranchService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreateBranchInput): Promise<Branch> {
    const data = validate(createSchema, { code: input.code, name: input.name, region: input.region });
    if (await this.em.count(Branch, { code: data.code }))
      throw new DomainError(BranchErrorCode.BRANCH_CODE_TAKEN, "Another branch has this code.", ["code"]);
    const operator = this.principal.kind === "STAFF" ? this.principal.organizationId : null;
    if (!operator) throw new NotFoundError("Organization");
    const branch = this.em.create(Branch, {
      operator: this.em.getReference(Organization, operator),
      code: data.code,
      name: data.name,
      region: data.region ?? null,
    });
    this.audit("branch.create", "Branch", branch.id, { fields: Object.keys(data) });
    await this.em.flush();
    return branch;
  }

  async update(input: UpdateBranchInput): Promise<Branch> {
    const data = validate(updateSchema, { name: input.name, region: input.region, active: input.active });
    const branch = await this.em.findOne(Branch, { id: input.id });
    if (!branch) throw new NotFoundError("Branch");
    checkVersion(branch.version, input.expectedVersion);
    if (data.name) branch.name = data.name;
    if (data.region !== undefined) branch.region = data.region;
    if (data.active != null) branch.active = data.active;
    this.audit("branch.update", "Branch", branch.id, {
      fields: Object.keys(data).filter((k) => data[k as keyof typeof data] !== undefined),
    });
    await this.em.flush();
    return branch;
  }

  /** Replaces the user's branches; returns the user (its cached state must be forgotten after commit). */
  async setUserBranches(input: SetUserBranchesInput): Promise<User> {
    const user = await this.em.findOne(User, { id: input.userId });
    if (!user) throw new NotFoundError("User", ["userId"]);
    const ids = [...new Set(input.branchIds)];
    const branches = ids.length ? await this.em.find(Branch, { id: { $in: ids } }) : [];
    if (branches.length !== ids.length) throw new NotFoundError("Branch", ["branchIds"]);
    const closed = branches.find((b) => !b.active);
    if (closed)
      throw new DomainError(BranchErrorCode.BRANCH_INACTIVE, `Branch ${closed.code} is inactive.`, ["branchIds"]);
    await this.em.nativeDelete(UserBranch, { user: user.id });
    for (const branch of branches) this.em.persist(this.em.create(UserBranch, { user, branch }));
    this.audit("user.setBranches", "User", user.id, { branchIds: ids });
    await this.em.flush();
    return user;
  }

  async setOrganizationBranch(input: SetOrganizationBranchInput): Promise<Organization> {
    const org = await this.em.findOne(Organization, { id: input.organizationId });
    if (!org) throw new NotFoundError("Organization", ["organizationId"]);
    checkVersion(org.version, input.expectedVersion);
    if (org.kind === OrganizationKind.OPERATOR)
      throw new DomainError(BranchErrorCode.HEAD_OFFICE_ONLY, "The operator itself is not under a branch.", [
        "organizationId",
      ]);
    org.branch = input.branchId ? await this.activeBranch(input.branchId) : null;
    this.audit("organization.setBranch", "Organization", org.id, { branchId: input.branchId ?? null });
    await this.em.flush();
    return org;
  }

  /** Head office moves a case between branches; its orders, visits, claims and documents follow it. */
  async moveCase(input: MoveCaseToBranchInput): Promise<Case> {
    if (branchOf(this.principal) !== undefined)
      throw new DomainError(BranchErrorCode.HEAD_OFFICE_ONLY, "Only head office moves cases between branches.", [
        "branchId",
      ]);
    const kase = await this.em.findOne(Case, { id: input.caseId });
    if (!kase) throw new NotFoundError("Case", ["caseId"]);
    checkVersion(kase.version, input.expectedVersion);
    const from = kase.branch?.id ?? null;
    kase.branch = input.branchId ? await this.activeBranch(input.branchId) : null;
    this.audit("case.moveToBranch", "Case", kase.id, { from, to: input.branchId ?? null });
    await this.em.flush();
    return kase;
  }

  private async activeBranch(id: string): Promise<Branch> {
    const branch = await this.em.findOne(Branch, { id });
    if (!branch) throw new NotFoundError("Branch", ["branchId"]);
    if (!branch.active) throw new DomainError(BranchErrorCode.BRANCH_INACTIVE, "The branch is inactive.", ["branchId"]);
    return branch;
  }

  private audit(action: string, entityType: EntityType, entityId: string, changes: Record<string, unknown>): void {
    recordAudit(this.em, this.principal, this.requestId, { action, entityType, entityId, changes });
  }
}
