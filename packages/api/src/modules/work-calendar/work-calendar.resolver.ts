import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { WorkCalendar } from "./work-calendar.entity.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import {
  CreateWorkCalendarInput,
  UpdateWorkCalendarInput,
  WorkCalendarFilter,
  WorkCalendarOrder,
  WorkCalendarSortField,
} from "./work-calendar.inputs.js";
import { WorkCalendarService } from "./work-calendar.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

export const WorkCalendarConnection = ConnectionType(WorkCalendar, "WorkCalendar");
export const WorkCalendarPayload = PayloadType("WorkCalendarPayload", "workCalendar", WorkCalendar);

export function workCalendarWhere(filter?: WorkCalendarFilter | null): FilterQuery<WorkCalendar> {
  const where: Record<string, unknown> = {};
  if (filter?.ids) where.id = idsCondition(filter.ids)?.id;
  if (filter?.country) where.country = filter.country;
  if (filter?.search) where.name = { $ilike: likePattern(filter.search) };
  return where;
}

@Resolver(() => WorkCalendar)
export class WorkCalendarResolver {
  @Authorized()
  @Query(() => WorkCalendar, { nullable: true, description: "One work calendar by id." })
  workCalendar(@Arg("id", () => ID, { description: "Work calendar id." }) id: string, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(WorkCalendar).load(id);
  }

  @Authorized()
  @Query(() => WorkCalendarConnection, { description: "Work calendars (weekends, holidays, closures)." })
  workCalendars(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => WorkCalendarFilter, { nullable: true, description: "Filters." })
    filter: WorkCalendarFilter | null,
    @Arg("orderBy", () => WorkCalendarOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof WorkCalendarOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, WorkCalendar, {
      where: () => workCalendarWhere(filter),
      sortField: orderBy?.field ?? WorkCalendarSortField.NAME,
      direction: orderBy?.direction ?? SortDirection.ASC,
      args,
    });
  }

  @Authorized("ADMIN")
  @Mutation(() => WorkCalendarPayload, { description: "Creates a work calendar (ADMIN)." })
  createWorkCalendar(
    @Arg("input", { description: "The calendar." }) input: CreateWorkCalendarInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("workCalendar", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createWorkCalendar",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new WorkCalendarService(em, ctx.principal, ctx.requestId).create(input),
        load: (em, id) => em.findOne(WorkCalendar, { id }),
      }),
    );
  }

  @Authorized("ADMIN")
  @Mutation(() => WorkCalendarPayload, { description: "Updates a work calendar (ADMIN)." })
  updateWorkCalendar(
    @Arg("input", { description: "The changes." }) input: UpdateWorkCalendarInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("workCalendar", () =>
      ctx.em.transactional((em) => new WorkCalendarService(em, ctx.principal, ctx.requestId).update(input)),
    );
  }
}
