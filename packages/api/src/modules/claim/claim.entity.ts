import { Entity, Enum, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { DecimalStringType } from "../../platform/db/decimal-string.type.js";
import { Case } from "../case/case.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Liability, Policy } from "../policy/policy.entity.js";
import { ClaimKind, ClaimStatus } from "./claim.enums.js";
import { CurrencyScalar } from "./engine/money.graphql.js";

/**
 * Money columns hold any ISO 4217 scale (up to 4 minor digits) and up to 15 integer
 * digits, the engine's bound. Postgres returns them padded to 4 decimals, so GraphQL
 * renders them through formatMoney with the claim's currency (claim-fields.resolver.ts).
 */
export const moneyColumn = (nullable = false) => ({ type: DecimalStringType, precision: 19, scale: 4, nullable });

/**
 * One delivery window: registration opens the first, each RETURN opens another with 15
 * fresh working days (Persian seed, clause 7). Stored as ISO strings in jsonb.
 */
export interface ClaimDeliveryWindowRecord {
  opensBy: "REGISTER" | "RETURN";
  opensAt: string;
  dueAt: string;
  /** The SUBMIT that closed the window, if any. */
  deliveredAt?: string | null;
}

export interface ClaimReturnReason {
  code: string;
  text: string;
}

type ClaimDefaults =
  | "status"
  | "lineCount"
  | "gross"
  | "discountTotal"
  | "deductibleApplied"
  | "covered"
  | "patientShare"
  | "payable"
  | "appliedCaps"
  | "paidPatient"
  | "paidInsurer"
  | "outstandingPatient"
  | "outstandingInsurer"
  | "returnReasons"
  | "deliveryWindows";

@ObjectType({ description: "A claim (理赔, претенция, خسارت) under one liability of a policy, for one case." })
@Entity({ tableName: "claim" })
@Index({ properties: ["registeredBy", "createdAt"] })
@Index({ properties: ["policy", "status"] })
@Index({ properties: ["status", "deliveryDueAt"] })
@Index({ properties: ["sourceVisitId"] })
// The case scope probes "cases with a claim this agency registered" by case.
@Index({ properties: ["case"] })
export class Claim extends VersionedEntity<ClaimDefaults> {
  @Field({ description: "Human number CLM-<year>-<6 digits>." })
  @Property({ type: "text" })
  @Unique()
  number!: string;

  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Policy)
  policy!: Policy;

  @ManyToOne(() => Liability)
  liability!: Liability;

  @Field(() => ClaimKind, { description: "OUTPATIENT, INPATIENT or GLOBAL." })
  @Enum({ items: () => ClaimKind, nativeEnumName: "claim_kind" })
  kind!: ClaimKind;

  @ManyToOne(() => Organization)
  registeredBy!: Organization;

  /** The provider who gave the care; decides in- or out-of-network. */
  @ManyToOne(() => Organization, { nullable: true })
  provider?: Organization | null;

  @Field(() => ID, { nullable: true, description: "The field visit whose liability link created this claim." })
  @Property({ type: "uuid", nullable: true })
  sourceVisitId?: string | null;

  @Field(() => ClaimStatus, { description: "Current state; change it only through transitionClaim." })
  @Enum({ items: () => ClaimStatus, nativeEnumName: "claim_status" })
  status: ClaimStatus = ClaimStatus.DRAFT;

  @Field(() => CurrencyScalar, {
    description: "ISO 4217 currency of every amount of the claim (the policy's currency).",
  })
  @Property({ type: "text" })
  currency!: string;

  @Field(() => Int, { description: "Number of lines." })
  @Property({ type: "integer" })
  lineCount: number = 0;

  @Property(moneyColumn())
  gross: string = "0";

  @Property(moneyColumn())
  discountTotal: string = "0";

  @Property(moneyColumn())
  deductibleApplied: string = "0";

  @Property(moneyColumn())
  covered: string = "0";

  @Property(moneyColumn())
  patientShare: string = "0";

  @Property(moneyColumn())
  payable: string = "0";

  @Field(() => [String], {
    description: "Rules that reduced the insurer's share: DEDUCTIBLE, PER_CLAIM_LIMIT, ANNUAL_LIMIT.",
  })
  @Property({ type: "jsonb" })
  appliedCaps: string[] = [];

  @Property(moneyColumn(true))
  approvedGross?: string | null;

  @Property(moneyColumn(true))
  approvedDeductibleApplied?: string | null;

  @Property(moneyColumn(true))
  approvedCovered?: string | null;

  @Property(moneyColumn(true))
  approvedPatientShare?: string | null;

  @Property(moneyColumn(true))
  approvedPayable?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the reviewer approved and froze the amounts." })
  @Property({ type: "timestamptz", nullable: true })
  approvedAt?: Date | null;

  /** Running sums of recorded payments, kept with the claim so lists and daily reports need no aggregation. */
  @Property(moneyColumn())
  paidPatient: string = "0";

  @Property(moneyColumn())
  paidInsurer: string = "0";

  @Property(moneyColumn())
  outstandingPatient: string = "0";

  @Property(moneyColumn())
  outstandingInsurer: string = "0";

  @Field(() => DateTimeResolver, {
    description:
      "The delivery deadline: 15 working days of the registering organisation's calendar from registration, or from the latest RETURN.",
  })
  @Property({ type: "timestamptz" })
  deliveryDueAt!: Date;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the first SUBMIT came by deliveryDueAt; null until then.",
  })
  @Property({ type: "boolean", nullable: true })
  deliveredOnTime?: boolean | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "First SUBMIT." })
  @Property({ type: "timestamptz", nullable: true })
  firstSubmittedAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Latest SUBMIT (a resubmission after a return)." })
  @Property({ type: "timestamptz", nullable: true })
  lastSubmittedAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the expiration worker found the claim still DRAFT or RETURNED past deliveryDueAt.",
  })
  @Property({ type: "timestamptz", nullable: true })
  overdueFlaggedAt?: Date | null;

  @Property({ type: "jsonb" })
  returnReasons: ClaimReturnReason[] = [];

  @Property({ type: "jsonb", default: "[]" })
  deliveryWindows: ClaimDeliveryWindowRecord[] = [];

  @Field(() => String, { nullable: true, description: "Why the claim was denied." })
  @Property({ type: "text", nullable: true })
  denialReason?: string | null;

  @Field(() => String, { nullable: true, description: "Payment reference recorded at SETTLE." })
  @Property({ type: "text", nullable: true })
  settlementReference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why SETTLE went ahead without insurer payments covering the payable.",
  })
  @Property({ type: "text", nullable: true })
  settlementNote?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the claim was settled." })
  @Property({ type: "timestamptz", nullable: true })
  settledAt?: Date | null;
}
