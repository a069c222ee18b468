import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";
import { PaymentMethod, PaymentPayer } from "./claim.enums.js";
import { Eligibility } from "./eligibility.types.js";

@ObjectType({ description: "An amount split between the patient and the insurer." })
export class ClaimSplit {
  @Field({ description: "The patient's side (co-pay, deductible, anything above limits)." })
  patient!: string;
  @Field({ description: "The insurer's side." })
  insurer!: string;
  @Field({ description: "ISO 4217 currency." })
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
  @Field({ description: "Approved gross (Σ allowed line amounts)." })
  gross!: string;
  @Field({ description: "Deductible applied at approval." })
  deductibleApplied!: string;
  @Field({ description: "The insurer's covered share at approval." })
  covered!: string;
  @Field({ description: "The patient's share at approval." })
  patientShare!: string;
  @Field({ description: "What the insurer pays." })
  payable!: string;
  @Field({ description: "ISO 4217 currency." })
  currency!: string;
}

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

@ObjectType({ description: "Payments of one payer and method received that day." })
export class CollectionBucket {
  @Field(() => PaymentPayer, { description: "PATIENT or INSURER." })
  payer!: PaymentPayer;
  @Field(() => PaymentMethod, { description: "Method." })
  method!: PaymentMethod;
  @Field({ description: "Sum received." })
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
  @Field({ description: "ISO 4217 currency." })
  currency!: string;
  @Field(() => [CollectionBucket], { description: "Received that day, by payer and method." })
  received!: CollectionBucket[];
  @Field({ description: "Received that day from patients." })
  receivedPatient!: string;
  @Field({ description: "Received that day from insurers." })
  receivedInsurer!: string;
  @Field({ description: "Still owed by patients on approved or settled claims." })
  outstandingPatient!: string;
  @Field({ description: "Still owed by insurers on approved or settled claims." })
  outstandingInsurer!: string;
  @Field(() => Int, { description: "Approved or settled claims with something still owed." })
  outstandingClaims!: number;
}

@ObjectType({ description: "A claim line modifier from the configured list: lines name its code, never a factor." })
export class ClaimModifier {
  @Field({ description: "Code to send in a line's modifiers, e.g. AH." })
  code!: string;
  @Field({ description: 'Factor it multiplies the discounted line amount by, a decimal string such as "1.5".' })
  factor!: string;
  @Field({ description: "What it is for." })
  description!: string;
}
