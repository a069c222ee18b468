import { registerEnumType } from "type-graphql";

export enum ClaimStatus {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  IN_REVIEW = "IN_REVIEW",
  RETURNED = "RETURNED",
  APPROVED = "APPROVED",
  DENIED = "DENIED",
  SETTLED = "SETTLED",
  CANCELLED = "CANCELLED",
}
registerEnumType(ClaimStatus, {
  name: "ClaimStatus",
  description: "Where a claim is in its review (SPEC §3 Claim machine).",
  valuesConfig: {
    DRAFT: { description: "Registered, being completed by the registering organisation." },
    SUBMITTED: { description: "Delivered to the review office, waiting for a reviewer." },
    IN_REVIEW: { description: "A reviewer is auditing it." },
    RETURNED: { description: "Sent back with reasons (نقص); the registering organisation corrects and resubmits." },
    APPROVED: { description: "Approved; the approved amounts are frozen." },
    DENIED: { description: "Denied with a reason (terminal)." },
    SETTLED: { description: "Paid out with a settlement reference (terminal)." },
    CANCELLED: { description: "Withdrawn before review (terminal)." },
  },
});

export enum ClaimEvent {
  SUBMIT = "SUBMIT",
  START_REVIEW = "START_REVIEW",
  RETURN = "RETURN",
  APPROVE = "APPROVE",
  DENY = "DENY",
  SETTLE = "SETTLE",
  CANCEL = "CANCEL",
}
registerEnumType(ClaimEvent, {
  name: "ClaimEvent",
  description: "Events of the claim state machine.",
  valuesConfig: {
    SUBMIT: { description: "Deliver (or redeliver after a return) to the review office; eligibility must pass." },
    START_REVIEW: { description: "A reviewer takes the claim." },
    RETURN: { description: "Send back with one or more reason codes and texts." },
    APPROVE: { description: "Approve, optionally lowering line amounts; freezes the approved totals." },
    DENY: { description: "Deny with a reason." },
    SETTLE: { description: "Record the settlement with its payment reference." },
    CANCEL: { description: "Withdraw a DRAFT or RETURNED claim." },
  },
});

export enum ClaimKind {
  OUTPATIENT = "OUTPATIENT",
  INPATIENT = "INPATIENT",
  GLOBAL = "GLOBAL",
}
registerEnumType(ClaimKind, {
  name: "ClaimKind",
  description: "The agency's classification of the claim: سرپایی، بستری، گلوبال.",
  valuesConfig: {
    OUTPATIENT: { description: "Outpatient (سرپایی)." },
    INPATIENT: { description: "Inpatient (بستری)." },
    GLOBAL: { description: "Global / package price (گلوبال)." },
  },
});

export enum PaymentPayer {
  PATIENT = "PATIENT",
  INSURER = "INSURER",
}
registerEnumType(PaymentPayer, {
  name: "PaymentPayer",
  description: "Who paid: the patient (co-pay, deductible) or the insurer (remittance).",
  valuesConfig: {
    PATIENT: { description: "The patient's share collected from the patient." },
    INSURER: { description: "The insurer's remittance of the payable amount." },
  },
});

export enum PaymentMethod {
  CASH = "CASH",
  CARD = "CARD",
  TRANSFER = "TRANSFER",
  CHECK = "CHECK",
  MOBILE_WALLET = "MOBILE_WALLET",
  OTHER = "OTHER",
}
registerEnumType(PaymentMethod, {
  name: "PaymentMethod",
  description: "How a payment was received.",
  valuesConfig: {
    CASH: { description: "Cash." },
    CARD: { description: "Debit or credit card." },
    TRANSFER: { description: "Bank transfer." },
    CHECK: { description: "Cheque." },
    MOBILE_WALLET: { description: "Mobile wallet or QR payment." },
    OTHER: { description: "Any other method; say which in the reference." },
  },
});

/** States in which the registering organisation still owns the claim (and the delivery clock runs). */
export const OPEN_FOR_EDIT: readonly ClaimStatus[] = [ClaimStatus.DRAFT, ClaimStatus.RETURNED];
/** States whose amounts are final: only these count towards deductible and annual limits. */
export const APPROVED_STATES: readonly ClaimStatus[] = [ClaimStatus.APPROVED, ClaimStatus.SETTLED];
