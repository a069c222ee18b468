import { Check, Entity, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { MoneyField, CurrencyScalar } from "../claim/engine/money.graphql.js";
import { DateTimeResolver } from "graphql-scalars";
import { BaseEntity } from "../../platform/db/base.entity.js";
import { DecimalStringType } from "../../platform/db/decimal-string.type.js";
import { Organization } from "../organization/organization.entity.js";

/**
 * One organisation's figures for one calendar month (in the configured time zone),
 * recomputed as a whole by the monthly-statistics job: rows are replaced, never edited.
 */
@ObjectType({
  description: "An organisation's figures for one month (SPEC §5), recomputed by the monthly-statistics job.",
})
@Entity({ tableName: "monthly_statistic" })
@Unique({ properties: ["organization", "month"] })
@Index({ properties: ["month"] })
// A rate's numerator is part of its denominator: the database refuses a count that is not.
@Check({ name: "monthly_statistic_orders_first_pass_check", expression: "orders_first_pass <= orders_validated" })
@Check({ name: "monthly_statistic_orders_due_on_time_check", expression: "orders_due_on_time <= orders_due" })
@Check({ name: "monthly_statistic_claims_first_pass_check", expression: "claims_first_pass <= claims_approved" })
@Check({
  name: "monthly_statistic_claim_deliveries_on_time_check",
  expression: "claim_deliveries_on_time <= claim_deliveries_due",
})
export class MonthlyStatistic extends BaseEntity {
  @ManyToOne(() => Organization)
  organization!: Organization;

  @Field({ description: "The month, YYYY-MM, in the operator's configured time zone." })
  @Property({ type: "text" })
  month!: string;

  @Field(() => Int, { description: "Orders issued to this provider during the month." })
  @Property({ type: "integer" })
  ordersIssued!: number;

  @Field(() => Int, { description: "Orders the provider confirmed during the month." })
  @Property({ type: "integer" })
  ordersConfirmed!: number;

  @Field(() => Int, { description: "Orders validated for billing during the month." })
  @Property({ type: "integer" })
  ordersValidated!: number;

  @Field(() => Int, { description: "Order rejections during the month (an order rejected twice counts twice)." })
  @Property({ type: "integer" })
  ordersRejected!: number;

  @Field(() => Int, { description: "Orders that expired during the month." })
  @Property({ type: "integer" })
  ordersExpired!: number;

  @Field(() => Int, { description: "Orders voided during the month." })
  @Property({ type: "integer" })
  ordersVoided!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Median hours from issue to validation of the orders validated this month; null when none.",
  })
  @Property({ type: "double precision", nullable: true })
  turnaroundMedianHours?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "90th percentile of the same turnaround, in hours; null when none.",
  })
  @Property({ type: "double precision", nullable: true, fieldName: "turnaround_p90_hours" })
  turnaroundP90Hours?: number | null;

  @Field(() => Int, { description: "Claims this organisation registered during the month." })
  @Property({ type: "integer" })
  claimsRegistered!: number;

  @Field(() => Int, { description: "Claims first submitted during the month." })
  @Property({ type: "integer" })
  claimsSubmitted!: number;

  @Field(() => Int, { description: "Of those, the ones submitted by their delivery deadline." })
  @Property({ type: "integer" })
  claimsSubmittedOnTime!: number;

  @Field(() => Int, { description: "Claim returns (نقص) during the month." })
  @Property({ type: "integer" })
  claimsReturned!: number;

  @Field(() => Int, { description: "Claims approved during the month." })
  @Property({ type: "integer" })
  claimsApproved!: number;

  @MoneyField({
    nullable: true,
    description:
      "Sum of the approved payable amounts of the claims approved this month, in `currency`; null when none or mixed currencies.",
  })
  @Property({ type: DecimalStringType, precision: 19, scale: 4, nullable: true })
  approvedAmount?: string | null;

  @Field(() => CurrencyScalar, { nullable: true, description: "ISO-4217 currency of approvedAmount." })
  @Property({ type: "text", nullable: true })
  currency?: string | null;

  @Field(() => Int, { description: "Visits at this organisation completed during the month." })
  @Property({ type: "integer" })
  visitsCompleted!: number;

  // Supervision figures (issue #16): counts only, so that any roll-up (months, a branch's
  // organisations) is a sum and every rate is derived exactly from its two counts
  // (supervision-measures.ts). Definitions: supervision-figures.sql.ts.

  @Field(() => Int, {
    description: "Of ordersValidated, the orders validated without a rejection in their status history (first pass).",
  })
  @Property({ type: "integer", default: 0 })
  ordersFirstPass!: number;

  @Field(() => Int, {
    description:
      "Orders whose report deadline (dueAt) fell in the month; undelivered orders voided by then or suspended now are left out.",
  })
  @Property({ type: "integer", default: 0 })
  ordersDue!: number;

  @Field(() => Int, {
    description: "Of ordersDue, those first submitted for review (the FINAL report delivered) at or before dueAt.",
  })
  @Property({ type: "integer", default: 0 })
  ordersDueOnTime!: number;

  @Field(() => Int, {
    description: "Of claimsApproved, the claims approved without a return in their status history (first pass).",
  })
  @Property({ type: "integer", default: 0 })
  claimsFirstPass!: number;

  @Field(() => Int, {
    description:
      "Claim delivery windows (registration, or again after each return) whose due date fell in the month; undelivered windows of claims cancelled by then are left out.",
  })
  @Property({ type: "integer", default: 0 })
  claimDeliveriesDue!: number;

  @Field(() => Int, {
    description: "Of claimDeliveriesDue, the windows closed by a SUBMIT at or before their due date.",
  })
  @Property({ type: "integer", default: 0 })
  claimDeliveriesOnTime!: number;

  @Field(() => DateTimeResolver, { description: "When these figures were computed." })
  @Property({ type: "timestamptz" })
  computedAt!: Date;
}
