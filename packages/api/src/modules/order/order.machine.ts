import { defineMachine, nonTerminal, type Actor, type Guard } from "../../platform/state-machine/machine.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Order, OrderStatus, TERMINAL_ORDER_STATUSES } from "./order.entity.js";
import { Report, ReportKind } from "./report.entity.js";
import { isRejectionReason } from "./rejection-reasons.js";
import { isOrderOverdue } from "./order.deadlines.js";
import { notifyOrderRejected } from "./order.notifications.js";
import { OrderErrorCode } from "./order.errors.js";

export { isOrderOverdue };

export enum OrderEvent {
  CONFIRM = "CONFIRM",
  START_EVALUATION = "START_EVALUATION",
  SUBMIT_FOR_REVIEW = "SUBMIT_FOR_REVIEW",
  APPROVE = "APPROVE",
  REJECT = "REJECT",
  RESUBMIT = "RESUBMIT",
  MARK_BILLED = "MARK_BILLED",
  SUSPEND = "SUSPEND",
  RESUME = "RESUME",
  VOID = "VOID",
  EXPIRE = "EXPIRE",
}

const S = OrderStatus;
const provider: Actor = { partner: "provider" };
const operator: Actor = { role: "OPERATOR" };
const billing: Actor = { role: "BILLING" };
const system: Actor = { system: true };

const STATUSES = Object.values(OrderStatus);

const beforeConfirmBy: Guard<Order> = {
  code: OrderErrorCode.CONFIRMATION_DEADLINE_PASSED,
  message: "The confirmation deadline (confirmBy) has passed.",
  sync: true,
  check: ({ entity, now }) => now.getTime() <= entity.confirmBy.getTime(),
};

const hasFinalReport: Guard<Order> = {
  code: OrderErrorCode.FINAL_REPORT_REQUIRED,
  message: "Attach a FINAL report before submitting the order for review.",
  check: async ({ em, entity }) => (await em.count(Report, { order: entity.id, kind: ReportKind.FINAL })) > 0,
};

const hasCorrectedReport: Guard<Order> = {
  code: OrderErrorCode.CORRECTED_REPORT_REQUIRED,
  message: "Attach a FINAL report newer than the last rejection before resubmitting.",
  check: async ({ em, entity }) =>
    (await em.count(Report, {
      order: entity.id,
      kind: ReportKind.FINAL,
      ...(entity.lastRejectedAt ? { createdAt: { $gt: entity.lastRejectedAt } } : {}),
    })) > 0,
};

const knownReasonCode: Guard<Order> = {
  code: OrderErrorCode.INVALID_REASON_CODE,
  message: "reasonCode must be one of the configured rejection reasons (see rejectionReasons).",
  sync: true,
  // Without input (availableTransitions) there is nothing to check yet.
  check: ({ input }) => input.reasonCode == null || isRejectionReason(input.reasonCode),
};

const isDue: Guard<Order> = {
  code: OrderErrorCode.NOT_DUE,
  message: "The order's deadline has not passed.",
  sync: true,
  check: ({ entity, now }) => isOrderOverdue(entity, now),
};

export const orderMachine = defineMachine<Order, OrderStatus, OrderEvent>({
  entityType: "Order",
  creationEvent: "ISSUE",
  statuses: STATUSES,
  events: Object.values(OrderEvent),
  initial: S.ISSUED,
  terminal: TERMINAL_ORDER_STATUSES,
  relations: { provider: (o) => refId(o.provider) },
  getStatus: (o) => o.status,
  setStatus: (o, s) => {
    o.status = s;
  },
  transitions: [
    { from: [S.ISSUED], event: OrderEvent.CONFIRM, to: S.CONFIRMED, who: [provider], guards: [beforeConfirmBy] },
    { from: [S.CONFIRMED], event: OrderEvent.START_EVALUATION, to: S.IN_EVALUATION, who: [provider] },
    {
      from: [S.IN_EVALUATION],
      event: OrderEvent.SUBMIT_FOR_REVIEW,
      to: S.IN_VERIFICATION,
      who: [provider],
      guards: [hasFinalReport],
    },
    { from: [S.IN_VERIFICATION], event: OrderEvent.APPROVE, to: S.VALIDATED_FOR_BILLING, who: [operator] },
    {
      from: [S.IN_VERIFICATION],
      event: OrderEvent.REJECT,
      to: S.REJECTED,
      who: [operator],
      requires: { reason: true, reasonCode: true },
      guards: [knownReasonCode],
      effect: async ({ em, entity, input, now }) => {
        entity.lastRejectedAt = now;
        entity.rejectionCount += 1;
        await notifyOrderRejected(em, entity, input.reasonCode!, input.reason!);
      },
    },
    {
      from: [S.REJECTED],
      event: OrderEvent.RESUBMIT,
      to: S.IN_VERIFICATION,
      who: [provider],
      guards: [hasCorrectedReport],
    },
    {
      from: [S.VALIDATED_FOR_BILLING],
      event: OrderEvent.MARK_BILLED,
      to: S.BILLED,
      who: [billing],
      requires: { reference: true },
      effect: ({ entity, input }) => {
        entity.invoiceReference = input.reference!.trim();
      },
    },
    {
      from: [S.ISSUED, S.CONFIRMED, S.IN_EVALUATION],
      event: OrderEvent.SUSPEND,
      to: S.SUSPENDED,
      who: [operator],
      requires: { reason: true },
      effect: ({ entity, from, now }) => {
        entity.suspendedFrom = from;
        entity.suspendedAt = now;
      },
    },
    {
      from: [S.SUSPENDED],
      event: OrderEvent.RESUME,
      to: (o) => o.suspendedFrom ?? S.ISSUED,
      who: [operator],
      // The provider loses no time: both deadlines move by the time spent suspended.
      effect: ({ entity, now }) => {
        const pausedMs = Math.max(0, now.getTime() - (entity.suspendedAt ?? now).getTime());
        entity.confirmBy = new Date(entity.confirmBy.getTime() + pausedMs);
        entity.dueAt = new Date(entity.dueAt.getTime() + pausedMs);
        entity.suspendedFrom = null;
        entity.suspendedAt = null;
      },
    },
    {
      from: nonTerminal(STATUSES, TERMINAL_ORDER_STATUSES),
      event: OrderEvent.VOID,
      to: S.VOIDED,
      who: [operator],
      requires: { reason: true },
    },
    {
      from: [S.ISSUED, S.CONFIRMED, S.IN_EVALUATION],
      event: OrderEvent.EXPIRE,
      to: S.EXPIRED,
      who: [system],
      guards: [isDue],
    },
  ],
});
