import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { ServiceCode } from "./service-code.entity.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import {
  CreateServiceCodeInput,
  ServiceCodeFilter,
  ServiceCodeOrder,
  ServiceCodeSortField,
  UpdateServiceCodeInput,
} from "./service-code.inputs.js";
import { ServiceCodeService } from "./service-code.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

export const ServiceCodeConnection = ConnectionType(ServiceCode, "ServiceCode");
export const ServiceCodePayload = PayloadType("ServiceCodePayload", "serviceCode", ServiceCode);

export function serviceCodeWhere(filter?: ServiceCodeFilter | null): FilterQuery<ServiceCode> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.ids) where.id = idsCondition(filter.ids)?.id;
  if (filter.system) where.system = filter.system;
  if (filter.codes?.length) where.code = { $in: filter.codes };
  if (filter.specialty) where.specialty = filter.specialty;
  if (filter.active != null) where.active = filter.active;
  if (filter.search) {
    const like = likePattern(filter.search);
    where.$or = [{ code: { $ilike: like } }, { description: { $ilike: like } }];
  }
  return where;
}

@Resolver(() => ServiceCode)
export class ServiceCodeResolver {
  @Authorized()
  @Query(() => ServiceCode, { nullable: true, description: "One fee schedule entry by id." })
  serviceCode(@Arg("id", () => ID, { description: "Service code id." }) id: string, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(ServiceCode).load(id);
  }

  @Authorized()
  @Query(() => ServiceCodeConnection, { description: "The fee schedule." })
  serviceCodes(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => ServiceCodeFilter, { nullable: true, description: "Filters." })
    filter: ServiceCodeFilter | null,
    @Arg("orderBy", () => ServiceCodeOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof ServiceCodeOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, ServiceCode, {
      where: () => serviceCodeWhere(filter),
      sortField: orderBy?.field ?? ServiceCodeSortField.CODE,
      direction: orderBy?.direction ?? SortDirection.ASC,
      args,
    });
  }

  @Authorized("OPERATOR", "BILLING")
  @Mutation(() => ServiceCodePayload, { description: "Adds a fee schedule entry." })
  createServiceCode(
    @Arg("input", { description: "The entry." }) input: CreateServiceCodeInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("serviceCode", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createServiceCode",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new ServiceCodeService(em, ctx.principal, ctx.requestId).create(input),
        load: (em, id) => em.findOne(ServiceCode, { id }),
      }),
    );
  }

  @Authorized("OPERATOR", "BILLING")
  @Mutation(() => ServiceCodePayload, { description: "Updates a fee schedule entry." })
  updateServiceCode(
    @Arg("input", { description: "The changes." }) input: UpdateServiceCodeInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("serviceCode", () =>
      ctx.em.transactional((em) => new ServiceCodeService(em, ctx.principal, ctx.requestId).update(input)),
    );
  }
}
