import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { ClaimEvent, ClaimKind, ClaimStatus } from "./claim.enums.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";
import { CaseKind } from "../case/case.entity.js";
import { MoneyScalar } from "./engine/money.graphql.js";

@InputType({
  description: "A modifier of a claim line, by code; its factor comes from the configured list (claimModifiers).",
})
export class ClaimLineModifierInput {
  @Field({ description: "Modifier code from claimModifiers, e.g. AH (after hours); unknown codes are refused." })
  code!: string;
}

@InputType({ description: "A claim line. Amounts are decimal strings in the claim's currency." })
export class ClaimLineDataInput {
  @Field({ description: "Code system: CDT, CPT or LOCAL." })
  system!: string;
  @Field({ description: "Service code; must exist in the fee schedule and be active." })
  code!: string;
  @Field(() => String, { nullable: true, description: "Description; defaults to the fee schedule's." })
  description?: string | null;
  @Field(() => Int, { description: "Units, a positive whole number." })
  quantity!: number;
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Unit price; defaults to the fee schedule's fee. Above the fee (or with the fee in another currency) it needs priceOverrideReason and flags the line for review.",
  })
  unitPrice?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Why the unit price is above the fee schedule (required then; at most 500 characters).",
  })
  priceOverrideReason?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: "Absolute discount on quantity × unit price; default 0." })
  discount?: string | null;
  @Field(() => [ClaimLineModifierInput], {
    nullable: true,
    description: "Modifiers applied after the discount, in order.",
  })
  modifiers?: ClaimLineModifierInput[] | null;
}

@InputType({
  description:
    "The case a claim opens with it (the file: customer number + incident date = scan key), registered by the caller.",
})
export class NewClaimCaseInput {
  @Field(() => ID, { description: "The patient (registered by you, or visible to you)." })
  patientId!: string;
  @Field(() => CaseKind, { description: "OUTPATIENT, INPATIENT or GLOBAL; the claim's kind defaults to it." })
  kind!: CaseKind;
  @Field(() => LocalDateResolver, { description: "Date of the incident." })
  incidentDate!: string;
  @Field(() => String, {
    nullable: true,
    description: "The scan key read from the documents; when given it must match customer number + incident date.",
  })
  scanKey?: string | null;
  @Field(() => ID, { nullable: true, description: "The hospital of an inpatient case." })
  hospitalId?: string | null;
  @Field(() => String, { nullable: true, description: "Free-text summary of the case." })
  description?: string | null;
}

@InputType({
  description:
    "Registers a claim: on a case you name (caseId), on the case it opens (newCase), or from a visit's liability link (visitId).",
})
export class RegisterClaimInput {
  @Field(() => ID, { nullable: true, description: "The case (one of caseId, newCase or visitId)." })
  caseId?: string | null;
  @Field(() => NewClaimCaseInput, {
    nullable: true,
    description:
      "Opens the case with the claim, in one transaction: your OPEN case with the same scan key is reused, otherwise a new case is registered.",
  })
  newCase?: NewClaimCaseInput | null;
  @Field(() => ID, { nullable: true, description: "The policy (required unless visitId is given)." })
  policyId?: string | null;
  @Field(() => ID, { description: "The liability of the policy the claim is paid under." })
  liabilityId!: string;
  @Field(() => ClaimKind, {
    nullable: true,
    description: "OUTPATIENT, INPATIENT or GLOBAL; defaults to the case's kind.",
  })
  kind?: ClaimKind | null;
  @Field(() => ID, { nullable: true, description: "Provider who gave the care (network check)." })
  providerId?: string | null;
  @Field(() => ID, { nullable: true, description: "Register from this field visit's liability link for liabilityId." })
  visitId?: string | null;
  @Field(() => [ClaimLineDataInput], { nullable: true, description: "Initial lines." })
  lines?: ClaimLineDataInput[] | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Replaces every line of a DRAFT or RETURNED claim and recomputes its totals." })
export class SetClaimLinesInput {
  @Field(() => ID, { description: "Claim id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => [ClaimLineDataInput], { description: "The new lines (replace the old ones)." })
  lines!: ClaimLineDataInput[];
}

@InputType({ description: "A reason for returning a claim (نقص): a code and a text." })
export class ClaimReasonInput {
  @Field({ description: "Reason code, e.g. MISSING_INVOICE." })
  code!: string;
  @Field({ description: "What is wrong and what to fix." })
  text!: string;
}

@InputType({ description: "The reviewer's approved amount for one line." })
export class ApprovedLineInput {
  @Field(() => ID, { description: "Claim line id." })
  lineId!: string;
  @Field(() => MoneyScalar, { description: "Approved amount, at most the line's computed amount." })
  approvedAmount!: string;
  @Field({ description: "Why the line was lowered." })
  reason!: string;
}

@InputType({ description: "Fires an event of the claim state machine." })
export class TransitionClaimInput {
  @Field(() => ID, { description: "Claim id." })
  id!: string;
  @Field(() => ClaimEvent, { description: "The event." })
  event!: ClaimEvent;
  @Field(() => String, { nullable: true, description: "Reason (DENY; SETTLE without full insurer payment)." })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: "Reason code (a single RETURN reason, with reason)." })
  reasonCode?: string | null;
  @Field(() => String, { nullable: true, description: "Payment reference (SETTLE)." })
  reference?: string | null;
  @Field(() => [ClaimReasonInput], { nullable: true, description: "RETURN: one or more reasons." })
  returnReasons?: ClaimReasonInput[] | null;
  @Field(() => [ApprovedLineInput], { nullable: true, description: "APPROVE: lines the reviewer lowers." })
  approvedLines?: ApprovedLineInput[] | null;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
}

@InputType({ description: "Sets reviewer-approved amounts on lines of a claim IN_REVIEW, before APPROVE." })
export class SetApprovedAmountsInput {
  @Field(() => ID, { description: "Claim id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => [ApprovedLineInput], { description: "Lines to lower." })
  lines!: ApprovedLineInput[];
}

@InputType({ description: "Filters for the claim list." })
export class ClaimFilter {
  @IdsFilterField("claims")
  ids?: string[] | null;
  @Field(() => [ClaimStatus], { nullable: true, description: "Only these states." })
  status?: ClaimStatus[] | null;
  @Field(() => [ClaimKind], { nullable: true, description: "Only these kinds." })
  kind?: ClaimKind[] | null;
  @Field(() => ID, { nullable: true, description: "Registered by this organisation." })
  registeredById?: string | null;
  @Field(() => ID, { nullable: true, description: "Of this case." })
  caseId?: string | null;
  @Field(() => ID, { nullable: true, description: "Of this patient (through the claim's case)." })
  patientId?: string | null;
  @Field(() => ID, { nullable: true, description: "Under this policy." })
  policyId?: string | null;
  @Field(() => ID, { nullable: true, description: "Created from this visit." })
  sourceVisitId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "DRAFT or RETURNED past deliveryDueAt (true) or not (false)." })
  overdue?: boolean | null;
  @Field(() => String, { nullable: true, description: "Claim number contains this text." })
  search?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "With at least one line of this service code (exact, e.g. D0150): where a code is used.",
  })
  serviceCode?: string | null;
}

export enum ClaimSortField {
  CREATED_AT = "createdAt",
  NUMBER = "number",
  DELIVERY_DUE_AT = "deliveryDueAt",
  STATUS = "status",
}
registerEnumType(ClaimSortField, {
  name: "ClaimSortField",
  description: "Sortable claim fields.",
  valuesConfig: {
    CREATED_AT: { description: "By registration time." },
    NUMBER: { description: "By number." },
    DELIVERY_DUE_AT: { description: "By delivery deadline." },
    STATUS: { description: "By status." },
  },
});
export const ClaimOrder = OrderByInput("ClaimOrder", ClaimSortField, ClaimSortField.CREATED_AT);
