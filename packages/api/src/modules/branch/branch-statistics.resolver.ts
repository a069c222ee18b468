import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import { STATISTICS_READERS } from "../statistics/monthly-statistics.resolver.js";
import { BranchMonthlyStatistic, branchMonthlyStatistics } from "./branch-statistics.js";

@Resolver(() => BranchMonthlyStatistic)
export class BranchStatisticsResolver {
  @Authorized(...STATISTICS_READERS.filter((r) => r !== "PARTNER"))
  @Query(() => [BranchMonthlyStatistic], {
    description:
      "Monthly figures rolled up by branch (staff other than VISITOR): a branch session sees its own branch, head office every branch and the partners under none.",
  })
  branchMonthlyStatistics(
    @Arg("monthFrom", { description: "First month, YYYY-MM." }) monthFrom: string,
    @Arg("monthTo", { description: "Last month, YYYY-MM." }) monthTo: string,
    @Arg("branchId", () => ID, { nullable: true, description: "Only this branch." }) branchId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<BranchMonthlyStatistic[]> {
    return branchMonthlyStatistics(ctx.em, monthFrom, monthTo, branchId ?? undefined);
  }
}
