import { defineMachine, nonTerminal, type Guard, type GuardContext } from "../../platform/state-machine/machine.js";
import { refId } from "../../platform/graphql/loaders.js";
import { User, VisitorHospital } from "../user/user.entity.js";
import { Visit, VisitLiabilityLink } from "./visit.entity.js";
import { TERMINAL_VISIT_STATUSES, VisitConclusion, VisitEvent, VisitKind, VisitStatus } from "./visit.enums.js";
import { VisitErrorCode } from "./visit.errors.js";

/** 24 hours before the appointment: when the reminder worker sends the SMS. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

export function reminderDueFor(kind: VisitKind, scheduledAt: Date | null | undefined): Date | null {
  return kind === VisitKind.APPOINTMENT && scheduledAt ? new Date(scheduledAt.getTime() - REMINDER_LEAD_MS) : null;
}

/** Data the visit mutations hand to the machine through `input.data`. */
export interface VisitTransitionData {
  visitorId?: string;
  scheduledAt?: Date;
  conclusion?: VisitConclusion;
}

const dataOf = (ctx: GuardContext<Visit>): VisitTransitionData => (ctx.input.data ?? {}) as VisitTransitionData;

const fieldVisitOnly: Guard<Visit> = {
  code: VisitErrorCode.FIELD_VISIT_ONLY,
  message: "Only field visits go through assignment, entry and review.",
  sync: true,
  check: ({ entity }) => entity.kind === VisitKind.FIELD_VISIT,
};

const appointmentOnly: Guard<Visit> = {
  code: VisitErrorCode.APPOINTMENT_ONLY,
  message: "Only appointments are attended, missed or rescheduled.",
  sync: true,
  check: ({ entity }) => entity.kind === VisitKind.APPOINTMENT,
};

// 与定点医院关联: a visitor may only take visits at hospitals they are linked to.
const visitorCoversHospital: Guard<Visit> = {
  code: VisitErrorCode.VISITOR_NOT_LINKED_TO_HOSPITAL,
  message: "The visitor does not cover this visit's hospital.",
  check: async (ctx) => {
    const visitorId = dataOf(ctx).visitorId;
    if (!visitorId) return false;
    const link = await ctx.em.count(VisitorHospital, { visitor: visitorId, hospital: refId(ctx.entity.site)! });
    return link > 0;
  },
};

const differentVisitor: Guard<Visit> = {
  code: VisitErrorCode.SAME_VISITOR,
  message: "The visit is already assigned to this visitor.",
  check: (ctx) => dataOf(ctx).visitorId !== refId(ctx.entity.assignee),
};

const conclusionGiven: Guard<Visit> = {
  code: VisitErrorCode.CONCLUSION_REQUIRED,
  message: "Choose a conclusion: COMPLETED or NO_LIABILITY.",
  check: (ctx) => !!dataOf(ctx).conclusion,
};

const completedNeedsLink: Guard<Visit> = {
  code: VisitErrorCode.LIABILITY_LINK_REQUIRED,
  message: "A COMPLETED visit needs at least one liability link (添加分案).",
  check: async (ctx) =>
    dataOf(ctx).conclusion !== VisitConclusion.COMPLETED ||
    (await ctx.em.count(VisitLiabilityLink, { visit: ctx.entity.id })) > 0,
};

const completedNeedsBankAccount: Guard<Visit> = {
  code: VisitErrorCode.BANK_ACCOUNT_REQUIRED,
  message: "A COMPLETED visit needs the patient's payout bank account.",
  check: (ctx) => dataOf(ctx).conclusion !== VisitConclusion.COMPLETED || !!ctx.entity.bankAccountEnc,
};

// Four eyes: whoever entered the findings does not approve them.
const notOwnVisit: Guard<Visit> = {
  code: VisitErrorCode.SELF_REVIEW_NOT_ALLOWED,
  message: "The visitor of a visit cannot review it.",
  sync: true,
  check: ({ entity, principal }) => principal.kind !== "STAFF" || principal.userId !== refId(entity.assignee),
};

const newTimeInFuture: Guard<Visit> = {
  code: VisitErrorCode.SCHEDULED_AT_IN_PAST,
  message: "Give a new appointment time in the future (scheduledAt).",
  check: (ctx) => {
    const at = dataOf(ctx).scheduledAt;
    return !!at && at.getTime() > ctx.now.getTime();
  },
};

const appointmentTimeReached: Guard<Visit> = {
  code: VisitErrorCode.APPOINTMENT_NOT_DUE,
  message: "A no-show can be recorded only once the appointment time has passed.",
  sync: true,
  check: ({ entity, now }) => !!entity.scheduledAt && entity.scheduledAt.getTime() <= now.getTime(),
};

const operator = { role: "OPERATOR" } as const;
const reviewer = { role: "REVIEWER" } as const;
const assignee = { user: "assignee" } as const;
const provider = { partner: "site" } as const;

const STATUSES = Object.values(VisitStatus);
const EDITABLE = [VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS, VisitStatus.RETURNED] as const;

/** The Visit table of SPEC §3, row for row. */
export const visitMachine = defineMachine<Visit, VisitStatus, VisitEvent>({
  entityType: "Visit",
  creationEvent: "CREATE",
  statuses: STATUSES,
  events: Object.values(VisitEvent),
  initial: VisitStatus.PENDING_ASSIGNMENT,
  terminal: TERMINAL_VISIT_STATUSES,
  relations: {
    assignee: (v) => refId(v.assignee),
    site: (v) => refId(v.site),
  },
  getStatus: (v) => v.status,
  setStatus: (v, s) => {
    v.status = s;
  },
  transitions: [
    {
      from: [VisitStatus.PENDING_ASSIGNMENT],
      event: VisitEvent.ASSIGN,
      to: VisitStatus.SCHEDULED,
      who: [operator],
      guards: [fieldVisitOnly, visitorCoversHospital],
      effect: ({ em, entity, input }) => {
        const data = input.data as VisitTransitionData;
        entity.assignee = em.getReference(User, data.visitorId!);
        if (data.scheduledAt) entity.scheduledAt = data.scheduledAt;
      },
    },
    {
      from: EDITABLE,
      event: VisitEvent.REASSIGN,
      to: (v) => v.status,
      who: [operator],
      guards: [fieldVisitOnly, differentVisitor, visitorCoversHospital],
      effect: ({ em, entity, input }) => {
        entity.assignee = em.getReference(User, (input.data as VisitTransitionData).visitorId!);
      },
    },
    {
      from: EDITABLE,
      event: VisitEvent.SAVE_PRELIMINARY,
      to: VisitStatus.IN_PROGRESS,
      who: [assignee],
      guards: [fieldVisitOnly],
    },
    {
      from: [VisitStatus.IN_PROGRESS],
      event: VisitEvent.CONCLUDE,
      to: VisitStatus.IN_REVIEW,
      who: [assignee],
      guards: [fieldVisitOnly, conclusionGiven, completedNeedsLink, completedNeedsBankAccount],
      effect: ({ entity, input }) => {
        entity.conclusion = (input.data as VisitTransitionData).conclusion!;
      },
    },
    {
      from: [VisitStatus.IN_REVIEW],
      event: VisitEvent.RETURN,
      to: VisitStatus.RETURNED,
      who: [reviewer],
      requires: { reason: true },
      guards: [notOwnVisit],
      effect: ({ entity, input }) => {
        entity.returnReason = input.reason!.trim();
        entity.returnCount += 1;
      },
    },
    {
      from: [VisitStatus.IN_REVIEW],
      event: VisitEvent.APPROVE,
      to: VisitStatus.COMPLETED,
      who: [reviewer],
      guards: [notOwnVisit],
      effect: ({ entity, now }) => {
        entity.completedAt = now;
      },
    },
    {
      from: [VisitStatus.SCHEDULED],
      event: VisitEvent.ATTEND,
      to: VisitStatus.COMPLETED,
      who: [provider, operator],
      guards: [appointmentOnly],
      effect: ({ entity, now }) => {
        entity.completedAt = now;
      },
    },
    {
      from: [VisitStatus.SCHEDULED],
      event: VisitEvent.NO_SHOW,
      to: VisitStatus.NO_SHOW,
      who: [provider, operator],
      guards: [appointmentOnly, appointmentTimeReached],
    },
    {
      from: [VisitStatus.SCHEDULED],
      event: VisitEvent.RESCHEDULE,
      to: VisitStatus.SCHEDULED,
      who: [provider, operator],
      guards: [appointmentOnly, newTimeInFuture],
      effect: ({ entity, input }) => {
        const at = (input.data as VisitTransitionData).scheduledAt!;
        entity.scheduledAt = at;
        entity.reminderDueAt = reminderDueFor(entity.kind, at);
        // Re-arms the reminder: the scanner picks the visit up again at the new due time.
        entity.remindedAt = null;
      },
    },
    {
      from: nonTerminal(STATUSES, TERMINAL_VISIT_STATUSES),
      event: VisitEvent.CANCEL,
      to: VisitStatus.CANCELLED,
      who: [operator],
      requires: { reason: true },
      effect: ({ entity, input }) => {
        entity.cancelReason = input.reason!.trim();
      },
    },
  ],
});
