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
  @Field({ description: "ISO 4217 currency." })
  currency!: string;
  @Field(() => [CostEstimateLine], { description: "Priced lines." })
  lines!: CostEstimateLine[];
  @Field({ description: "Σ line amounts." })
  gross!: string;
  @Field({ description: "Deductible that would be applied." })
  deductibleApplied!: string;
  @Field({ description: "The insurer's share: (gross − deductible) × coverage rate, capped by limits." })
  covered!: string;
  @Field({ description: "The patient's share (co-pay): gross − covered." })
  patientShare!: string;
  @Field({ description: "What the insurer would pay (equals covered)." })
  payable!: string;
  @Field({ description: "The coverage rate used." })
  coverageRate!: string;
  @Field(() => [String], { description: "Rules that reduced the insurer's share." })
  appliedCaps!: string[];
  @Field(() => Eligibility, { description: "Eligibility on the date, with reasons when not eligible." })
  eligibility!: Eligibility;
}
