import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { PolicyStatus, PolicyType } from "./policy.entity.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";
import { MoneyScalar, RateScalar, CurrencyScalar } from "../claim/engine/money.graphql.js";

@InputType({ description: "Filters for the policy list." })
export class PolicyFilter {
  @IdsFilterField("policies")
  ids?: string[] | null;
  @Field(() => [PolicyType], { nullable: true, description: "Only these types." })
  type?: PolicyType[] | null;
  @Field(() => [PolicyStatus], { nullable: true, description: "Only these statuses." })
  status?: PolicyStatus[] | null;
  @Field(() => ID, { nullable: true, description: "Underwritten by this insurer." })
  insurerId?: string | null;
  @Field(() => ID, { nullable: true, description: "With this patient among its members." })
  patientId?: string | null;
  @Field(() => String, { nullable: true, description: "In force on this day (YYYY-MM-DD): validFrom ≤ day ≤ validTo." })
  activeOn?: string | null;
  @Field(() => String, { nullable: true, description: "Number or holder name contains this text." })
  search?: string | null;
}

export enum PolicySortField {
  NUMBER = "number",
  VALID_FROM = "validFrom",
  CREATED_AT = "createdAt",
}
registerEnumType(PolicySortField, {
  name: "PolicySortField",
  description: "Sortable policy fields.",
  valuesConfig: {
    NUMBER: { description: "By policy number." },
    VALID_FROM: { description: "By start of coverage." },
    CREATED_AT: { description: "By creation time." },
  },
});
export const PolicyOrder = OrderByInput("PolicyOrder", PolicySortField, PolicySortField.CREATED_AT);

@InputType({ description: "A liability (理赔责任) of a policy." })
export class LiabilityInput {
  @Field({ description: "Code, e.g. HOSP, OUTP, DENT." })
  code!: string;
  @Field({ description: "Name." })
  name!: string;
  @Field(() => RateScalar, { description: "Coverage rate 0..1, e.g. 0.8000." })
  coverageRate!: string;
  @Field(() => MoneyScalar, { nullable: true, description: "Annual limit, decimal string; omitted = unlimited." })
  annualLimit?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: "Per-claim limit, decimal string; omitted = unlimited." })
  perClaimLimit?: string | null;
}

@InputType({ description: "A new policy." })
export class CreatePolicyInput {
  @Field({ description: "Policy number as printed by the insurer (unique)." })
  number!: string;
  @Field(() => PolicyType, { description: "INDIVIDUAL or GROUP." })
  type!: PolicyType;
  @Field(() => ID, {
    nullable: true,
    description: "The insurer organisation; an insurer partner may omit it (its own).",
  })
  insurerId?: string | null;
  @Field({ description: "Policyholder (person or employer)." })
  holderName!: string;
  @Field({ description: "First day of coverage, YYYY-MM-DD." })
  validFrom!: string;
  @Field({ description: "Last day of coverage, YYYY-MM-DD." })
  validTo!: string;
  @Field(() => PolicyStatus, { nullable: true, description: "Status (default ACTIVE)." })
  status?: PolicyStatus | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Deductible per policy year, decimal string (default 0.00).",
  })
  deductible?: string | null;
  @Field(() => RateScalar, { nullable: true, description: "Insurance coefficient 0..1 (default 1.0000)." })
  coverageRate?: string | null;
  @Field(() => CurrencyScalar, { description: "ISO 4217 currency." })
  currency!: string;
  @Field(() => [LiabilityInput], { nullable: true, description: "Liabilities." })
  liabilities?: LiabilityInput[] | null;
  @Field(() => [ID], { nullable: true, description: "Member patients." })
  memberIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Network providers." })
  networkProviderIds?: string[] | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a policy; omitted fields stay as they are." })
export class UpdatePolicyInput {
  @Field(() => ID, { description: "Policy id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Policyholder." })
  holderName?: string | null;
  @Field(() => String, { nullable: true, description: "First day of coverage." })
  validFrom?: string | null;
  @Field(() => String, { nullable: true, description: "Last day of coverage." })
  validTo?: string | null;
  @Field(() => PolicyStatus, { nullable: true, description: "Status." })
  status?: PolicyStatus | null;
  @Field(() => MoneyScalar, { nullable: true, description: "Deductible per policy year." })
  deductible?: string | null;
  @Field(() => RateScalar, { nullable: true, description: "Insurance coefficient 0..1." })
  coverageRate?: string | null;
}

@InputType({ description: "Adds a liability to a policy, or replaces the one with the same code." })
export class SetPolicyLiabilityInput extends LiabilityInput {
  @Field(() => ID, { description: "Policy id." })
  policyId!: string;
  @Field(() => Int, { description: "The policy version you read." })
  expectedVersion!: number;
}

@InputType({ description: "A link between a policy and a patient or provider." })
export class PolicyLinkInput {
  @Field(() => ID, { description: "Policy id." })
  policyId!: string;
  @Field(() => ID, { description: "The patient (members) or provider organisation (network)." })
  targetId!: string;
}
