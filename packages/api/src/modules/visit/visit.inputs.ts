import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";
import { OrderByInput } from "../../platform/graphql/connection.js";
import {
  BankAccountScheme,
  LiabilityLinksMode,
  VisitConclusion,
  VisitEvent,
  VisitKind,
  VisitStatus,
} from "./visit.enums.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";

@InputType({ description: "Filters for the visit task list (探访任务查询) and its exports." })
export class VisitFilter {
  @IdsFilterField("visits")
  ids?: string[] | null;
  @Field(() => [VisitStatus], { nullable: true, description: "Only these states." })
  status?: VisitStatus[] | null;
  @Field(() => VisitKind, { nullable: true, description: "FIELD_VISIT or APPOINTMENT." })
  kind?: VisitKind | null;
  @Field(() => ID, { nullable: true, description: "Assigned visitor." })
  assigneeId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Hospital of a field visit or provider of an appointment (the site).",
  })
  hospitalId?: string | null;
  @Field(() => ID, { nullable: true, description: "Patient." })
  patientId?: string | null;
  @Field(() => ID, { nullable: true, description: "Case." })
  caseId?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: "Scheduled at or after this time." })
  scheduledFrom?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: "Scheduled before this time." })
  scheduledTo?: Date | null;
  @Field(() => VisitConclusion, { nullable: true, description: "The visitor's conclusion." })
  conclusion?: VisitConclusion | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "回退查询: true = RETURNED now or returned at least once; false = never returned.",
  })
  returned?: boolean | null;
  @Field(() => String, { nullable: true, description: "Visit number, case number or patient name contains this text." })
  search?: string | null;
}

export enum VisitSortField {
  CREATED_AT = "createdAt",
  UPDATED_AT = "updatedAt",
  NUMBER = "number",
  STATUS = "status",
  SCHEDULED_AT = "scheduledAt",
}
registerEnumType(VisitSortField, {
  name: "VisitSortField",
  description: "Sortable visit fields.",
  valuesConfig: {
    CREATED_AT: { description: "By creation time." },
    UPDATED_AT: { description: "By last change." },
    NUMBER: { description: "By visit number." },
    STATUS: { description: "By state." },
    SCHEDULED_AT: { description: "By the time the visit takes place (a visitor's day in order)." },
  },
});
export const VisitOrder = OrderByInput("VisitOrder", VisitSortField, VisitSortField.CREATED_AT);

@InputType({ description: "Assigns one or many pending field visits to a visitor (任务分配); all or nothing." })
export class AssignVisitInput {
  @Field(() => [ID], { description: "The visits to assign (at most 100)." })
  visitIds!: string[];
  @Field(() => ID, { description: "The visitor (a staff user with the VISITOR role covering the visits' hospitals)." })
  visitorId!: string;
  @Field(() => Boolean, {
    defaultValue: false,
    description: "是否短信提示: queue an SMS to the visitor for each visit.",
  })
  notifySms!: boolean;
  @Field(() => DateTimeResolver, { nullable: true, description: "Planned visit time, if already agreed." })
  scheduledAt?: Date | null;
  @Field(() => [Int], { nullable: true, description: "The versions you read, in the order of visitIds." })
  expectedVersions?: number[] | null;
}

@InputType({ description: "Gives an assigned field visit to another visitor (任务修改)." })
export class ReassignVisitInput {
  @Field(() => ID, { description: "Visit id." })
  id!: string;
  @Field(() => ID, { description: "The new visitor." })
  visitorId!: string;
  @Field(() => Boolean, { defaultValue: false, description: "Queue an SMS to the new visitor." })
  notifySms!: boolean;
  @Field(() => String, { nullable: true, description: "Why the visitor changes (kept in the history)." })
  reason?: string | null;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
}

@InputType({ description: "What the visitor found at the hospital; omitted fields stay as they are." })
export class VisitFindingsInput {
  @Field(() => LocalDateResolver, { nullable: true, description: "Admission date." })
  admissionDate?: string | null;
  @Field(() => String, { nullable: true, description: "Ward." })
  ward?: string | null;
  @Field(() => String, { nullable: true, description: "Bed." })
  bed?: string | null;
  @Field(() => [String], { nullable: true, description: "ICD-10 diagnosis codes; replaces the list." })
  diagnosisCodes?: string[] | null;
  @Field(() => String, { nullable: true, description: "Investigation result text." })
  investigationResult?: string | null;
}

@InputType({ description: "One liability of one of the patient's policies (添加分案)." })
export class LiabilityLinkInput {
  @Field(() => ID, { description: "A policy the patient is a member of (INDIVIDUAL or GROUP)." })
  policyId!: string;
  @Field(() => ID, { description: "A liability of that policy." })
  liabilityId!: string;
}

@InputType({ description: "Liability links to set on the visit." })
export class LiabilityLinksInput {
  @Field(() => LiabilityLinksMode, { defaultValue: LiabilityLinksMode.REPLACE, description: "REPLACE or ADD." })
  mode!: LiabilityLinksMode;
  @Field(() => [LiabilityLinkInput], { description: "The links." })
  links!: LiabilityLinkInput[];
}

@InputType({ description: "The patient's payout bank account; stored encrypted." })
export class BankAccountInput {
  @Field(() => BankAccountScheme, { description: "IBAN, CN_CARD or CL_ACCOUNT." })
  scheme!: BankAccountScheme;
  @Field({ description: "The account number; spaces and dashes are ignored." })
  number!: string;
}

@InputType({ description: "探访信息录入: saves findings, liability links and bank account (SAVE_PRELIMINARY)." })
export class SaveVisitFindingsInput {
  @Field(() => ID, { description: "Visit id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => VisitFindingsInput, { nullable: true, description: "Findings." })
  findings?: VisitFindingsInput | null;
  @Field(() => LiabilityLinksInput, { nullable: true, description: "Liability links (分案)." })
  liabilityLinks?: LiabilityLinksInput | null;
  @Field(() => BankAccountInput, { nullable: true, description: "Payout bank account." })
  bankAccount?: BankAccountInput | null;
}

@InputType({ description: "Concludes a field visit (探访结论), optionally saving last changes first." })
export class ConcludeVisitInput extends SaveVisitFindingsInput {
  @Field(() => VisitConclusion, { description: "COMPLETED (探访完毕) or NO_LIABILITY (无赔付责任)." })
  conclusion!: VisitConclusion;
}

@InputType({ description: "Books a patient's appointment at a provider." })
export class ScheduleAppointmentInput {
  @Field(() => ID, { description: "Patient." })
  patientId!: string;
  @Field(() => ID, { nullable: true, description: "Provider organisation; a partner may omit it (its own)." })
  providerId?: string | null;
  @Field(() => DateTimeResolver, { description: "Appointment time, in the future." })
  scheduledAt!: Date;
  @Field(() => ID, { nullable: true, description: "The attention order the appointment serves." })
  orderId?: string | null;
  @Field(() => ID, { nullable: true, description: "The case, if any (must be the patient's)." })
  caseId?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Creates a field visit for a case (operator)." })
export class CreateFieldVisitInput {
  @Field(() => ID, { description: "The case; its patient is visited." })
  caseId!: string;
  @Field(() => ID, { nullable: true, description: "Hospital; defaults to the case's hospital." })
  hospitalId?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Fires one visit event (RETURN, APPROVE, ATTEND, NO_SHOW, RESCHEDULE, CANCEL)." })
export class TransitionVisitInput {
  @Field(() => ID, { description: "Visit id." })
  id!: string;
  @Field(() => VisitEvent, { description: "The event." })
  event!: VisitEvent;
  @Field(() => String, { nullable: true, description: "Reason (RETURN and CANCEL require one)." })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: "Machine-readable reason code." })
  reasonCode?: string | null;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => DateTimeResolver, { nullable: true, description: "New appointment time (RESCHEDULE)." })
  scheduledAt?: Date | null;
}
