import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeResolver, GraphQLJSON } from "graphql-scalars";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { OrderKind, OrderStatus } from "./order.entity.js";
import { OrderEvent } from "./order.machine.js";
import { ReportKind } from "./report.entity.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";

registerEnumType(OrderEvent, {
  name: "OrderEvent",
  description: "Events of the order state machine (SPEC §3).",
  valuesConfig: {
    CONFIRM: { description: "Provider confirms the order, before confirmBy." },
    START_EVALUATION: { description: "Provider starts the evaluation (Realizar evaluación)." },
    SUBMIT_FOR_REVIEW: { description: "Provider sends the order to review; needs a FINAL report." },
    APPROVE: { description: "Operator validates the report for billing." },
    REJECT: { description: "Operator rejects the report; reasonCode and reason required; the provider is notified." },
    RESUBMIT: { description: "Provider resubmits; needs a FINAL report newer than the rejection." },
    MARK_BILLED: { description: "Billing records the invoice reference." },
    SUSPEND: { description: "Operator suspends the order (reason); deadlines stop." },
    RESUME: { description: "Operator resumes; deadlines move by the suspended time." },
    VOID: { description: "Operator voids a non-terminal order (reason)." },
    EXPIRE: { description: "System only: a deadline passed." },
  },
});

export enum OrderTray {
  IN_PROCESS = "IN_PROCESS",
  WORKED = "WORKED",
  TO_MANAGE = "TO_MANAGE",
  CLOSED = "CLOSED",
}
registerEnumType(OrderTray, {
  name: "OrderTray",
  description: "The operator's tabs of orders (SAGCOM 2).",
  valuesConfig: {
    IN_PROCESS: { description: "Órdenes en proceso: issued, not yet confirmed." },
    WORKED: {
      description:
        "Órdenes trabajadas: confirmed onward, not terminal and not waiting for the operator (REJECTED and SUSPENDED included).",
    },
    TO_MANAGE: { description: "Por gestionar: waiting for the operator's verification." },
    CLOSED: { description: "Billed, voided or expired." },
  },
});

/**
 * The trays partition the statuses: every order sits in exactly one tray, so the tab
 * counts add up to the total. IN_VERIFICATION is the operator's to manage, not worked;
 * REJECTED waits for the provider's resubmission and SUSPENDED for the operator's
 * resume, both non-terminal, so both are worked (a suspended order keeps no tray of
 * its own, whatever state it was suspended from).
 */
export const TRAY_STATUSES: Record<OrderTray, OrderStatus[]> = {
  IN_PROCESS: [OrderStatus.ISSUED],
  WORKED: [
    OrderStatus.CONFIRMED,
    OrderStatus.IN_EVALUATION,
    OrderStatus.REJECTED,
    OrderStatus.VALIDATED_FOR_BILLING,
    OrderStatus.SUSPENDED,
  ],
  TO_MANAGE: [OrderStatus.IN_VERIFICATION],
  CLOSED: [OrderStatus.BILLED, OrderStatus.VOIDED, OrderStatus.EXPIRED],
};

@InputType({ description: "Filters for the order list." })
export class OrderFilter {
  @IdsFilterField("orders")
  ids?: string[] | null;
  @Field(() => OrderTray, { nullable: true, description: "One of the operator's trays." })
  tray?: OrderTray | null;
  @Field(() => [OrderStatus], { nullable: true, description: "Only these statuses." })
  status?: OrderStatus[] | null;
  @Field(() => ID, { nullable: true, description: "Orders addressed to this provider." })
  providerId?: string | null;
  @Field(() => ID, { nullable: true, description: "Orders of this case." })
  caseId?: string | null;
  @Field(() => ID, { nullable: true, description: "Orders of this patient's cases." })
  patientId?: string | null;
  @Field(() => String, { nullable: true, description: "Specialty." })
  specialty?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Only orders past (true) or within (false) their current deadline.",
  })
  overdue?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: orders with a report awaiting the operator (arrived, not yet read; the console's badge); false: without one.",
  })
  reportsAwaiting?: boolean | null;
  @Field(() => DateTimeResolver, { nullable: true, description: "Issued at or after." })
  issuedFrom?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: "Issued before." })
  issuedTo?: Date | null;
  @Field(() => String, { nullable: true, description: "Order number or patient name contains this text." })
  search?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Requesting this service code (exact, e.g. D0150): where a code is used.",
  })
  serviceCode?: string | null;
}

export enum OrderSortField {
  CREATED_AT = "createdAt",
  DUE_AT = "dueAt",
  CONFIRM_BY = "confirmBy",
  NUMBER = "number",
  STATUS = "status",
}
registerEnumType(OrderSortField, {
  name: "OrderSortField",
  description: "Sortable order fields.",
  valuesConfig: {
    CREATED_AT: { description: "By issue time." },
    DUE_AT: { description: "By report deadline." },
    CONFIRM_BY: { description: "By confirmation deadline." },
    NUMBER: { description: "By order number." },
    STATUS: { description: "By status." },
  },
});
export const OrderOrder = OrderByInput("OrderOrder", OrderSortField, OrderSortField.CREATED_AT);

@InputType({ description: "A new attention order." })
export class IssueOrderInput {
  @Field(() => ID, { description: "The case." })
  caseId!: string;
  @Field(() => ID, { description: "The provider: a LAB, CLINIC or INTERCONSULTANT." })
  providerId!: string;
  @Field(() => OrderKind, { description: "EXAM, EXPERT_OPINION or INTERCONSULTATION." })
  kind!: OrderKind;
  @Field({ description: "Specialty, e.g. traumatology." })
  specialty!: string;
  @Field(() => [String], { description: "Requested service codes (code of the fee schedule)." })
  serviceCodes!: string[];
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Confirmation deadline; defaults per kind from configuration.",
  })
  confirmBy?: Date | null;
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Report deadline; defaults per kind from configuration.",
  })
  dueAt?: Date | null;
  @Field(() => String, { nullable: true, description: "Instructions for the provider." })
  notes?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried call return the first order." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Fires an event of the order state machine." })
export class TransitionOrderInput {
  @Field(() => ID, { description: "Order id." })
  id!: string;
  @Field(() => OrderEvent, { description: "The event (EXPIRE is system-only)." })
  event!: OrderEvent;
  @Field(() => String, { nullable: true, description: "Why (REJECT, SUSPEND, VOID)." })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: "Rejection reason code (see rejectionReasons)." })
  reasonCode?: string | null;
  @Field(() => String, { nullable: true, description: "Invoice reference (MARK_BILLED)." })
  reference?: string | null;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
}

@InputType({ description: "A report for an order: a document (fileId) or a structured form, not both." })
export class AttachOrderReportInput {
  @Field(() => ID, { description: "The order." })
  orderId!: string;
  @Field(() => ReportKind, { description: "PRELIMINARY or FINAL." })
  kind!: ReportKind;
  @Field(() => ID, { nullable: true, description: "A file uploaded with POST /files." })
  fileId?: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The form, validated against the specialty's active template.",
  })
  form?: Record<string, unknown> | null;
  @Field(() => String, {
    nullable: true,
    description: "The requested service (one of the order's requestedCodes) this report is for, when it has several.",
  })
  serviceCode?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried call attach nothing twice." })
  idempotencyKey?: string | null;
}

@ObjectType({ description: "The last rejection of an order." })
export class Rejection {
  @Field({ description: "Reason code from the configured list." })
  code!: string;
  @Field({ description: "Label of the code in the provider's language." })
  label!: string;
  @Field({ description: "The operator's explanation." })
  text!: string;
  @Field(() => DateTimeResolver, { description: "When it was rejected." })
  at!: Date;
}

@ObjectType({ description: "A configured rejection reason." })
export class RejectionReason {
  @Field({ description: "Stable code." })
  code!: string;
  @Field({ description: "Spanish label." })
  labelEs!: string;
  @Field({ description: "English label." })
  labelEn!: string;
  @Field({ description: "Simplified Chinese label." })
  labelZh!: string;
  @Field({ description: "Persian label." })
  labelFa!: string;
  @Field({ description: "Bulgarian label." })
  labelBg!: string;
}

/** Which tray each field of OrderTrayCounts counts (the resolver and the compiled read both use it). */
export const TRAY_COUNT_FIELDS = {
  inProcess: OrderTray.IN_PROCESS,
  worked: OrderTray.WORKED,
  toManage: OrderTray.TO_MANAGE,
  closed: OrderTray.CLOSED,
} as const satisfies Record<string, OrderTray>;

@ObjectType({ description: "How many visible orders each tray holds." })
export class OrderTrayCounts {
  @Field(() => Int, { description: "Issued, not yet confirmed." })
  inProcess!: number;
  @Field(() => Int, { description: "Confirmed onward, not terminal." })
  worked!: number;
  @Field(() => Int, { description: "Waiting for the operator." })
  toManage!: number;
  @Field(() => Int, { description: "Terminal." })
  closed!: number;
}
