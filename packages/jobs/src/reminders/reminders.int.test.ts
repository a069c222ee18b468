import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, waitFor, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures, zoneWithLocalHour } from "../test-support/sql.fixtures.js";
import { scanAppointmentReminders } from "./scan-reminders.js";
import { sweepOutbox } from "../notifications/outbox-sweep.js";
import { notificationJobId } from "../notifications/notification.queue.js";

let h: Harness;
let f: SqlFixtures;
let dayZone: string;

beforeAll(async () => {
  h = await createHarness(7);
  f = new SqlFixtures(h.orm);
  dayZone = zoneWithLocalHour(14);
});
afterAll(async () => h?.close());

async function statusOf(visitId: string) {
  return f.notifications(`related_id = '${visitId}'`);
}

describe("appointment reminders", () => {
  it("sends each due reminder exactly once when two workers scan and send at the same time", async () => {
    const site = await f.organization({ timeZone: dayZone, name: "Clínica Norte" });
    const visits: string[] = [];
    for (let i = 0; i < 20; i++) visits.push(await f.appointment({ patientId: await f.patient(), siteId: site }));
    const a = await h.start();
    const b = await h.start();
    const before = h.gateway.deliveries.size;
    await Promise.all([scanAppointmentReminders(a), scanAppointmentReminders(b), sweepOutbox(a), sweepOutbox(b)]);
    await Promise.all([sweepOutbox(a), sweepOutbox(b)]);
    const rows = await waitFor(async () => {
      const r = await f.notifications(`related_id in (${visits.map((v) => `'${v}'`).join(",")})`);
      return r.length === 20 && r.every((n) => n.status === "SENT") && r;
    });
    expect(new Set(rows.map((r) => r.related_id)).size).toBe(20);
    expect(h.gateway.deliveries.size - before).toBe(20);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const reminded = await h.orm.em
      .getConnection()
      .execute(
        `select count(*)::int as n from visit where reminded_at is not null and id in (${visits.map((v) => `'${v}'`).join(",")})`,
      );
    expect(reminded[0].n).toBe(20);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("writes a reminder in the patient's language, with the site and the local time", async () => {
    const site = await f.organization({ timeZone: dayZone, name: "Болница Изток" });
    const visit = await f.appointment({
      patientId: await f.patient({ language: "bg", firstName: "Мария" }),
      siteId: site,
    });
    const rt = await h.start({ consume: [] });
    await scanAppointmentReminders(rt);
    const [n] = await statusOf(visit);
    expect(n!.body).toContain("Здравейте, Мария");
    expect(n!.body).toContain("Болница Изток");
    await rt.stop();
  });

  it("re-arms a rescheduled appointment: the old reminder is skipped as moved, the new one is sent", async () => {
    const site = await f.organization({ timeZone: dayZone });
    const visit = await f.appointment({ patientId: await f.patient(), siteId: site });
    const producer = await h.start({ consume: [] });
    await scanAppointmentReminders(producer);
    // What RESCHEDULE does to the row: a new time, the reminder re-armed.
    const newTime = new Date(Date.now() + 22 * 3600_000);
    await h.orm.em
      .getConnection()
      .execute(`update visit set scheduled_at = ?, reminder_due_at = ?, reminded_at = null where id = ?`, [
        newTime,
        new Date(newTime.getTime() - 24 * 3600_000),
        visit,
      ]);
    await scanAppointmentReminders(producer);
    const worker = await h.start({ consume: ["notifications"] });
    const rows = await waitFor(async () => {
      const r = await statusOf(visit);
      return r.length === 2 && r.every((n) => n.status !== "QUEUED" && n.status !== "SENDING") && r;
    });
    expect(rows.map((r) => r.status)).toEqual(["SKIPPED", "SENT"]);
    expect(rows[0]!.last_error).toMatch(/^APPOINTMENT_MOVED/);
    expect(rows[1]!.dedupe_key).toBe(`appointment-reminder:${visit}:${newTime.toISOString()}`);
    expect(h.gateway.deliveries.has(rows[0]!.id)).toBe(false);
    expect(h.gateway.deliveries.has(rows[1]!.id)).toBe(true);
    await Promise.all([producer.stop(), worker.stop()]);
  });

  it("skips the reminder of a cancelled appointment", async () => {
    const site = await f.organization({ timeZone: dayZone });
    const visit = await f.appointment({ patientId: await f.patient(), siteId: site });
    const producer = await h.start({ consume: [] });
    await scanAppointmentReminders(producer);
    await h.orm.em.getConnection().execute(`update visit set status = 'CANCELLED' where id = ?`, [visit]);
    const before = h.gateway.requests;
    const worker = await h.start({ consume: ["notifications"] });
    const [n] = await waitFor(async () => {
      const r = await statusOf(visit);
      return r[0]?.status === "SKIPPED" && r;
    });
    expect(n!.last_error).toMatch(/^APPOINTMENT_NOT_SCHEDULED: the visit is CANCELLED/);
    expect(h.gateway.requests).toBe(before);
    await Promise.all([producer.stop(), worker.stop()]);
  });

  it("skips an SMS to a patient without SMS consent, with the reason", async () => {
    const site = await f.organization({ timeZone: dayZone });
    const visit = await f.appointment({ patientId: await f.patient({ smsConsent: false }), siteId: site });
    const before = h.gateway.requests;
    const rt = await h.start();
    await scanAppointmentReminders(rt);
    const [n] = await waitFor(async () => {
      const r = await statusOf(visit);
      return r[0]?.status === "SKIPPED" && r;
    });
    expect(n!.last_error).toMatch(/^NO_SMS_CONSENT/);
    expect(h.gateway.requests).toBe(before);
    await rt.stop();
  });

  it("defers an SMS in the site's quiet hours to 08:00 local time instead of sending it", async () => {
    const nightZone = zoneWithLocalHour(2);
    const site = await f.organization({ timeZone: nightZone });
    const visit = await f.appointment({ patientId: await f.patient(), siteId: site });
    const before = h.gateway.requests;
    const rt = await h.start();
    await scanAppointmentReminders(rt);
    const [n] = await waitFor(async () => {
      const r = await statusOf(visit);
      return r[0] && r[0].send_after.getTime() > Date.now() && r;
    });
    expect(n!.status).toBe("QUEUED");
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: nightZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(n!.send_after);
    expect(local).toBe("08:00");
    const job = await rt.queues.notifications.getJob(notificationJobId(n!.id));
    expect(await job!.getState()).toBe("delayed");
    expect(job!.timestamp + job!.delay).toBeGreaterThanOrEqual(n!.send_after.getTime() - 1000);
    expect(h.gateway.requests).toBe(before);
    await rt.stop();
  });
});
