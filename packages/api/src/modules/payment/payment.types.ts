import { Field, ID, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { PaymentMethod, PaymentPayer } from "../claim/claim.enums.js";
import { MoneyScalar, CurrencyScalar } from "../claim/engine/money.graphql.js";

@ObjectType({ description: "Payments of one payer and method received that day." })
export class CollectionBucket {
  @Field(() => PaymentPayer, { description: "PATIENT or INSURER." })
  payer!: PaymentPayer;
  @Field(() => PaymentMethod, { description: "Method." })
  method!: PaymentMethod;
  @Field(() => MoneyScalar, { description: "Sum received." })
  amount!: string;
  @Field(() => Int, { description: "Number of payments." })
  count!: number;
}

@ObjectType({ description: "The daily collections report of one organisation in one currency (dental seed step 18)." })
export class DailyCollection {
  @Field(() => LocalDateResolver, { description: "The day, in the organisation's time zone." })
  date!: string;
  @Field(() => ID, { description: "The registering organisation of the claims." })
  organizationId!: string;
  @Field(() => CurrencyScalar, { description: "ISO 4217 currency." })
  currency!: string;
  @Field(() => [CollectionBucket], { description: "Received that day, by payer and method." })
  received!: CollectionBucket[];
  @Field(() => MoneyScalar, { description: "Received that day from patients." })
  receivedPatient!: string;
  @Field(() => MoneyScalar, { description: "Received that day from insurers." })
  receivedInsurer!: string;
  @Field(() => MoneyScalar, { description: "Still owed by patients on approved or settled claims." })
  outstandingPatient!: string;
  @Field(() => MoneyScalar, { description: "Still owed by insurers on approved or settled claims." })
  outstandingInsurer!: string;
  @Field(() => Int, { description: "Approved or settled claims with something still owed." })
  outstandingClaims!: number;
}
