import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";
import { MoneyScalar, CurrencyScalar, RateScalar } from "../claim/engine/money.graphql.js";

@InputType({ description: "Filters for the fee schedule." })
export class ServiceCodeFilter {
  @IdsFilterField("service codes")
  ids?: string[] | null;
  @Field(() => String, { nullable: true, description: "Code system: CDT, CPT, LOCAL…" })
  system?: string | null;
  @Field(() => [String], { nullable: true, description: "Exactly these codes." })
  codes?: string[] | null;
  @Field(() => String, { nullable: true, description: "Specialty." })
  specialty?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Only active (true) or inactive (false)." })
  active?: boolean | null;
  @Field(() => String, { nullable: true, description: "Code or description contains this text." })
  search?: string | null;
}

export enum ServiceCodeSortField {
  CODE = "code",
  SYSTEM = "system",
  FEE = "fee",
  CREATED_AT = "createdAt",
}
registerEnumType(ServiceCodeSortField, {
  name: "ServiceCodeSortField",
  description: "Sortable service code fields.",
  valuesConfig: {
    CODE: { description: "By code." },
    SYSTEM: { description: "By code system." },
    FEE: { description: "By fee." },
    CREATED_AT: { description: "By creation time." },
  },
});
export const ServiceCodeOrder = OrderByInput("ServiceCodeOrder", ServiceCodeSortField, ServiceCodeSortField.CODE);

@InputType({ description: "A new fee schedule entry." })
export class CreateServiceCodeInput {
  @Field({ description: "Code system: CDT, CPT, LOCAL…" })
  system!: string;
  @Field({ description: "The code, unique within its system." })
  code!: string;
  @Field({ description: "What the service is." })
  description!: string;
  @Field(() => MoneyScalar, { description: "Fee, decimal string." })
  fee!: string;
  @Field(() => CurrencyScalar, { description: "ISO 4217 currency." })
  currency!: string;
  @Field(() => RateScalar, {
    nullable: true,
    description: "Largest discount as a share of quantity × unit price, 0..1; omitted = up to the whole line.",
  })
  maxDiscountRate?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Needs pre-authorisation (default false)." })
  requiresPreauthorization?: boolean | null;
  @Field(() => String, { nullable: true, description: "Specialty." })
  specialty?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a fee schedule entry; omitted fields stay as they are." })
export class UpdateServiceCodeInput {
  @Field(() => ID, { description: "Service code id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Description." })
  description?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: "Fee, decimal string." })
  fee?: string | null;
  @Field(() => CurrencyScalar, { nullable: true, description: "ISO 4217 currency." })
  currency?: string | null;
  @Field(() => RateScalar, {
    nullable: true,
    description:
      "Largest discount as a share of quantity × unit price, 0..1 (1 = the whole line). Lines already set keep their discounts.",
  })
  maxDiscountRate?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Needs pre-authorisation." })
  requiresPreauthorization?: boolean | null;
  @Field(() => String, { nullable: true, description: "Specialty." })
  specialty?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Active." })
  active?: boolean | null;
}
