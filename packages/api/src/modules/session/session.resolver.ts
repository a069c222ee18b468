import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM } from "../../platform/auth/principal.js";
import { toUserError } from "../../platform/graphql/payload.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Organization } from "../organization/organization.entity.js";
import { User } from "../user/user.entity.js";
import { SessionService } from "./session.service.js";
import { LoginInput, LoginPayload, LogoutInput, LogoutPayload, RefreshTokenInput, Viewer } from "./session.types.js";

@Resolver()
export class SessionResolver {
  @Query(() => Viewer, { description: "The current principal." })
  async viewer(@Ctx() ctx: AppContext): Promise<Viewer> {
    const p = ctx.principal;
    if (p.kind === "STAFF") {
      const user = await ctx.loaders.byId(User).load(p.userId);
      const organization = await ctx.loaders.byId(Organization).load(p.organizationId);
      return { kind: p.kind, user, organization, roles: p.roles, scopes: [] };
    }
    if (p.kind === "PARTNER") {
      const organization = await ctx.loaders.byId(Organization).load(p.organizationId);
      return { kind: p.kind, user: null, organization, roles: [p.organizationKind], scopes: p.scopes };
    }
    return { kind: p.kind, user: null, organization: null, roles: [], scopes: [] };
  }

  @Mutation(() => LoginPayload, { description: "Staff login: returns an access token and a refresh token." })
  async login(
    @Arg("input", { description: "Credentials." }) input: LoginInput,
    @Ctx() ctx: AppContext,
  ): Promise<LoginPayload> {
    const em = forkFor(ctx.orm, SYSTEM);
    try {
      const s = await new SessionService(em, ctx.config, ctx).login(input.email, input.password, ctx.requestIp);
      recordAudit(
        em,
        {
          kind: "STAFF",
          userId: s.user.id,
          organizationId: s.user.organization.id,
          roles: s.user.roles,
          email: s.user.email,
        },
        ctx.requestId,
        {
          action: "session.login",
          entityType: "User",
          entityId: s.user.id,
        },
      );
      await em.flush();
      return { ...s, userErrors: [] };
    } catch (err) {
      const ue = toUserError(err);
      if (!ue) throw err;
      return { accessToken: null, refreshToken: null, expiresIn: null, user: null, userErrors: [ue] };
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
      return { ...s, userErrors: [] };
    } catch (err) {
      const ue = toUserError(err);
      if (!ue) throw err;
      return { accessToken: null, refreshToken: null, expiresIn: null, user: null, userErrors: [ue] };
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
