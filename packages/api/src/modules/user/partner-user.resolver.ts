import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { raw, type FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import { User } from "./user.entity.js";
import { UserConnection, UserPayload } from "./user.resolver.js";
import { UserOrder, UserSortField } from "./user.inputs.js";
import { CreatePartnerUserInput, PartnerUserFilter, UpdatePartnerUserInput } from "./partner-user.inputs.js";
import { PartnerUserService } from "./partner-user.service.js";

export function partnerUserWhere(filter: PartnerUserFilter | null): FilterQuery<User> {
  // Partner users are the users of non-operator organisations; the User scope keeps a partner to its own.
  const where: Record<string, unknown> = {
    [raw((a: string) => `${a}.organization_id in (select o.id from organization o where o.kind <> 'OPERATOR')`)]: [],
  };
  if (filter?.organizationId) where.organization = filter.organizationId;
  if (filter?.active != null) where.active = filter.active;
  if (filter?.search) {
    const like = likePattern(filter.search);
    where.$or = [{ name: { $ilike: like } }, { email: { $ilike: like } }];
  }
  return where;
}

@Resolver(() => User)
export class PartnerUserResolver {
  @Authorized("ADMIN", "PARTNER")
  @Query(() => UserConnection, {
    description:
      "Partner organisations' own users (console logins): a partner reads its own, the operator's ADMIN any.",
  })
  partnerUsers(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => PartnerUserFilter, { nullable: true, description: "Filters." })
    filter: PartnerUserFilter | null,
    @Arg("orderBy", () => UserOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof UserOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, User, {
      where: () => partnerUserWhere(filter),
      sortField: orderBy?.field ?? UserSortField.NAME,
      direction: orderBy?.direction ?? SortDirection.ASC,
      args,
    });
  }

  @Authorized("ADMIN", "PARTNER")
  @Mutation(() => UserPayload, {
    description:
      "Creates a partner organisation's user (ADMIN for any partner; a partner's key or PARTNER_ADMIN for its own).",
  })
  createPartnerUser(@Arg("input", { description: "The user." }) input: CreatePartnerUserInput, @Ctx() ctx: AppContext) {
    return asPayload("user", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createPartnerUser",
        key: input.idempotencyKey,
        input: { ...input, password: undefined, idempotencyKey: undefined },
        create: (em) => new PartnerUserService(em, ctx.principal, ctx.requestId).create(input),
        load: (em, id) => em.findOne(User, { id }),
      }),
    );
  }

  @Authorized("ADMIN", "PARTNER")
  @Mutation(() => UserPayload, {
    description: "Updates a partner user: details, roles, password, active (false ends its sessions).",
  })
  updatePartnerUser(
    @Arg("input", { description: "The changes." }) input: UpdatePartnerUserInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("user", async () => {
      const used: PartnerUserService[] = [];
      const user = await ctx.em.transactional((em) => {
        used.push(new PartnerUserService(em, ctx.principal, ctx.requestId));
        return used[used.length - 1]!.update(input);
      });
      await ctx.sessions.forget(user.id);
      await ctx.sessions.endSessions(used.flatMap((s) => s.endedSessions));
      return user;
    });
  }
}
