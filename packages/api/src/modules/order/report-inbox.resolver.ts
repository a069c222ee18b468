import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { FilterQuery } from "@mikro-orm/core";
import { recordAudit } from "../../platform/audit/audit.js";
import { NotFoundError } from "../../platform/errors/domain-error.js";
import type { AppContext } from "../../platform/graphql/context.js";
import { asPayload } from "../../platform/graphql/payload.js";
import { Order } from "./order.entity.js";
import { OrderPayload } from "./order.resolver.js";
import { orderWhere } from "./order.where.js";
import { Report } from "./report.entity.js";
import { REPORT_INBOX_RULE } from "./report-inbox.rule.js";

@ObjectType({ description: "Reports that arrived from providers and await the operator (REPORT_INBOX_RULE)." })
export class ReportInbox {
  @Field(() => Int, { description: "Reports awaiting the operator, among the orders the caller sees." })
  awaiting!: number;
  @Field(() => Int, { description: "Orders with at least one of them (OrderFilter.reportsAwaiting)." })
  orders!: number;
  @Field(() => DateTimeResolver, { nullable: true, description: "When the oldest of them arrived." })
  oldestAt!: Date | null;
}

@InputType({ description: "Marks an order's reports read by the operator." })
export class AcknowledgeOrderReportsInput {
  @Field(() => ID, { description: "The order." })
  orderId!: string;
}

/** The reports REPORT_INBOX_RULE says await the operator (the resolver and the compiled read both use it). */
export const AWAITING_REPORTS = {
  acknowledgedAt: null,
  kind: { $in: [...REPORT_INBOX_RULE.kinds] },
  order: { status: { $in: [...REPORT_INBOX_RULE.orderStatuses] } },
} as FilterQuery<Report>;

@Resolver()
export class ReportInboxResolver {
  @Authorized("OPERATOR")
  @Query(() => ReportInbox, { description: "The operator's inbox of arrived reports (the console's badge)." })
  async reportInbox(@Ctx() ctx: AppContext): Promise<ReportInbox> {
    // the scope rules of reports and orders apply: a branch member counts their branches' only
    const [awaiting, orders, oldest] = await Promise.all([
      ctx.em.count(Report, AWAITING_REPORTS),
      ctx.em.count(Order, orderWhere({ reportsAwaiting: true })),
      ctx.em.findOne(Report, AWAITING_REPORTS, { orderBy: { createdAt: "ASC" }, fields: ["createdAt"] }),
    ]);
    return { awaiting, orders, oldestAt: oldest?.createdAt ?? null };
  }

  @Authorized("OPERATOR")
  @Mutation(() => OrderPayload, {
    description: "Marks every report of the order read: they leave the operator's inbox and later digests.",
  })
  acknowledgeOrderReports(
    @Arg("input", { description: "The order." }) input: AcknowledgeOrderReportsInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("order", () =>
      ctx.em.transactional(async (em) => {
        const order = await em.findOne(Order, { id: input.orderId });
        if (!order) throw new NotFoundError("Order", ["orderId"]);
        const unread = await em.find(Report, { order, acknowledgedAt: null });
        const now = new Date();
        for (const report of unread) {
          report.acknowledgedAt = now;
          report.acknowledgedById = ctx.principal.kind === "STAFF" ? ctx.principal.userId : null;
        }
        recordAudit(em, ctx.principal, ctx.requestId, {
          action: "order.reports.acknowledge",
          entityType: "Order",
          entityId: order.id,
          changes: { reportIds: unread.map((r) => r.id) },
        });
        await em.flush();
        return order;
      }),
    );
  }
}
