import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { refId } from "../../platform/graphql/loaders.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Organization } from "../organization/organization.entity.js";
import { MonthlyStatistic } from "./monthly-statistic.entity.js";
import {
  MonthlyStatisticFilter,
  MonthlyStatisticOrder,
  MonthlyStatisticsRecompute,
  MonthlyStatisticSortField,
  RecomputeMonthlyStatisticsInput,
} from "./monthly-statistics.inputs.js";
import { enqueueMonthlyStatistics } from "./monthly-statistics.producer.js";
import { assertMonth } from "./monthly-statistics.service.js";
import type { AccessRole } from "../../platform/auth/auth-checker.js";

export const MonthlyStatisticConnection = ConnectionType(MonthlyStatistic, "MonthlyStatistic");
export const RecomputeMonthlyStatisticsPayload = PayloadType(
  "RecomputeMonthlyStatisticsPayload",
  "recompute",
  MonthlyStatisticsRecompute,
);

export function monthlyStatisticWhere(filter?: MonthlyStatisticFilter | null): FilterQuery<MonthlyStatistic> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.organizationId) where.organization = filter.organizationId;
  const month: Record<string, string> = {};
  if (filter.monthFrom) {
    assertMonth(filter.monthFrom, "filter.monthFrom");
    month.$gte = filter.monthFrom;
  }
  if (filter.monthTo) {
    assertMonth(filter.monthTo, "filter.monthTo");
    month.$lte = filter.monthTo;
  }
  if (Object.keys(month).length) where.month = month;
  return where;
}

/** Who reads the statistics (GraphQL and CSV): partners their own, staff but visitors all. */
export const STATISTICS_READERS: AccessRole[] = ["PARTNER", "OPERATOR", "REVIEWER", "BILLING"];

@Resolver(() => MonthlyStatistic)
export class MonthlyStatisticResolver {
  @Authorized(...STATISTICS_READERS)
  @Query(() => MonthlyStatisticConnection, {
    description: "Monthly figures per organisation (partners see their own; staff other than VISITOR all).",
  })
  monthlyStatistics(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => MonthlyStatisticFilter, { nullable: true, description: "Organisation and month range." })
    filter: MonthlyStatisticFilter | null,
    @Arg("orderBy", () => MonthlyStatisticOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof MonthlyStatisticOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, MonthlyStatistic, {
      where: () => monthlyStatisticWhere(filter),
      sortField: orderBy?.field ?? MonthlyStatisticSortField.MONTH,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @FieldResolver(() => ID, { description: "Id of the organisation these figures belong to." })
  organizationId(@Root() s: MonthlyStatistic): string {
    return refId(s.organization)!;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organisation these figures belong to." })
  organization(@Root() s: MonthlyStatistic, @Ctx() ctx: AppContext): Promise<Organization | null> {
    return ctx.loaders.byId(Organization).load(refId(s.organization)!);
  }

  @Authorized("OPERATOR")
  @Mutation(() => RecomputeMonthlyStatisticsPayload, {
    description:
      "Queues a recompute of one month's statistics (OPERATOR, ADMIN); the workers replace the month's rows.",
  })
  recomputeMonthlyStatistics(
    @Arg("input", { description: "The month." }) input: RecomputeMonthlyStatisticsInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("recompute", async () => {
      assertMonth(input.month, "input.month");
      const jobId = await enqueueMonthlyStatistics(ctx.redis, ctx.logger, input.month);
      recordAudit(ctx.em, ctx.principal, ctx.requestId, {
        action: "monthlyStatistics.recompute",
        entityType: "MonthlyStatistic",
        changes: { month: input.month },
      });
      await ctx.em.flush();
      return { month: input.month, jobId };
    });
  }
}
