import { Field, Int, ObjectType } from "type-graphql";
import { Eligibility } from "./eligibility.types.js";

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
  @Field({ description: "Fee-schedule unit price." })
  unitPrice!: string;
  @Field({ description: "Line amount." })
  amount!: string;
  @Field({ description: "The insurer must pre-authorise this service." })
  requiresPreauthorization!: boolean;
}

@ObjectType({ description: "The claim engine's split of a planned visit between insurer and patient." })
export class CostEstimate {
  @Field(() => String, { nullable: true, description: "ISO 4217 currency; null when the policy is unknown to you." })
  currency!: string | null;
  @Field(() => [CostEstimateLine], {
    description: "Priced lines; empty when nothing could be priced (see eligibility).",
  })
  lines!: CostEstimateLine[];
  @Field(() => String, { nullable: true, description: "Σ line amounts; null when nothing could be priced." })
  gross!: string | null;
  @Field(() => String, { nullable: true, description: "Deductible that would be applied; null when unpriced." })
  deductibleApplied!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The insurer's share: (gross − deductible) × coverage rate, capped by limits; null when unpriced.",
  })
  covered!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The patient's share (co-pay): gross − covered; null when unpriced.",
  })
  patientShare!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "What the insurer would pay (equals covered); null when unpriced.",
  })
  payable!: string | null;
  @Field(() => String, {
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
