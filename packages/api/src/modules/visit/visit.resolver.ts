import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType, toUserError, UserError } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { Visit } from "./visit.entity.js";
import { createFieldVisit, scheduleAppointment } from "./visit-creation.js";
import {
  AssignVisitInput,
  ConcludeVisitInput,
  CreateFieldVisitInput,
  ReassignVisitInput,
  SaveVisitFindingsInput,
  ScheduleAppointmentInput,
  TransitionVisitInput,
  VisitFilter,
  VisitOrder,
  VisitSortField,
} from "./visit.inputs.js";
import { MAX_BULK_ASSIGN, VisitService } from "./visit.service.js";
import { visitWhere } from "./visit.where.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

export const VisitConnection = ConnectionType(Visit, "Visit");
export const VisitPayload = PayloadType("VisitPayload", "visit", Visit);

@ObjectType({
  description: "Result of a bulk assignment: all visits assigned, or none and one error per failing visit.",
})
export class AssignVisitPayload {
  @Field(() => [Visit], {
    nullable: true,
    description: "The assigned visits, when every one of them could be assigned.",
  })
  visits!: Visit[] | null;
  @Field(() => [UserError], { description: "Empty on success; a failing visit's error names its id in `field`." })
  userErrors!: UserError[];
}

/** Thrown inside the transaction to undo every assignment once any of them failed. */
class RollbackBulk extends Error {}

@Resolver(() => Visit)
export class VisitResolver {
  @Authorized()
  @Query(() => Visit, { nullable: true, description: "One visit by id (null when missing or not yours)." })
  visit(@Arg("id", () => ID, { description: "Visit id." }) id: string, @Ctx() ctx: AppContext): Promise<Visit | null> {
    return ctx.loaders.byId(Visit).load(id);
  }

  @Authorized()
  @Query(() => VisitConnection, { description: "Field visits and appointments visible to you (探访任务查询)." })
  visits(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => VisitFilter, { nullable: true, description: "Filters." }) filter: VisitFilter | null,
    @Arg("orderBy", () => VisitOrder, { nullable: true, description: "Sorting; newest first by default." })
    orderBy: InstanceType<typeof VisitOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, Visit, {
      where: () => visitWhere(filter),
      sortField: orderBy?.field ?? VisitSortField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @Authorized("OPERATOR")
  @Mutation(() => AssignVisitPayload, {
    description: "任务分配: assigns pending field visits to a visitor, all or nothing.",
  })
  async assignVisit(
    @Arg("input", { description: "The input." }) input: AssignVisitInput,
    @Ctx() ctx: AppContext,
  ): Promise<AssignVisitPayload> {
    const ids = [...new Set(input.visitIds)];
    if (ids.length === 0 || ids.length > MAX_BULK_ASSIGN)
      return failed([
        {
          code: PlatformErrorCode.VALIDATION_FAILED,
          field: ["visitIds"],
          message: `Give 1 to ${MAX_BULK_ASSIGN} visits.`,
        },
      ]);
    if (input.expectedVersions && input.expectedVersions.length !== input.visitIds.length)
      return failed([
        {
          code: PlatformErrorCode.VALIDATION_FAILED,
          field: ["expectedVersions"],
          message: "Give one expected version per visit id.",
        },
      ]);
    const versionOf = new Map(input.visitIds.map((id, i) => [id, input.expectedVersions?.[i]]));
    const errors: UserError[] = [];
    try {
      const visits = await ctx.em.transactional(async (tem) => {
        const service = new VisitService(tem as EntityManager, ctx.principal, ctx.requestId);
        const visitor = await service.visitor(input.visitorId);
        const assigned: Visit[] = [];
        for (const id of ids) {
          try {
            assigned.push(await service.assign(id, visitor, input, versionOf.get(id)));
          } catch (err) {
            const userError = toUserError(err);
            if (!userError) throw err;
            errors.push({ ...userError, field: ["visitIds", id] });
          }
        }
        if (errors.length > 0) throw new RollbackBulk();
        await tem.flush();
        return assigned;
      });
      return { visits, userErrors: [] };
    } catch (err) {
      if (err instanceof RollbackBulk) return failed(errors);
      const userError = toUserError(err);
      if (!userError) throw err;
      return failed([userError]);
    }
  }

  @Authorized("OPERATOR")
  @Mutation(() => VisitPayload, { description: "任务修改: gives an assigned field visit to another visitor." })
  reassignVisit(@Arg("input", { description: "The input." }) input: ReassignVisitInput, @Ctx() ctx: AppContext) {
    return asPayload("visit", () => this.run(ctx, (s) => s.reassign(input)));
  }

  @Authorized("STAFF")
  @Mutation(() => VisitPayload, {
    description: "初步探访: the assignee saves findings, liability links and bank account.",
  })
  saveVisitFindings(
    @Arg("input", { description: "The input." }) input: SaveVisitFindingsInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("visit", () => this.run(ctx, (s) => s.saveFindings(input)));
  }

  @Authorized("STAFF")
  @Mutation(() => VisitPayload, {
    description: "探访结论: the assignee concludes COMPLETED or NO_LIABILITY; the visit goes to review.",
  })
  concludeVisit(@Arg("input", { description: "The input." }) input: ConcludeVisitInput, @Ctx() ctx: AppContext) {
    return asPayload("visit", () => this.run(ctx, (s) => s.conclude(input)));
  }

  @Authorized()
  @Mutation(() => VisitPayload, {
    description: "Fires RETURN, APPROVE, ATTEND, NO_SHOW, RESCHEDULE or CANCEL on a visit.",
  })
  transitionVisit(@Arg("input", { description: "The input." }) input: TransitionVisitInput, @Ctx() ctx: AppContext) {
    return asPayload("visit", () => this.run(ctx, (s) => s.transition(input)));
  }

  @Authorized("OPERATOR")
  @Mutation(() => VisitPayload, { description: "Creates a field visit for a case, waiting for assignment (operator)." })
  createFieldVisit(@Arg("input", { description: "The input." }) input: CreateFieldVisitInput, @Ctx() ctx: AppContext) {
    return asPayload("visit", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createFieldVisit",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => createFieldVisit(em, ctx.principal, ctx.requestId, input),
        load: (em, id) => em.findOne(Visit, { id }),
      }),
    );
  }

  @Authorized("OPERATOR", "CLINIC", "LAB", "INTERCONSULTANT", "HOSPITAL")
  @Mutation(() => VisitPayload, {
    description: "Books a patient's appointment at a provider and queues the pre-visit instructions.",
  })
  scheduleAppointment(
    @Arg("input", { description: "The input." }) input: ScheduleAppointmentInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("visit", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "scheduleAppointment",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => scheduleAppointment(em, ctx.principal, ctx.requestId, input),
        load: (em, id) => em.findOne(Visit, { id }),
      }),
    );
  }

  private run(ctx: AppContext, body: (service: VisitService) => Promise<Visit>): Promise<Visit> {
    return ctx.em.transactional((tem) => body(new VisitService(tem as EntityManager, ctx.principal, ctx.requestId)));
  }
}

function failed(userErrors: UserError[]): AssignVisitPayload {
  return { visits: null, userErrors };
}
