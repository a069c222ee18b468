import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import { EligibilityInput, EstimateInput } from "./eligibility.inputs.js";
import { Eligibility } from "./eligibility.types.js";
import { assessEligibility, SCOPED } from "./eligibility.service.js";
import { estimateCost } from "./estimate.service.js";
import { CostEstimate } from "./estimate.types.js";

/** Coverage questions asked before (or without) a claim: eligibility and cost estimates. */
@Resolver()
export class EligibilityResolver {
  @Authorized()
  @Query(() => Eligibility, {
    description: "Is the patient covered on the date, and on what terms (deductible, rate, limits, network).",
  })
  checkEligibility(
    @Arg("input", () => EligibilityInput, { description: "What to check." }) input: EligibilityInput,
    @Ctx() ctx: AppContext,
  ) {
    return assessEligibility(ctx.em, input, SCOPED);
  }

  @Authorized()
  @Query(() => CostEstimate, {
    description: "The insurer/patient split of planned services, by the same engine as claims.",
  })
  estimateCost(
    @Arg("input", () => EstimateInput, { description: "What to estimate." }) input: EstimateInput,
    @Ctx() ctx: AppContext,
  ) {
    return estimateCost(ctx.em, input, SCOPED);
  }
}
