import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { AppContext } from "../../platform/graphql/context.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Branch } from "../organization/branch.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { OrganizationPayload } from "../organization/organization.resolver.js";
import { User, UserBranch } from "../user/user.entity.js";
import { UserPayload } from "../user/user.resolver.js";
import { Case } from "../case/case.entity.js";
import { CasePayload } from "../case/case.resolver.js";
import {
  CreateBranchInput,
  MoveCaseToBranchInput,
  SetOrganizationBranchInput,
  SetUserBranchesInput,
  UpdateBranchInput,
} from "./branch.inputs.js";
import { BranchService } from "./branch.service.js";

export const BranchPayload = PayloadType("BranchPayload", "branch", Branch);

/** `branches`: every branch, by code (the compiled read path reads them in this order too). */
export const BRANCH_LIST_ORDER = { code: "ASC" } as const;

function service(em: EntityManager, ctx: AppContext): BranchService {
  return new BranchService(em, ctx.principal, ctx.requestId);
}

/** The branches a user works in, by code. */
export async function branchesOfUser(ctx: AppContext, userId: string): Promise<Branch[]> {
  const links = await ctx.loaders.children(UserBranch, "user").load(userId);
  const rows = await ctx.loaders.byId(Branch).loadMany(links.map((l) => refId(l.branch)!));
  return rows.filter((b): b is Branch => b instanceof Branch).sort((a, b) => a.code.localeCompare(b.code));
}

@Resolver(() => Branch)
export class BranchResolver {
  @Authorized()
  @Query(() => Branch, { nullable: true, description: "One branch by id." })
  branch(@Arg("id", () => ID, { description: "Branch id." }) id: string, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Branch).load(id);
  }

  @Authorized()
  @Query(() => [Branch], { description: "The operator's branches (分公司), by code." })
  branches(@Ctx() ctx: AppContext): Promise<Branch[]> {
    return ctx.em.find(Branch, {}, { orderBy: BRANCH_LIST_ORDER });
  }

  @Authorized("ADMIN")
  @Mutation(() => BranchPayload, { description: "Creates a branch (ADMIN)." })
  createBranch(@Arg("input", { description: "The branch." }) input: CreateBranchInput, @Ctx() ctx: AppContext) {
    return asPayload("branch", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createBranch",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => service(em, ctx).create(input),
        load: (em, id) => em.findOne(Branch, { id }),
      }),
    );
  }

  @Authorized("ADMIN")
  @Mutation(() => BranchPayload, { description: "Renames, re-regions or closes a branch (ADMIN)." })
  updateBranch(@Arg("input", { description: "The changes." }) input: UpdateBranchInput, @Ctx() ctx: AppContext) {
    return asPayload("branch", () => ctx.em.transactional((em) => service(em, ctx).update(input)));
  }

  @Authorized("ADMIN")
  @Mutation(() => UserPayload, {
    description: "Sets the branches a staff member works in (ADMIN); none makes them head office. Applies at once.",
  })
  setUserBranches(
    @Arg("input", { description: "User and branches." }) input: SetUserBranchesInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("user", async () => {
      const user = await ctx.em.transactional((em) => service(em, ctx).setUserBranches(input));
      await ctx.sessions.forget(user.id);
      return user;
    });
  }

  @Authorized("ADMIN")
  @Mutation(() => OrganizationPayload, {
    description: "Puts a partner under a branch's coverage (ADMIN): the cases it opens from then on land there.",
  })
  setOrganizationBranch(
    @Arg("input", { description: "Organisation and branch." }) input: SetOrganizationBranchInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("organization", () => ctx.em.transactional((em) => service(em, ctx).setOrganizationBranch(input)));
  }

  @Authorized("OPERATOR")
  @Mutation(() => CasePayload, {
    description:
      "Moves a case to another branch (head-office OPERATOR or ADMIN); its orders, visits, claims and documents follow.",
  })
  moveCaseToBranch(
    @Arg("input", { description: "Case and branch." }) input: MoveCaseToBranchInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("case", () => ctx.em.transactional((em) => service(em, ctx).moveCase(input)));
  }
}

@Resolver(() => User)
export class UserBranchesResolver {
  @FieldResolver(() => [Branch], { description: "Branches the user works in; empty for head office (every branch)." })
  branches(@Root() u: User, @Ctx() ctx: AppContext): Promise<Branch[]> {
    return branchesOfUser(ctx, u.id);
  }
}

@Resolver(() => Organization)
export class OrganizationBranchResolver {
  @FieldResolver(() => Branch, { nullable: true, description: "The branch whose coverage the partner is under." })
  branch(@Root() o: Organization, @Ctx() ctx: AppContext) {
    const id = refId(o.branch);
    return id ? ctx.loaders.byId(Branch).load(id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the covering branch." })
  branchId(@Root() o: Organization): string | null {
    return refId(o.branch);
  }
}

@Resolver(() => Case)
export class CaseBranchResolver {
  @FieldResolver(() => Branch, { nullable: true, description: "The branch the case is worked in; null: head office." })
  branch(@Root() c: Case, @Ctx() ctx: AppContext) {
    const id = refId(c.branch);
    return id ? ctx.loaders.byId(Branch).load(id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the case's branch." })
  branchId(@Root() c: Case): string | null {
    return refId(c.branch);
  }
}
