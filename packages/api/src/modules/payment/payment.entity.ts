import { Entity, Enum, Index, ManyToOne, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { BaseEntity } from "../../platform/db/base.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Claim, moneyColumn } from "../claim/claim.entity.js";
import { PaymentMethod, PaymentPayer } from "../claim/claim.enums.js";
import { ActorKind } from "../../platform/auth/actor-kind.js";
import { CurrencyScalar } from "../claim/engine/money.graphql.js";

/** Money received against a claim. Append-only: a correction is a new payment, never an edit. */
@ObjectType({ description: "A payment received against a claim: the patient's co-pay or the insurer's remittance." })
@Entity({ tableName: "payment" })
@Index({ properties: ["claim", "receivedAt"] })
@Index({ properties: ["organization", "receivedAt"] })
export class Payment extends BaseEntity {
  @ManyToOne(() => Claim)
  claim!: Claim;

  /** The claim's registering organisation, copied so daily collections and scoping need no join. */
  @ManyToOne(() => Organization)
  organization!: Organization;

  @Field(() => PaymentPayer, { description: "PATIENT or INSURER." })
  @Enum({ items: () => PaymentPayer, nativeEnumName: "payment_payer" })
  payer!: PaymentPayer;

  @Property(moneyColumn())
  amount!: string;

  @Field(() => CurrencyScalar, { description: "ISO 4217 currency (the claim's)." })
  @Property({ type: "text" })
  currency!: string;

  @Field(() => PaymentMethod, { description: "How the money came in." })
  @Enum({ items: () => PaymentMethod, nativeEnumName: "payment_method" })
  method!: PaymentMethod;

  @Field(() => String, { nullable: true, description: "Receipt, card authorisation or remittance reference." })
  @Property({ type: "text", nullable: true })
  reference?: string | null;

  @Field(() => DateTimeResolver, { description: "When the money was received." })
  @Property({ type: "timestamptz" })
  receivedAt!: Date;

  @Field(() => ActorKind, { description: "Who recorded it: STAFF or PARTNER." })
  @Property({ type: "text" })
  recordedByKind!: string;

  @Field(() => ID, { nullable: true, description: "The user id (staff) or API key id (partner) that recorded it." })
  @Property({ type: "uuid", nullable: true })
  recordedById?: string | null;
}
