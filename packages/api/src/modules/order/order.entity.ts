import { Entity, Enum, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { DecimalStringType } from "../../platform/db/decimal-string.type.js";
import { Case } from "../case/case.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { CurrencyScalar } from "../claim/engine/money.graphql.js";

export enum OrderStatus {
  ISSUED = "ISSUED",
  CONFIRMED = "CONFIRMED",
  IN_EVALUATION = "IN_EVALUATION",
  IN_VERIFICATION = "IN_VERIFICATION",
  REJECTED = "REJECTED",
  VALIDATED_FOR_BILLING = "VALIDATED_FOR_BILLING",
  BILLED = "BILLED",
  SUSPENDED = "SUSPENDED",
  VOIDED = "VOIDED",
  EXPIRED = "EXPIRED",
}
registerEnumType(OrderStatus, {
  name: "OrderStatus",
  description: "Where an attention order stands (SAGCOM 2 states).",
  valuesConfig: {
    ISSUED: { description: "Emitida: waiting for the provider to confirm." },
    CONFIRMED: { description: "Confirmed by the provider." },
    IN_EVALUATION: { description: "The provider is performing the evaluation (Realizar evaluación)." },
    IN_VERIFICATION: { description: "En verificación de recepción: the operator reviews the report." },
    REJECTED: { description: "Rechazada: the provider must correct the report and resubmit." },
    VALIDATED_FOR_BILLING: { description: "Validada para cobro." },
    BILLED: { description: "Cobrada (terminal)." },
    SUSPENDED: { description: "Suspendida: deadlines stop until it is resumed." },
    VOIDED: { description: "Anulada (terminal)." },
    EXPIRED: { description: "Expirada: a deadline passed (terminal)." },
  },
});

export enum OrderKind {
  EXAM = "EXAM",
  EXPERT_OPINION = "EXPERT_OPINION",
  INTERCONSULTATION = "INTERCONSULTATION",
}
registerEnumType(OrderKind, {
  name: "OrderKind",
  description: "What the provider is asked for.",
  valuesConfig: {
    EXAM: { description: "A medical exam." },
    EXPERT_OPINION: { description: "An expert opinion (peritaje)." },
    INTERCONSULTATION: { description: "An interconsultation with a specialist." },
  },
});

export const TERMINAL_ORDER_STATUSES = [OrderStatus.BILLED, OrderStatus.VOIDED, OrderStatus.EXPIRED] as const;

@ObjectType({ description: "An attention order (orden de atención) addressed to a provider for a case." })
@Entity({ tableName: "attention_order" })
@Index({ properties: ["provider", "status", "createdAt"] })
// A partner's list in creation order: the provider branch of its UNION (platform/read-compiler).
@Index({ properties: ["provider", "createdAt"] })
@Index({ properties: ["status", "createdAt"] })
@Index({ properties: ["status", "confirmBy"] })
@Index({ properties: ["status", "dueAt"] })
// The tray filtered by specialty, sorted by due date, and its totalCount (index-only).
@Index({ properties: ["status", "specialty", "dueAt"] })
@Index({ properties: ["case"] })
// Lists over several statuses (CLOSED, WORKED) sorted by creation read this backwards
// instead of sorting the matching rows (docs/BENCHMARKS.md).
@Index({ properties: ["createdAt"] })
export class Order extends VersionedEntity<"status" | "requestedCodes" | "rejectionCount"> {
  @Field({ description: "Human number ORD-<year>-<6 digits>." })
  @Property({ type: "text" })
  @Unique()
  number!: string;

  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Organization)
  provider!: Organization;

  @Field(() => OrderKind, { description: "EXAM, EXPERT_OPINION or INTERCONSULTATION." })
  @Enum({ items: () => OrderKind, nativeEnumName: "order_kind" })
  kind!: OrderKind;

  @Field({ description: "Specialty, e.g. traumatology; selects the report form template." })
  @Property({ type: "text" })
  specialty!: string;

  @Field(() => [String], { description: "Requested service codes (fee schedule codes)." })
  @Property({ type: "jsonb" })
  requestedCodes: string[] = [];

  @Field(() => OrderStatus, { description: "Current state; change it with transitionOrder." })
  @Enum({ items: () => OrderStatus, nativeEnumName: "order_status" })
  status: OrderStatus = OrderStatus.ISSUED;

  @Field(() => DateTimeResolver, { description: "The provider must confirm before this time." })
  @Property({ type: "timestamptz" })
  confirmBy!: Date;

  @Field(() => DateTimeResolver, { description: "The report is due by this time." })
  @Property({ type: "timestamptz" })
  dueAt!: Date;

  // Exposed through OrderResolver.amount, at the currency's minor unit (Postgres pads to the scale).
  // 15 integer digits: IRR fees reach 10^12 rials.
  @Property({ type: DecimalStringType, precision: 17, scale: 2, nullable: true })
  amount?: string | null;

  @Field(() => CurrencyScalar, { nullable: true, description: "ISO 4217 currency of the amount." })
  @Property({ type: "text", nullable: true })
  currency?: string | null;

  @Field(() => String, { nullable: true, description: "Instructions for the provider." })
  @Property({ type: "text", nullable: true })
  notes?: string | null;

  /** The state SUSPEND left, so RESUME can return to it. */
  @Property({ type: "text", nullable: true })
  suspendedFrom?: OrderStatus | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the order was suspended, while it is." })
  @Property({ type: "timestamptz", nullable: true })
  suspendedAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Last rejection time (RESUBMIT needs a newer FINAL report).",
  })
  @Property({ type: "timestamptz", nullable: true })
  lastRejectedAt?: Date | null;

  @Property({ type: "integer" })
  rejectionCount: number = 0;

  @Field(() => String, { nullable: true, description: "Invoice reference recorded by MARK_BILLED." })
  @Property({ type: "text", nullable: true })
  invoiceReference?: string | null;
}
