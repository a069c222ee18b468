import { Field, Int, ObjectType } from "type-graphql";
import { Eligibility } from "./eligibility.types.js";
import { MoneyScalar, RateScalar, CurrencyScalar } from "../claim/engine/money.graphql.js";

@ObjectType({ description: "One priced line of an estimate." })
export class CostEstimateLine {
  @Field({ description: "Code system." })
  system!: string;
  @Field({ description: "Service code." })
  code!: string;
  @Field({ description: "Fee schedule description." })
  description!: string;
  @Field(() => Int, { description: "Units." })
  quantity!: number;
  @Field(() => MoneyScalar, { description: "Unit price: the one given, else the fee schedule's." })
  unitPrice!: string;
  @Field(() => MoneyScalar, { description: "Discount taken off quantity × unit price." })
  discount!: string;
  @Field(() => [String], { description: "Modifier codes applied after the discount, in order (see claimModifiers)." })
  modifiers!: string[];
  @Field({
    description: "The unit price is above the fee schedule's fee (given with a reason); a reviewer will see it.",
  })
  priceAboveSchedule!: boolean;
  @Field(() => MoneyScalar, { description: "Line amount: (quantity × unit price − discount) × modifier factors." })
  amount!: string;
  @Field({ description: "The insurer must pre-authorise this service." })
  requiresPreauthorization!: boolean;
}

@ObjectType({ description: "The claim engine's split of a planned visit between insurer and patient." })
export class CostEstimate {
  @Field(() => CurrencyScalar, {
    nullable: true,
    description: "ISO 4217 currency; null when the policy is unknown to you.",
  })
  currency!: string | null;
  @Field(() => [CostEstimateLine], {
    description: "Priced lines; empty when nothing could be priced (see eligibility).",
  })
  lines!: CostEstimateLine[];
  @Field(() => MoneyScalar, { nullable: true, description: "Σ line amounts; null when nothing could be priced." })
  gross!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: "Deductible that would be applied; null when unpriced." })
  deductibleApplied!: string | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The insurer's share: (gross − deductible) × coverage rate, capped by limits; null when unpriced.",
  })
  covered!: string | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The patient's share (co-pay): gross − covered; null when unpriced.",
  })
  patientShare!: string | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "What the insurer would pay (equals covered); null when unpriced.",
  })
  payable!: string | null;
  @Field(() => RateScalar, {
    nullable: true,
    description: "The coverage rate used; null when the policy is unknown to you.",
  })
  coverageRate!: string | null;
  @Field(() => [String], { description: "Rules that reduced the insurer's share." })
  appliedCaps!: string[];
  @Field(() => Eligibility, {
    description:
      "Eligibility on the date, with reasons when not eligible. An unknown policy, a liability of another policy or an unknown or inactive service code leaves the amounts null and says why here.",
  })
  eligibility!: Eligibility;
}
