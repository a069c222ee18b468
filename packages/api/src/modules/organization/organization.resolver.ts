import { likePattern } from "../../platform/crud/row-helpers.js";
import { ApiKeyCache, forgetOrganizationKeys } from "../../platform/auth/api-key-cache.js";
import { authKeyspace } from "../../platform/auth/keyspace.js";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { WorkCalendar } from "../work-calendar/work-calendar.entity.js";
import { Organization } from "./organization.entity.js";
import {
  CreateOrganizationInput,
  OrganizationFilter,
  OrganizationOrder,
  OrganizationSortField,
  UpdateOrganizationInput,
} from "./organization.inputs.js";
import { OrganizationService } from "./organization.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

export const OrganizationConnection = ConnectionType(Organization, "Organization");
export const OrganizationPayload = PayloadType("OrganizationPayload", "organization", Organization);

export function organizationWhere(filter?: OrganizationFilter | null): FilterQuery<Organization> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.ids) where.id = idsCondition(filter.ids)?.id;
  if (filter.kind?.length) where.kind = { $in: filter.kind };
  if (filter.active != null) where.active = filter.active;
  if (filter.region) where.region = filter.region;
  // under $and: the search below has its own $or
  if (filter.specialty)
    where.$and = [{ $or: [{ specialties: { $contains: [filter.specialty] } }, { specialties: { $eq: [] } }] }];
  if (filter.search) {
    const like = likePattern(filter.search);
    where.$or = [{ name: { $ilike: like } }, { taxId: { $ilike: like } }];
  }
  return where;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Authorized()
  @Query(() => Organization, { nullable: true, description: "One organisation by id." })
  organization(
    @Arg("id", () => ID, { description: "Organisation id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<Organization | null> {
    return ctx.loaders.byId(Organization).load(id);
  }

  @Authorized()
  @Query(() => OrganizationConnection, { description: "Organisations: the operator and its partners." })
  organizations(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => OrganizationFilter, { nullable: true, description: "Filters." })
    filter: OrganizationFilter | null,
    @Arg("orderBy", () => OrganizationOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof OrganizationOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, Organization, {
      where: () => organizationWhere(filter),
      sortField: orderBy?.field ?? OrganizationSortField.NAME,
      direction: orderBy?.direction ?? SortDirection.ASC,
      args,
    });
  }

  @FieldResolver(() => WorkCalendar, { nullable: true, description: "The organisation's work calendar." })
  workCalendar(@Root() org: Organization, @Ctx() ctx: AppContext): Promise<WorkCalendar | null> | null {
    const id = refId(org.workCalendar);
    return id ? ctx.loaders.byId(WorkCalendar).load(id) : null;
  }

  @Authorized("ADMIN")
  @Mutation(() => OrganizationPayload, { description: "Creates an organisation (ADMIN)." })
  createOrganization(
    @Arg("input", { description: "The new organisation." }) input: CreateOrganizationInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("organization", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createOrganization",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new OrganizationService(em, ctx.principal, ctx.requestId).create(input),
        load: (em, id) => em.findOne(Organization, { id }),
      }),
    );
  }

  @Authorized("ADMIN")
  @Mutation(() => OrganizationPayload, { description: "Updates an organisation (ADMIN)." })
  updateOrganization(
    @Arg("input", { description: "The changes." }) input: UpdateOrganizationInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("organization", async () => {
      const organization = await ctx.em.transactional((em) =>
        new OrganizationService(em, ctx.principal, ctx.requestId).update(input),
      );
      // Its keys' cached rows carry its kind and active flag (platform/auth/api-key-cache.ts).
      const cache = new ApiKeyCache(ctx.redis, authKeyspace(ctx.config.DATABASE_URL));
      await forgetOrganizationKeys(cache, ctx.em, organization.id);
      return organization;
    });
  }
}
