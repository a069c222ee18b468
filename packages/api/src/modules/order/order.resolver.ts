import { MoneyScalar } from "../claim/engine/money.graphql.js";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { availableEvents, readyEvents } from "../../platform/state-machine/engine.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import { Case } from "../case/case.entity.js";
import { historyLoader } from "../../platform/audit/history.loader.js";
import { Organization } from "../organization/organization.entity.js";
import { Order } from "./order.entity.js";
import {
  AttachOrderReportInput,
  IssueOrderInput,
  OrderFilter,
  OrderOrder,
  OrderSortField,
  TRAY_COUNT_FIELDS,
  OrderTrayCounts,
  Rejection,
  RejectionReason,
  TransitionOrderInput,
} from "./order.inputs.js";
import { isOrderOverdue, OrderEvent, orderMachine } from "./order.machine.js";
import { orderAmount, rejectionOf } from "./order.fields.js";
import { OrderService } from "./order.service.js";
import { orderSearchFor, orderWhere } from "./order.where.js";
import { Report } from "./report.entity.js";
import { ReportService } from "./report.service.js";
import { REJECTION_REASONS } from "./rejection-reasons.js";
import { flushInOneStatement } from "../../platform/db/one-statement-flush.js";

export const OrderConnection = ConnectionType(Order, "Order");
export const OrderPayload = PayloadType("OrderPayload", "order", Order);

@Resolver(() => Order)
export class OrderResolver {
  @Authorized()
  @Query(() => Order, { nullable: true, description: "One order by id." })
  order(@Arg("id", () => ID, { description: "Order id." }) id: string, @Ctx() ctx: AppContext): Promise<Order | null> {
    return ctx.loaders.byId(Order).load(id);
  }

  @Authorized()
  @Query(() => OrderConnection, { description: "Orders visible to the caller: trays, filters and sorting." })
  async orders(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => OrderFilter, { nullable: true, description: "Filters." }) filter: OrderFilter | null,
    @Arg("orderBy", () => OrderOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof OrderOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    const cases = await orderSearchFor(ctx.em, filter);
    return paginate(ctx.em, Order, {
      where: () => orderWhere(filter, new Date(), cases),
      sortField: orderBy?.field ?? OrderSortField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @Authorized()
  @Query(() => OrderTrayCounts, {
    description: "How many visible orders each tray holds (console tabs); other filters apply.",
  })
  async orderTrayCounts(
    @Arg("filter", () => OrderFilter, { nullable: true, description: "Filters besides the tray." })
    filter: OrderFilter | null,
    @Ctx() ctx: AppContext,
  ): Promise<OrderTrayCounts> {
    const cases = await orderSearchFor(ctx.em, filter);
    const now = new Date();
    const fields = Object.entries(TRAY_COUNT_FIELDS);
    const counts = await Promise.all(
      fields.map(([, tray]) => ctx.em.count(Order, orderWhere({ ...filter, tray }, now, cases))),
    );
    return Object.fromEntries(fields.map(([field], i) => [field, counts[i]!])) as unknown as OrderTrayCounts;
  }

  @Authorized()
  @Query(() => [RejectionReason], { description: "The configured rejection reasons (REJECT's reasonCode)." })
  rejectionReasons(): RejectionReason[] {
    return Object.entries(REJECTION_REASONS).map(([code, l]) => ({
      code,
      labelEs: l.es,
      labelEn: l.en,
      labelZh: l.zh,
      labelFa: l.fa,
      labelBg: l.bg,
    }));
  }

  @Authorized("OPERATOR")
  @Mutation(() => OrderPayload, { description: "Issues an attention order to a provider (operator)." })
  issueOrder(@Arg("input", { description: "The order." }) input: IssueOrderInput, @Ctx() ctx: AppContext) {
    return asPayload("order", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "issueOrder",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new OrderService(em, ctx.principal, ctx.requestId, ctx.config).issue(input),
        load: (em, id) => em.findOne(Order, { id }),
      }),
    );
  }

  @Authorized()
  @Mutation(() => OrderPayload, { description: "Fires an event of the order state machine." })
  transitionOrder(@Arg("input", { description: "The event." }) input: TransitionOrderInput, @Ctx() ctx: AppContext) {
    // A fork of its own, as em.transactional gives, but no transaction around the read: the
    // write is one statement (flushInOneStatement), atomic by itself, and its version check
    // is what protects the order from a concurrent change, as before.
    return asPayload("order", () =>
      new OrderService(ctx.em.fork(), ctx.principal, ctx.requestId, ctx.config).transition(
        input,
        new Date(),
        flushInOneStatement,
      ),
    );
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description: "Attaches a PRELIMINARY or FINAL report (document or form) to an order.",
  })
  attachOrderReport(
    @Arg("input", { description: "The report." }) input: AttachOrderReportInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("order", async () => {
      const report = await idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "attachOrderReport",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new ReportService(em, ctx.principal, ctx.requestId).attach(input),
        load: (em, id) => em.findOne(Report, { id }),
      });
      return ctx.em.findOneOrFail(Order, { id: refId(report.order)! }, { refresh: true });
    });
  }

  @FieldResolver(() => Case, { description: "The case the order belongs to." })
  case(@Root() o: Order, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Case).load(refId(o.case)!);
  }

  @FieldResolver(() => ID, { description: "Id of the case." })
  caseId(@Root() o: Order): string {
    return refId(o.case)!;
  }

  @FieldResolver(() => Organization, { description: "The provider the order is addressed to." })
  provider(@Root() o: Order, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Organization).load(refId(o.provider)!);
  }

  @FieldResolver(() => ID, { description: "Id of the provider." })
  providerId(@Root() o: Order): string {
    return refId(o.provider)!;
  }

  @FieldResolver(() => [Report], { description: "Every report version, oldest first." })
  reports(@Root() o: Order, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(Report, "order", { createdAt: "ASC", id: "ASC" }).load(o.id);
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "Sum of the requested codes' fees in `currency`; null when the order names no priced code.",
  })
  amount(@Root() order: Order): string | null {
    return orderAmount(order);
  }

  @FieldResolver(() => Boolean, { description: "ISSUED past confirmBy, or CONFIRMED / IN_EVALUATION past dueAt." })
  overdue(@Root() o: Order): boolean {
    return isOrderOverdue(o, new Date());
  }

  @FieldResolver(() => [OrderEvent], { description: "Events the caller may fire now." })
  availableTransitions(@Root() o: Order, @Ctx() ctx: AppContext): OrderEvent[] {
    return availableEvents(orderMachine, o, ctx.principal);
  }

  @FieldResolver(() => [OrderEvent], {
    description:
      "The events of availableTransitions whose database checks pass too (SUBMIT_FOR_REVIEW once a FINAL report is attached, RESUBMIT once a corrected one is): what an order's page offers. Costs a query per such event; lists read availableTransitions.",
  })
  readyTransitions(@Root() o: Order, @Ctx() ctx: AppContext): Promise<OrderEvent[]> {
    return readyEvents(ctx.em, orderMachine, o, ctx.principal);
  }

  @FieldResolver(() => [StatusChange], { description: "Every status change, oldest first." })
  history(@Root() o: Order, @Ctx() ctx: AppContext) {
    return historyLoader(ctx.loaders, ctx.em, "Order").load(o.id);
  }

  @FieldResolver(() => StatusChange, { nullable: true, description: "The latest status change." })
  async lastStatusChange(@Root() o: Order, @Ctx() ctx: AppContext) {
    return (await historyLoader(ctx.loaders, ctx.em, "Order").load(o.id)).at(-1) ?? null;
  }

  @FieldResolver(() => Rejection, { nullable: true, description: "The last rejection, with its code and text." })
  async rejection(@Root() o: Order, @Ctx() ctx: AppContext): Promise<Rejection | null> {
    if (!o.lastRejectedAt) return null;
    const history = await historyLoader(ctx.loaders, ctx.em, "Order").load(o.id);
    const last = history.filter((h) => h.event === OrderEvent.REJECT).at(-1);
    if (!last) return null;
    const provider = await ctx.loaders.byId(Organization).load(refId(o.provider)!);
    return rejectionOf(o.lastRejectedAt, last, provider?.language);
  }
}
