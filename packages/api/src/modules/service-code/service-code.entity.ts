import { Entity, Index, Property, Unique } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { MoneyField, CurrencyScalar, RateScalar } from "../claim/engine/money.graphql.js";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { DecimalStringType } from "../../platform/db/decimal-string.type.js";

@ObjectType({ description: "A fee schedule entry: a service code with its fee." })
@Entity({ tableName: "service_code" })
@Unique({ properties: ["system", "code"] })
@Index({ properties: ["specialty"] })
export class ServiceCode extends VersionedEntity<"requiresPreauthorization" | "active"> {
  @Field({ description: "Code system: CDT, CPT or LOCAL." })
  @Property({ type: "text" })
  system!: string;

  @Field({ description: "The code, e.g. D0150." })
  @Property({ type: "text" })
  code!: string;

  @Field({ description: "What the service is." })
  @Property({ type: "text" })
  description!: string;

  @MoneyField({ description: "Fee in `currency`." })
  @Property({ type: DecimalStringType, precision: 17, scale: 2 })
  fee!: string;

  @Field(() => CurrencyScalar, { description: "ISO 4217 currency of the fee." })
  @Property({ type: "text" })
  currency!: string;

  @Field(() => RateScalar, {
    nullable: true,
    description:
      "The largest discount a claim or estimate line of this code may carry, as a share of quantity × unit price (0..1, e.g. 0.2500 = 25 %); a larger one is DISCOUNT_OUT_OF_RANGE. Null: up to the whole line.",
  })
  @Property({ type: DecimalStringType, precision: 5, scale: 4, nullable: true })
  maxDiscountRate?: string | null;

  @Field({ description: "The insurer must pre-authorise this service." })
  @Property({ type: "boolean" })
  requiresPreauthorization: boolean = false;

  @Field(() => String, { nullable: true, description: "Specialty, e.g. dentistry, traumatology." })
  @Property({ type: "text", nullable: true })
  specialty?: string | null;

  @Field({ description: "Inactive codes cannot be ordered or claimed." })
  @Property({ type: "boolean" })
  active: boolean = true;
}
