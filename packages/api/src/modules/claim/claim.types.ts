import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { MoneyScalar, RateScalar, CurrencyScalar } from "./engine/money.graphql.js";

@ObjectType({ description: "An amount split between the patient and the insurer." })
export class ClaimSplit {
  @Field(() => MoneyScalar, { description: "The patient's side (co-pay, deductible, anything above limits)." })
  patient!: string;
  @Field(() => MoneyScalar, { description: "The insurer's side." })
  insurer!: string;
  @Field(() => CurrencyScalar, { description: "ISO 4217 currency." })
  currency!: string;
}

@ObjectType({
  description: "A delivery window: 15 working days from registration, or again from a RETURN (Persian seed clause 7).",
})
export class ClaimDeliveryWindow {
  @Field(() => String, { description: "What opened the window: REGISTER or RETURN." })
  opensBy!: string;
  @Field(() => DateTimeResolver, { description: "When the window opened." })
  opensAt!: Date;
  @Field(() => DateTimeResolver, { description: "The end of the 15th working day after opensAt." })
  dueAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: "The SUBMIT that closed the window; null while open." })
  deliveredAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: "Whether that SUBMIT came by dueAt; null while open." })
  onTime!: boolean | null;
}

@ObjectType({ description: "A reason a reviewer gave when returning a claim (نقص)." })
export class ClaimReturnReasonType {
  @Field({ description: "Reason code." })
  code!: string;
  @Field({ description: "What is wrong and what to fix." })
  text!: string;
}

@ObjectType({ description: "Totals frozen when the reviewer approved the claim." })
export class ClaimApprovedTotals {
  @Field(() => MoneyScalar, { description: "Approved gross (Σ allowed line amounts)." })
  gross!: string;
  @Field(() => MoneyScalar, { description: "Deductible applied at approval." })
  deductibleApplied!: string;
  @Field(() => MoneyScalar, { description: "The insurer's covered share at approval." })
  covered!: string;
  @Field(() => MoneyScalar, { description: "The patient's share at approval." })
  patientShare!: string;
  @Field(() => MoneyScalar, { description: "What the insurer pays." })
  payable!: string;
  @Field(() => CurrencyScalar, { description: "ISO 4217 currency." })
  currency!: string;
}

@ObjectType({ description: "A claim line modifier from the configured list: lines name its code, never a factor." })
export class ClaimModifier {
  @Field({ description: "Code to send in a line's modifiers, e.g. AH." })
  code!: string;
  @Field(() => RateScalar, {
    description: 'Factor it multiplies the discounted line amount by, a decimal string such as "1.5".',
  })
  factor!: string;
  @Field({ description: "What it is for." })
  description!: string;
}
