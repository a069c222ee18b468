import { Field, ID, ObjectType } from "type-graphql";
import { type ErrorCode, UserErrorCode } from "../../platform/errors/error-codes.js";
import { MoneyScalar, RateScalar, CurrencyScalar } from "../claim/engine/money.graphql.js";

@ObjectType({ description: "Why a patient is not eligible, machine-readable." })
export class EligibilityReason {
  @Field(() => UserErrorCode, {
    description: "Stable code, e.g. POLICY_NOT_ACTIVE, COVERAGE_NOT_ACTIVE_ON_DATE, PATIENT_NOT_MEMBER.",
  })
  code!: ErrorCode;
  @Field({ description: "Human-readable explanation." })
  message!: string;
}

@ObjectType({ description: "What is left of one liability's limits in the policy year of the date asked about." })
export class LiabilityLimit {
  @Field(() => ID, { description: "The liability." })
  liabilityId!: string;
  @Field({ description: "Liability code, e.g. DENT." })
  code!: string;
  @Field({ description: "Liability name." })
  name!: string;
  @Field(() => RateScalar, { description: "The liability's coverage rate, 0..1." })
  coverageRate!: string;
  @Field(() => MoneyScalar, { nullable: true, description: "Annual limit; null = unlimited." })
  annualLimit!: string | null;
  @Field(() => MoneyScalar, { description: "Covered amounts already approved under the liability this policy year." })
  annualUsed!: string;
  @Field(() => MoneyScalar, { nullable: true, description: "Annual limit still available; null = unlimited." })
  annualRemaining!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: "Per-claim limit; null = unlimited." })
  perClaimLimit!: string | null;
}

@ObjectType({ description: "The answer of checkEligibility: is the patient covered, and on what terms." })
export class Eligibility {
  @Field({ description: "True when no reason below applies." })
  eligible!: boolean;
  @Field(() => [EligibilityReason], { description: "Every reason the patient is not eligible; empty when eligible." })
  reasons!: EligibilityReason[];
  @Field(() => ID, {
    nullable: true,
    description: "The policy checked (the one given, or the patient's policy in force on the date).",
  })
  policyId!: string | null;
  @Field(() => CurrencyScalar, { nullable: true, description: "ISO 4217 currency of the amounts below." })
  currency!: string | null;
  @Field({ description: "The policy is ACTIVE and the date lies within its validity." })
  coverageActive!: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the provider is in the policy's network (a policy without a network list is open); null without a provider.",
  })
  inNetwork!: boolean | null;
  @Field(() => MoneyScalar, { nullable: true, description: "The policy-year deductible." })
  deductible!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: "Deductible not yet consumed this policy year." })
  deductibleRemaining!: string | null;
  @Field(() => RateScalar, {
    nullable: true,
    description: "Coverage rate (the insurance coefficient) of the liability asked about, else of the policy.",
  })
  coverageRate!: string | null;
  @Field(() => [LiabilityLimit], {
    description: "Limits remaining, per liability of the policy (or only the one asked about).",
  })
  limitsRemaining!: LiabilityLimit[];
  @Field(() => [String], { description: "Service codes (SYSTEM:CODE) that need the insurer's pre-authorisation." })
  preauthorizationRequired!: string[];
  @Field(() => String, { nullable: true, description: "First day of the policy year of the date (YYYY-MM-DD)." })
  policyYearStart!: string | null;
}
