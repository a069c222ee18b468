import { describe, expect, it } from "vitest";
import { skipReason, type NotificationRow } from "./notification-claims.js";
import { APPOINTMENT_REMINDER_TEMPLATE, appointmentReminderKey } from "./templates.js";

const at = new Date("2026-12-01T13:30:00Z");
const reminder = (over: Partial<NotificationRow> = {}): NotificationRow => ({
  id: "n1",
  channel: "SMS",
  recipient: "+56911111111",
  subject: null,
  body: "…",
  dedupe_key: appointmentReminderKey("v1", at),
  template: APPOINTMENT_REMINDER_TEMPLATE,
  status: "QUEUED",
  attempts: 0,
  organization_id: "o1",
  patient_id: "p1",
  related_type: "Visit",
  related_id: "v1",
  send_after: at,
  traceparent: null,
  patient_found: true,
  sms_consent: true,
  email_consent: false,
  visit_found: true,
  visit_status: "SCHEDULED",
  visit_scheduled_at: at,
  time_zone: "America/Santiago",
  ...over,
});

describe("which outbox rows are skipped instead of sent", () => {
  it("sends a reminder for a consenting patient whose appointment is still at the written time", () => {
    expect(skipReason(reminder())).toBeNull();
  });
  it("skips a row without recipient, a missing patient and a patient without SMS consent", () => {
    expect(skipReason(reminder({ recipient: "" }))).toMatch(/^NO_RECIPIENT/);
    expect(skipReason(reminder({ patient_found: false }))).toBe("PATIENT_NOT_FOUND");
    expect(skipReason(reminder({ sms_consent: false }))).toMatch(/^NO_SMS_CONSENT/);
    expect(skipReason(reminder({ channel: "EMAIL", email_consent: false }))).toMatch(/^NO_EMAIL_CONSENT/);
  });
  it("skips a reminder whose visit is gone, no longer scheduled, or moved to another time", () => {
    expect(skipReason(reminder({ visit_found: false, visit_status: null }))).toBe(
      "APPOINTMENT_NOT_SCHEDULED: the visit is gone",
    );
    expect(skipReason(reminder({ visit_status: "CANCELLED" }))).toBe(
      "APPOINTMENT_NOT_SCHEDULED: the visit is CANCELLED",
    );
    expect(skipReason(reminder({ visit_scheduled_at: new Date(at.getTime() + 3_600_000) }))).toMatch(
      /^APPOINTMENT_MOVED/,
    );
  });
  it("does not judge non-reminder messages by a visit", () => {
    expect(skipReason(reminder({ template: "order-rejected", visit_found: false }))).toBeNull();
  });
});
