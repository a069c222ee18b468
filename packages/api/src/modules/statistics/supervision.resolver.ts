import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import { Organization } from "../organization/organization.entity.js";
import { MonthlyStatistic } from "./monthly-statistic.entity.js";
import { measureOf, StatisticRate, SupervisionMeasure } from "./supervision-measures.js";
import {
  SupervisionRanking,
  SupervisionRankingEntry,
  SupervisionRankingInput,
  supervisionRanking,
} from "./supervision-ranking.js";

/** The supervision rates of a monthly row, derived from its counts (never stored). */
@Resolver(() => MonthlyStatistic)
export class MonthlyStatisticRatesResolver {
  @FieldResolver(() => StatisticRate, {
    description: "First-pass rate of orders: ordersFirstPass of ordersValidated.",
  })
  ordersFirstPassRate(@Root() s: MonthlyStatistic): StatisticRate {
    return measureOf(s, SupervisionMeasure.ORDERS_FIRST_PASS);
  }

  @FieldResolver(() => StatisticRate, { description: "On-time rate of orders: ordersDueOnTime of ordersDue." })
  ordersOnTimeRate(@Root() s: MonthlyStatistic): StatisticRate {
    return measureOf(s, SupervisionMeasure.ORDERS_ON_TIME);
  }

  @FieldResolver(() => StatisticRate, {
    description: "First-pass rate of claims: claimsFirstPass of claimsApproved.",
  })
  claimsFirstPassRate(@Root() s: MonthlyStatistic): StatisticRate {
    return measureOf(s, SupervisionMeasure.CLAIMS_FIRST_PASS);
  }

  @FieldResolver(() => StatisticRate, {
    description: "On-time rate of claims: claimDeliveriesOnTime of claimDeliveriesDue.",
  })
  claimsOnTimeRate(@Root() s: MonthlyStatistic): StatisticRate {
    return measureOf(s, SupervisionMeasure.CLAIMS_ON_TIME);
  }
}

@Resolver(() => SupervisionRankingEntry)
export class SupervisionRankingResolver {
  // Supervisors compare partners with each other: staff only (a partner reads its own
  // figures through monthlyStatistics), visitors excepted as for the statistics.
  @Authorized("OPERATOR", "REVIEWER", "BILLING")
  @Query(() => SupervisionRanking, {
    description:
      "Organisations (e.g. agencies, labs) ranked by a first-pass or on-time rate over a range of months, from the monthly statistics (staff other than VISITOR).",
  })
  supervisionRanking(
    @Arg("input", { description: "Months, rate and kind of organisation." }) input: SupervisionRankingInput,
    @Ctx() ctx: AppContext,
  ): Promise<SupervisionRanking> {
    return supervisionRanking(ctx.em, input);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organisation ranked." })
  organization(@Root() e: SupervisionRankingEntry, @Ctx() ctx: AppContext): Promise<Organization | null> {
    return ctx.loaders.byId(Organization).load(e.organizationId);
  }
}
