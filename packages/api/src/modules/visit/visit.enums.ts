import { registerEnumType } from "type-graphql";

export enum VisitKind {
  FIELD_VISIT = "FIELD_VISIT",
  APPOINTMENT = "APPOINTMENT",
}
registerEnumType(VisitKind, {
  name: "VisitKind",
  description: "A staff field visit at a hospital (探访) or a patient's appointment at a provider.",
  valuesConfig: {
    FIELD_VISIT: { description: "Staff visit an inpatient at a hospital to verify the case (探访)." },
    APPOINTMENT: { description: "The patient's scheduled visit to a provider, e.g. for an order's exam." },
  },
});

export enum VisitStatus {
  PENDING_ASSIGNMENT = "PENDING_ASSIGNMENT",
  SCHEDULED = "SCHEDULED",
  IN_PROGRESS = "IN_PROGRESS",
  IN_REVIEW = "IN_REVIEW",
  RETURNED = "RETURNED",
  COMPLETED = "COMPLETED",
  NO_SHOW = "NO_SHOW",
  CANCELLED = "CANCELLED",
}
registerEnumType(VisitStatus, {
  name: "VisitStatus",
  description: "Where a visit stands; change it with transitionVisit or the visit mutations.",
  valuesConfig: {
    PENDING_ASSIGNMENT: { description: "A field visit waiting for a visitor (新探访任务)." },
    SCHEDULED: { description: "Assigned to a visitor, or an appointment booked." },
    IN_PROGRESS: { description: "Findings saved, still editable (初步探访)." },
    IN_REVIEW: { description: "Concluded by the visitor, waiting for the reviewer (探访复核)." },
    RETURNED: { description: "Sent back by the reviewer for corrections (回退)." },
    COMPLETED: { description: "Approved field visit, or an attended appointment (terminal)." },
    NO_SHOW: { description: "The patient did not come to the appointment (terminal)." },
    CANCELLED: { description: "Cancelled by the operator (terminal)." },
  },
});

export enum VisitEvent {
  ASSIGN = "ASSIGN",
  REASSIGN = "REASSIGN",
  SAVE_PRELIMINARY = "SAVE_PRELIMINARY",
  CONCLUDE = "CONCLUDE",
  RETURN = "RETURN",
  APPROVE = "APPROVE",
  ATTEND = "ATTEND",
  NO_SHOW = "NO_SHOW",
  RESCHEDULE = "RESCHEDULE",
  CANCEL = "CANCEL",
}
registerEnumType(VisitEvent, {
  name: "VisitEvent",
  description: "Events of the visit state machine (SPEC §3).",
  valuesConfig: {
    ASSIGN: { description: "Operator assigns a pending field visit to a visitor (任务分配); use assignVisit." },
    REASSIGN: { description: "Operator changes the visitor (任务修改); use reassignVisit." },
    SAVE_PRELIMINARY: { description: "Visitor saves findings, still editable (初步探访); use saveVisitFindings." },
    CONCLUDE: { description: "Visitor concludes COMPLETED or NO_LIABILITY; use concludeVisit." },
    RETURN: { description: "Reviewer sends the visit back with a reason (回退)." },
    APPROVE: { description: "Reviewer approves; a COMPLETED visit opens one DRAFT claim per liability link." },
    ATTEND: { description: "The patient attended the appointment." },
    NO_SHOW: { description: "The patient did not attend the appointment." },
    RESCHEDULE: { description: "Moves the appointment to a new time (scheduledAt) and re-arms the reminder." },
    CANCEL: { description: "Operator cancels a non-terminal visit, with a reason." },
  },
});

export enum VisitConclusion {
  COMPLETED = "COMPLETED",
  NO_LIABILITY = "NO_LIABILITY",
}
registerEnumType(VisitConclusion, {
  name: "VisitConclusion",
  description: "The visitor's conclusion (探访结论).",
  valuesConfig: {
    COMPLETED: { description: "探访完毕: liabilities linked and a payout bank account given; approval opens claims." },
    NO_LIABILITY: { description: "无赔付责任: the patient's policies carry no liability for this case." },
  },
});

export enum BankAccountScheme {
  IBAN = "IBAN",
  CN_CARD = "CN_CARD",
  CL_ACCOUNT = "CL_ACCOUNT",
}
registerEnumType(BankAccountScheme, {
  name: "BankAccountScheme",
  description: "How a payout bank account number is written and validated.",
  valuesConfig: {
    IBAN: { description: "International Bank Account Number, checked for country length and mod-97 check digits." },
    CN_CARD: { description: "Chinese bank card (银行卡号): 16 to 19 digits with a valid Luhn check digit." },
    CL_ACCOUNT: { description: "Chilean account (cuenta corriente / vista / RUT): 6 to 20 digits, no check digit." },
  },
});

export enum LiabilityLinksMode {
  REPLACE = "REPLACE",
  ADD = "ADD",
}
registerEnumType(LiabilityLinksMode, {
  name: "LiabilityLinksMode",
  description: "Whether the given liability links replace the visit's links or are added to them.",
  valuesConfig: {
    REPLACE: { description: "The visit ends with exactly the given links." },
    ADD: { description: "The given links are added; existing ones stay." },
  },
});

export const TERMINAL_VISIT_STATUSES = [VisitStatus.COMPLETED, VisitStatus.NO_SHOW, VisitStatus.CANCELLED] as const;
