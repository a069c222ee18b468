import { Field, ID, InputType } from "type-graphql";
import { ClaimLineDataInput } from "../claim/claim.inputs.js";
import { LocalDateResolver } from "graphql-scalars";

@InputType({ description: "A service code reference: system and code." })
export class ServiceCodeRefInput {
  @Field({ description: "Code system: CDT, CPT or LOCAL." })
  system!: string;
  @Field({ description: "The code." })
  code!: string;
}

@InputType({ description: "What to check coverage for." })
export class EligibilityInput {
  @Field(() => ID, { description: "The patient." })
  patientId!: string;
  @Field(() => ID, { nullable: true, description: "The policy; default the patient's policy in force on the date." })
  policyId?: string | null;
  @Field(() => ID, { nullable: true, description: "Only this liability's limits and rate." })
  liabilityId?: string | null;
  @Field(() => LocalDateResolver, { description: "Service date." })
  date!: string;
  @Field(() => [ServiceCodeRefInput], { description: "Services to be given." })
  serviceCodes!: ServiceCodeRefInput[];
  @Field(() => ID, { nullable: true, description: "Provider, for the network check." })
  providerId?: string | null;
}

/**
 * The same line as a claim's (ClaimLineDataInput: unit price, reason, discount, modifiers),
 * so an estimate mirrors the claim it precedes; the name stays for existing clients.
 */
@InputType({
  description:
    "A service to estimate: the same fields, defaults and checks as a claim line (ClaimLineDataInput), amounts in the policy's currency.",
})
export class EstimateLineInput extends ClaimLineDataInput {}

@InputType({ description: "What to estimate: services at fee-schedule prices for a patient under a policy." })
export class EstimateInput {
  @Field(() => ID, { description: "The patient." })
  patientId!: string;
  @Field(() => ID, { description: "The policy." })
  policyId!: string;
  @Field(() => ID, {
    nullable: true,
    description: "The liability; default the policy's own coefficient without limits.",
  })
  liabilityId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Provider of the services, for the network check (as in checkEligibility).",
  })
  providerId?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: "Service date; default today (UTC)." })
  date?: string | null;
  @Field(() => [EstimateLineInput], { description: "Services." })
  lines!: EstimateLineInput[];
}
