import { Entity, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, Float, Int, ObjectType } from "type-graphql";
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

  @Field(() => String, {
    nullable: true,
    description:
      "Sum of the approved payable amounts of the claims approved this month (decimal string); null when none or mixed currencies.",
  })
  @Property({ type: DecimalStringType, precision: 19, scale: 4, nullable: true })
  approvedAmount?: string | null;

  @Field(() => String, { nullable: true, description: "ISO-4217 currency of approvedAmount." })
  @Property({ type: "text", nullable: true })
  currency?: string | null;

  @Field(() => Int, { description: "Visits at this organisation completed during the month." })
  @Property({ type: "integer" })
  visitsCompleted!: number;

  @Field(() => DateTimeResolver, { description: "When these figures were computed." })
  @Property({ type: "timestamptz" })
  computedAt!: Date;
}
