import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Notification, NotificationChannel } from "../notification/notification.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { buildVisitWorld, listVisits, readVisit, visitMutation, type VisitWorld } from "./visit-world.fixtures.js";

let api: TestApi;
let w: VisitWorld;
let clinicPatient: Patient;

beforeAll(async () => {
  api = await startTestApi();
  w = await buildVisitWorld(api);
  clinicPatient = w.fx.em.create(Patient, {
    customerNumber: "77770001",
    firstName: "Ana",
    lastName: "Rojas",
    email: "ana.rojas@example.test",
    emailConsent: true,
    registeredBy: w.clinic,
  });
  await w.fx.em.persist(clinicPatient).flush();
});
afterAll(async () => api?.close());

const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR);

async function book(token: string, at: Date, extra: Record<string, unknown> = {}) {
  return visitMutation(
    api,
    "scheduleAppointment",
    { patientId: clinicPatient.id, scheduledAt: at.toISOString(), ...extra },
    token,
  );
}

describe("appointments", () => {
  it("a clinic books at itself: SCHEDULED, reminder due 24 h before, instructions e-mail queued once", async () => {
    const at = inHours(72);
    // A hospital's patient is invisible to the clinic, so it cannot book one.
    const hidden = await book(w.clinicKey, at, { patientId: w.patient.id });
    expect(hidden.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["patientId"] });
    const res = await book(w.clinicKey, at, { idempotencyKey: "book-1" });
    expect(res.userErrors).toEqual([]);
    const visit = res.visit!;
    expect(visit).toMatchObject({ kind: "APPOINTMENT", status: "SCHEDULED", siteId: w.clinic.id, caseId: null });
    expect(new Date(visit.reminderDueAt!).getTime()).toBe(at.getTime() - 24 * HOUR);
    expect(visit.availableTransitions).toEqual(["ATTEND", "RESCHEDULE"]);

    const retry = await book(w.clinicKey, at, { idempotencyKey: "book-1" });
    expect(retry.visit!.id).toBe(visit.id);
    const mails = await w.fx.em.fork().find(Notification, { relatedId: visit.id, channel: NotificationChannel.EMAIL });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: "appointment-instructions",
      recipient: "ana.rojas@example.test",
      language: "es",
      dedupeKey: `appointment-instructions:${visit.id}:${at.toISOString()}`,
    });
    expect(mails[0]!.body).toContain("Clínica Dental Sur");
  });

  it("reschedule moves reminderDueAt, clears remindedAt and queues instructions for the new time", async () => {
    const booked = (await book(w.operator, inHours(30), { providerId: w.clinic.id })).visit!;
    // The reminder worker would have sent the first reminder already.
    await w.fx.em.getConnection().execute(`update visit set reminded_at = now() where id = ?`, [booked.id]);
    expect((await readVisit(api, booked.id, w.clinicKey))!.remindedAt).not.toBeNull();
    const newAt = inHours(100);
    const moved = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "RESCHEDULE", scheduledAt: newAt.toISOString(), expectedVersion: booked.version },
      w.clinicKey,
    );
    expect(moved.userErrors).toEqual([]);
    expect(moved.visit).toMatchObject({ status: "SCHEDULED", remindedAt: null });
    expect(new Date(moved.visit!.reminderDueAt!).getTime()).toBe(newAt.getTime() - 24 * HOUR);
    expect(new Date(moved.visit!.scheduledAt!).getTime()).toBe(newAt.getTime());
    expect(await w.fx.em.fork().count(Notification, { relatedId: booked.id, channel: NotificationChannel.EMAIL })).toBe(
      2,
    );
  });

  it("refuses a time in the past, for booking and for rescheduling", async () => {
    const past = await book(w.clinicKey, inHours(-1));
    expect(past.userErrors[0]).toMatchObject({ code: "SCHEDULED_AT_IN_PAST", field: ["scheduledAt"] });
    const booked = (await book(w.clinicKey, inHours(48))).visit!;
    const res = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "RESCHEDULE", scheduledAt: inHours(-2).toISOString(), expectedVersion: booked.version },
      w.clinicKey,
    );
    expect(res.userErrors[0]!.code).toBe("SCHEDULED_AT_IN_PAST");
  });

  it("the provider records attendance; a no-show only once the time has passed", async () => {
    const booked = (await book(w.clinicKey, inHours(2))).visit!;
    const early = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "NO_SHOW", expectedVersion: booked.version },
      w.clinicKey,
    );
    expect(early.userErrors[0]!.code).toBe("APPOINTMENT_NOT_DUE");
    const attended = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "ATTEND", expectedVersion: booked.version },
      w.clinicKey,
    );
    expect(attended.visit!.status).toBe("COMPLETED");
  });

  it("another partner neither books at the clinic nor sees or moves its appointments", async () => {
    const foreign = await book(w.hospitalKey, inHours(50), { providerId: w.clinic.id });
    expect(foreign.userErrors[0]!.code).toBe("NOT_FOUND");
    const booked = (await book(w.clinicKey, inHours(50))).visit!;
    expect(await readVisit(api, booked.id, w.otherHospitalKey)).toBeNull();
    expect((await listVisits(api, { kind: "APPOINTMENT" }, w.otherHospitalKey)).length).toBe(0);
    const res = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "RESCHEDULE", scheduledAt: inHours(80).toISOString(), expectedVersion: booked.version },
      w.otherHospitalKey,
    );
    expect(res.userErrors[0]!.code).toBe("NOT_FOUND");
  });

  it("the operator cancels with a reason; a missing reason is refused", async () => {
    const booked = (await book(w.clinicKey, inHours(40))).visit!;
    const noReason = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "CANCEL", expectedVersion: booked.version },
      w.operator,
    );
    expect(noReason.userErrors[0]!.code).toBe("REASON_REQUIRED");
    const byClinic = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "CANCEL", reason: "x", expectedVersion: booked.version },
      w.clinicKey,
    );
    expect(byClinic.userErrors[0]!.code).toBe("TRANSITION_NOT_PERMITTED");
    const cancelled = await visitMutation(
      api,
      "transitionVisit",
      { id: booked.id, event: "CANCEL", reason: "Paciente hospitalizado", expectedVersion: booked.version },
      w.operator,
    );
    expect(cancelled.visit!.status).toBe("CANCELLED");
  });
});
