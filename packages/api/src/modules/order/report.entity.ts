import { Entity, Enum, Index, ManyToOne, Property } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { GraphQLJSON } from "graphql-scalars";
import { BaseEntity } from "../../platform/db/base.entity.js";
import { Order } from "./order.entity.js";
import { StoredFile } from "./stored-file.entity.js";
import { ActorKind } from "../../platform/auth/actor-kind.js";

export enum ReportKind {
  PRELIMINARY = "PRELIMINARY",
  FINAL = "FINAL",
}
registerEnumType(ReportKind, {
  name: "ReportKind",
  description: "Preliminary reports speed up the review; the FINAL one is what the operator validates.",
  valuesConfig: {
    PRELIMINARY: { description: "Informe preliminar." },
    FINAL: { description: "Informe final." },
  },
});

/** Append-only: a correction is a new report, so every version is kept. */
@ObjectType({
  description: "A report (informe) of an order: an uploaded document or a form filled against a template.",
})
@Entity({ tableName: "order_report" })
@Index({ properties: ["order", "createdAt"] })
@Index({ properties: ["file"] })
// the operator's inbox (report-inbox.rule.ts): reports nobody at the operator has read yet
@Index({
  name: "order_report_awaiting_idx",
  expression: "create index order_report_awaiting_idx on order_report (created_at) where acknowledged_at is null",
})
export class Report extends BaseEntity {
  @ManyToOne(() => Order)
  order!: Order;

  @Field(() => ReportKind, { description: "PRELIMINARY or FINAL." })
  @Enum({ items: () => ReportKind, nativeEnumName: "report_kind" })
  kind!: ReportKind;

  @ManyToOne(() => StoredFile, { nullable: true })
  file?: StoredFile | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The structured form, when the report was filled in the system.",
  })
  @Property({ type: "jsonb", nullable: true })
  form?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Specialty of the form template used." })
  @Property({ type: "text", nullable: true })
  templateSpecialty?: string | null;

  @Field(() => Int, { nullable: true, description: "Version of the form template the form was validated against." })
  @Property({ type: "integer", nullable: true })
  templateVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The requested service code the report is for (orders with several); null for the whole order.",
  })
  @Property({ type: "text", nullable: true })
  serviceCode?: string | null;

  @Field(() => ActorKind, { nullable: true, description: "STAFF, PARTNER or PARTNER_USER: who attached it." })
  @Property({ type: "text", nullable: true })
  submittedByKind?: string | null;

  @Field(() => ID, { nullable: true, description: "Organisation that attached it." })
  @Property({ type: "uuid", nullable: true })
  submittedByOrganizationId?: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When operator staff marked it read (acknowledgeOrderReports); null: it awaits the operator.",
  })
  @Property({ type: "timestamptz", nullable: true })
  acknowledgedAt?: Date | null;

  @Property({ type: "uuid", nullable: true })
  acknowledgedById?: string | null;
}
