import { registerEnumType } from "type-graphql";

/**
 * The events a partner can subscribe to. GraphQL uses the enum names (ORDER_ISSUED); the
 * payload's `type` and the stored subscriptions use the dotted values (order.issued).
 */
export enum WebhookEventType {
  ORDER_ISSUED = "order.issued",
  ORDER_STATUS_CHANGED = "order.status_changed",
  ORDER_REJECTED = "order.rejected",
  CLAIM_STATUS_CHANGED = "claim.status_changed",
  CLAIM_RETURNED = "claim.returned",
  VISIT_ASSIGNED = "visit.assigned",
  VISIT_RETURNED = "visit.returned",
  APPOINTMENT_SCHEDULED = "appointment.scheduled",
  APPOINTMENT_RESCHEDULED = "appointment.rescheduled",
}

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<keyof typeof WebhookEventType, string> = {
  ORDER_ISSUED: "order.issued: the operator issued an order to your organisation (you are its provider).",
  ORDER_STATUS_CHANGED: "order.status_changed: one of your orders changed status (other than issue and rejection).",
  ORDER_REJECTED: "order.rejected: the operator rejected the report of one of your orders; correct it and RESUBMIT.",
  CLAIM_STATUS_CHANGED: "claim.status_changed: a claim you registered changed status (other than a return).",
  CLAIM_RETURNED: "claim.returned: a claim you registered was returned to you for corrections.",
  VISIT_ASSIGNED: "visit.assigned: a field visit at your hospital was assigned (or reassigned) to a visitor.",
  VISIT_RETURNED: "visit.returned: a field visit at your hospital was returned to its visitor for corrections.",
  APPOINTMENT_SCHEDULED: "appointment.scheduled: a patient appointment was booked at your organisation.",
  APPOINTMENT_RESCHEDULED: "appointment.rescheduled: an appointment at your organisation moved to another time.",
};

registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description:
    "A kind of event delivered to webhook endpoints; the payload's `type` is the dotted form (order.issued).",
  valuesConfig: Object.fromEntries(
    Object.entries(WEBHOOK_EVENT_DESCRIPTIONS).map(([k, description]) => [k, { description }]),
  ),
});

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where one delivery of an event to one endpoint stands.",
  valuesConfig: {
    PENDING: { description: "Not yet accepted: waiting for its first attempt or for a retry." },
    DELIVERED: { description: "The endpoint answered 2xx." },
    FAILED: { description: "Retries ran out or the endpoint was disabled; redeliverWebhook tries again." },
  },
});
