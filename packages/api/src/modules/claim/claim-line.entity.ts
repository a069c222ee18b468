import { Entity, Index, ManyToOne, Property } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { Claim, moneyColumn } from "./claim.entity.js";
import { CurrencyScalar } from "./engine/money.graphql.js";

export interface LineModifier {
  code: string;
  factor: string;
}

/** One billed service of a claim; setClaimLines replaces the whole set. */
@ObjectType({ description: "A line of a claim: one service code with quantity, price, discount and modifiers." })
@Entity({ tableName: "claim_line" })
@Index({ properties: ["claim", "position"] })
export class ClaimLine extends VersionedEntity<"modifiers" | "discount" | "priceAboveSchedule"> {
  @ManyToOne(() => Claim)
  claim!: Claim;

  @Field(() => Int, { description: "Position of the line in the claim, from 0." })
  @Property({ type: "integer" })
  position!: number;

  @Field({ description: "Code system of the service: CDT, CPT or LOCAL." })
  @Property({ type: "text" })
  serviceSystem!: string;

  @Field({ description: "Service code, e.g. D0150." })
  @Property({ type: "text" })
  serviceCode!: string;

  @Field({ description: "What was done (defaults to the fee schedule's description)." })
  @Property({ type: "text" })
  description!: string;

  @Field(() => Int, { description: "Units, a positive whole number." })
  @Property({ type: "integer" })
  quantity!: number;

  @Field(() => CurrencyScalar, { description: "ISO 4217 currency of the line amounts (the claim's)." })
  @Property({ type: "text" })
  currency!: string;

  @Property(moneyColumn())
  unitPrice!: string;

  @Property(moneyColumn())
  discount: string = "0";

  /** The fee schedule's fee in the claim's currency when the line was set; null when the fee is in another currency. */
  @Property(moneyColumn(true))
  scheduleUnitPrice?: string | null;

  @Field({
    description:
      "The unit price is above the fee schedule's fee (or the fee is in another currency): set only with priceOverrideReason, for the reviewer to check.",
  })
  @Property({ type: "boolean" })
  priceAboveSchedule: boolean = false;

  @Field(() => String, {
    nullable: true,
    description: "Why the unit price is above the fee schedule, as the biller gave it.",
  })
  @Property({ type: "text", nullable: true })
  priceOverrideReason?: string | null;

  @Field(() => GraphQLJSON, {
    description:
      "Modifiers applied in order: [{ code, factor }], the factor taken from the configured modifier list (claimModifiers) when the line was set.",
  })
  @Property({ type: "jsonb" })
  modifiers: LineModifier[] = [];

  /** quantity × unitPrice − discount, times the modifier factors (the engine's computedAmount). */
  @Property(moneyColumn())
  amount!: string;

  /** Set by the reviewer when lowering the line; null = the computed amount is allowed. */
  @Property(moneyColumn(true))
  approvedAmount?: string | null;

  @Field(() => String, { nullable: true, description: "Why the reviewer lowered the line." })
  @Property({ type: "text", nullable: true })
  adjustmentReason?: string | null;
}
