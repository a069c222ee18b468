import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { AppContext } from "../../platform/graphql/context.js";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM, type PartnerKind, type Principal } from "../../platform/auth/principal.js";
import { toUserError } from "../../platform/graphql/payload.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { User } from "../user/user.entity.js";
import { Branch } from "../organization/branch.entity.js";
import { UserBranch } from "../user/user.entity.js";
import { refId } from "../../platform/graphql/loaders.js";
import { SessionService, type Session } from "./session.service.js";
import {
  ChooseBranchInput,
  LoginInput,
  LoginPayload,
  LogoutInput,
  LogoutPayload,
  RefreshTokenInput,
  Viewer,
} from "./session.types.js";

/**
 * Whom a login or branch choice is recorded as: the staff member, or a partner's user as the
 * partner principal it becomes (the audit says PARTNER_USER, its id and organisation).
 */
function principalOfUser(user: User): Principal {
  const org = user.organization;
  if (org.kind !== OrganizationKind.OPERATOR)
    return {
      kind: "PARTNER",
      organizationId: org.id,
      organizationKind: org.kind as PartnerKind,
      userId: user.id,
      partnerRoles: user.partnerRoles,
      scopes: ["read", "write"],
    };
  return { kind: "STAFF", userId: user.id, organizationId: org.id, roles: user.roles, email: user.email };
}

const FAILED = { accessToken: null, refreshToken: null, expiresIn: null, user: null, branch: null, branches: [] };
const NO_BRANCH = { branch: null, branches: [], branchChoiceRequired: false };

/**
 * The answer of login, refresh and chooseBranch: the tokens and the branch they work in,
 * read with `em` (SYSTEM: the caller is not signed in yet).
 */
async function answer(em: EntityManager, s: Session): Promise<LoginPayload> {
  const branch = s.branchId ? await em.findOne(Branch, { id: s.branchId }) : null;
  const links = await em.find(UserBranch, { user: s.user.id }, { populate: ["branch"] });
  const branches = links.map((l) => l.branch).sort((a, b) => a.code.localeCompare(b.code));
  return { ...s, branch, branches, branchChoiceRequired: s.branchId === null, userErrors: [] };
}

@Resolver()
export class SessionResolver {
  @Query(() => Viewer, { description: "The current principal." })
  async viewer(@Ctx() ctx: AppContext): Promise<Viewer> {
    const p = ctx.principal;
    if (p.kind === "STAFF") {
      const user = await ctx.loaders.byId(User).load(p.userId);
      const organization = await ctx.loaders.byId(Organization).load(p.organizationId);
      const links = await ctx.loaders.children(UserBranch, "user").load(p.userId);
      const branches = (await ctx.loaders.byId(Branch).loadMany(links.map((l) => refId(l.branch)!)))
        .filter((b): b is Branch => b instanceof Branch)
        .sort((a, b) => a.code.localeCompare(b.code));
      const branch = p.branchId ? await ctx.loaders.byId(Branch).load(p.branchId) : null;
      return {
        kind: p.kind,
        user,
        organization,
        roles: p.roles,
        partnerRoles: [],
        scopes: [],
        branch,
        branches,
        branchChoiceRequired: p.branchId === null,
      };
    }
    if (p.kind === "PARTNER") {
      const organization = await ctx.loaders.byId(Organization).load(p.organizationId);
      const user = p.userId ? await ctx.loaders.byId(User).load(p.userId) : null;
      return {
        kind: p.kind,
        user,
        organization,
        roles: [p.organizationKind],
        partnerRoles: p.partnerRoles ?? [],
        scopes: p.scopes,
        ...NO_BRANCH,
      };
    }
    return { kind: p.kind, user: null, organization: null, roles: [], partnerRoles: [], scopes: [], ...NO_BRANCH };
  }

  @Mutation(() => LoginPayload, {
    description: "Login for staff and partner users: returns an access token and a refresh token.",
  })
  async login(
    @Arg("input", { description: "Credentials." }) input: LoginInput,
    @Ctx() ctx: AppContext,
  ): Promise<LoginPayload> {
    const em = forkFor(ctx.orm, SYSTEM);
    try {
      const s = await new SessionService(em, ctx.config, ctx).login(
        input.email,
        input.password,
        ctx.requestIp,
        new Date(),
        input.branchId,
      );
      recordAudit(em, principalOfUser(s.user), ctx.requestId, {
        action: "session.login",
        entityType: "User",
        entityId: s.user.id,
      });
      await em.flush();
      return await answer(em, s);
    } catch (err) {
      const ue = toUserError(err);
      if (!ue) throw err;
      return { ...FAILED, branchChoiceRequired: false, userErrors: [ue] };
    }
  }

  @Mutation(() => LoginPayload, { description: "Exchanges a refresh token for new tokens (rotation)." })
  async refreshToken(
    @Arg("input", { description: "The refresh token." }) input: RefreshTokenInput,
    @Ctx() ctx: AppContext,
  ): Promise<LoginPayload> {
    const em = forkFor(ctx.orm, SYSTEM);
    try {
      const s = await new SessionService(em, ctx.config, ctx).refresh(input.refreshToken);
      return await answer(em, s);
    } catch (err) {
      const ue = toUserError(err);
      if (!ue) throw err;
      return { ...FAILED, branchChoiceRequired: false, userErrors: [ue] };
    }
  }

  @Mutation(() => LoginPayload, {
    description:
      "Chooses the branch a member of several branches works in (机构选择): rotates the refresh token and answers new tokens for that branch.",
  })
  async chooseBranch(
    @Arg("input", { description: "The session's refresh token and the branch." }) input: ChooseBranchInput,
    @Ctx() ctx: AppContext,
  ): Promise<LoginPayload> {
    const em = forkFor(ctx.orm, SYSTEM);
    try {
      const s = await new SessionService(em, ctx.config, ctx).refresh(input.refreshToken, new Date(), input.branchId);
      recordAudit(em, principalOfUser(s.user), ctx.requestId, {
        action: "session.chooseBranch",
        entityType: "User",
        entityId: s.user.id,
        changes: { branchId: input.branchId },
      });
      await em.flush();
      return await answer(em, s);
    } catch (err) {
      const ue = toUserError(err);
      if (!ue) throw err;
      return { ...FAILED, branchChoiceRequired: false, userErrors: [ue] };
    }
  }

  @Mutation(() => LogoutPayload, {
    description: "Ends a session: its refresh token, the token's rotation family and the access tokens issued in it.",
  })
  async logout(
    @Arg("input", { description: "The refresh token to revoke." }) input: LogoutInput,
    @Ctx() ctx: AppContext,
  ): Promise<LogoutPayload> {
    await new SessionService(forkFor(ctx.orm, SYSTEM), ctx.config, ctx).logout(input.refreshToken);
    return { ok: true, userErrors: [] };
  }
}
