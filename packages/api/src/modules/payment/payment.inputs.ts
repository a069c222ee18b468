import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { PaymentMethod, PaymentPayer } from "../claim/claim.enums.js";
import { MoneyScalar, CurrencyScalar } from "../claim/engine/money.graphql.js";

@InputType({ description: "A payment received against a claim." })
export class RecordPaymentInput {
  @Field(() => ID, { description: "Claim id." })
  claimId!: string;
  @Field(() => PaymentPayer, { description: "PATIENT (co-pay) or INSURER (remittance)." })
  payer!: PaymentPayer;
  @Field(() => MoneyScalar, { description: "Amount, a positive decimal string." })
  amount!: string;
  @Field(() => CurrencyScalar, { description: "ISO 4217 currency; must be the claim's." })
  currency!: string;
  @Field(() => PaymentMethod, { description: "How it was paid." })
  method!: PaymentMethod;
  @Field(() => String, { nullable: true, description: "Receipt or remittance reference." })
  reference?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: "When it was received; default now." })
  receivedAt?: Date | null;
  @Field(() => String, { nullable: true, description: "Makes a retried call record the payment once." })
  idempotencyKey?: string | null;
}
