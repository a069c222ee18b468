import { ArrayType, Entity, Enum, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";
import { BaseEntity, VersionedEntity } from "../../platform/db/base.entity.js";
import { Case } from "../case/case.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Liability, Policy } from "../policy/policy.entity.js";
import { User } from "../user/user.entity.js";
import { BankAccountScheme, VisitConclusion, VisitKind, VisitStatus } from "./visit.enums.js";

/**
 * A field visit (探访) or an appointment. `site` is the hospital of a field visit or the
 * provider of an appointment: one column so scoping ("visits at my organisation") and the
 * task list filter treat both kinds alike.
 */
@ObjectType({ description: "A hospital field visit (探访) or a patient's appointment at a provider." })
@Entity({ tableName: "visit" })
@Index({ properties: ["site", "status", "createdAt"] })
@Index({ properties: ["assignee", "status"] })
@Index({ properties: ["status", "createdAt"] })
@Index({ properties: ["case"] })
@Index({ properties: ["patient"] })
// The reminder scanner's query: SCHEDULED appointments whose reminderDueAt has come.
@Index({
  name: "visit_appointment_reminder_idx",
  expression:
    "create index visit_appointment_reminder_idx on visit (status, reminder_due_at) where kind = 'APPOINTMENT'",
})
export class Visit extends VersionedEntity<"status" | "diagnosisCodes" | "returnCount"> {
  @Field({ description: "Human number VIS-<year>-<6 digits>." })
  @Property({ type: "text" })
  @Unique()
  number!: string;

  @Field(() => VisitKind, { description: "FIELD_VISIT or APPOINTMENT." })
  @Enum({ items: () => VisitKind, nativeEnumName: "visit_kind" })
  kind!: VisitKind;

  @ManyToOne(() => Case, { nullable: true })
  case?: Case | null;

  @ManyToOne(() => Patient)
  patient!: Patient;

  @ManyToOne(() => Organization)
  site!: Organization;

  /** The attention order an appointment serves; a plain id so visits do not depend on the order module. */
  @Property({ type: "uuid", nullable: true })
  @Index()
  orderId?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the visit or appointment takes place." })
  @Property({ type: "timestamptz", nullable: true })
  scheduledAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the 24-hour SMS reminder of an appointment is due (scheduledAt − 24 h).",
  })
  @Property({ type: "timestamptz", nullable: true })
  reminderDueAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the reminder was queued; cleared by RESCHEDULE.",
  })
  @Property({ type: "timestamptz", nullable: true })
  remindedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  assignee?: User | null;

  @Field(() => VisitStatus, { description: "Current state; change it through the visit mutations or transitionVisit." })
  @Enum({ items: () => VisitStatus, nativeEnumName: "visit_status" })
  status: VisitStatus = VisitStatus.PENDING_ASSIGNMENT;

  @Field(() => LocalDateResolver, { nullable: true, description: "Admission date found at the hospital (入院日期)." })
  @Property({ type: "date", nullable: true })
  admissionDate?: string | null;

  @Field(() => String, { nullable: true, description: "Ward (病区)." })
  @Property({ type: "text", nullable: true })
  ward?: string | null;

  @Field(() => String, { nullable: true, description: "Bed (床位)." })
  @Property({ type: "text", nullable: true })
  bed?: string | null;

  @Field(() => [String], { description: "Diagnosis codes in ICD-10 format, e.g. S72.0." })
  @Property({ type: ArrayType, columnType: "text[]", defaultRaw: "'{}'" })
  diagnosisCodes: string[] = [];

  @Field(() => String, { nullable: true, description: "Investigation result written by the visitor (调查结果)." })
  @Property({ type: "text", nullable: true })
  investigationResult?: string | null;

  @Field(() => VisitConclusion, { nullable: true, description: "The visitor's conclusion, set by concludeVisit." })
  @Enum({ items: () => VisitConclusion, nativeEnumName: "visit_conclusion", nullable: true })
  conclusion?: VisitConclusion | null;

  /** AES-GCM ciphertext of the payout account number; read through the masked `bankAccount` field. */
  @Property({ type: "text", nullable: true, hidden: true })
  bankAccountEnc?: string | null;

  @Field(() => BankAccountScheme, {
    nullable: true,
    description: "Format of the payout bank account, when one is given.",
  })
  @Enum({ items: () => BankAccountScheme, nativeEnumName: "bank_account_scheme", nullable: true })
  bankAccountScheme?: BankAccountScheme | null;

  @Field(() => String, { nullable: true, description: "The reviewer's reason of the last RETURN (回退原因)." })
  @Property({ type: "text", nullable: true })
  returnReason?: string | null;

  @Field(() => Int, { description: "How many times the reviewer returned the visit (回退查询 finds any above 0)." })
  @Property({ type: "integer" })
  returnCount: number = 0;

  @Field(() => String, { nullable: true, description: "Why the visit was cancelled." })
  @Property({ type: "text", nullable: true })
  cancelReason?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the visit reached COMPLETED." })
  @Property({ type: "timestamptz", nullable: true })
  completedAt?: Date | null;
}

/** 分案: one policy liability the case touches; each link becomes one claim on approval. */
@ObjectType({ description: "A liability of one of the patient's policies linked to a field visit (分案)." })
@Entity({ tableName: "visit_liability_link" })
@Unique({ properties: ["visit", "liability"] })
@Index({ properties: ["policy"] })
export class VisitLiabilityLink extends BaseEntity {
  @ManyToOne(() => Visit)
  visit!: Visit;

  @ManyToOne(() => Policy)
  policy!: Policy;

  @ManyToOne(() => Liability)
  liability!: Liability;
}
