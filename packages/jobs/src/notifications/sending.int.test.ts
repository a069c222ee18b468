import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueNotification, forkFor, SYSTEM } from "@clinigraph/api/domain";
import { createHarness, waitFor, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures, zoneWithLocalHour } from "../test-support/sql.fixtures.js";
import { addNotificationJobs, notificationJobId, SEND_MAX_ATTEMPTS } from "./notification.queue.js";
import type { JobsRuntime } from "../runtime.js";

let h: Harness;
let f: SqlFixtures;
let site: string;
let seq = 0;

beforeAll(async () => {
  h = await createHarness(7);
  f = new SqlFixtures(h.orm);
  site = await f.organization({ timeZone: zoneWithLocalHour(14) });
});
afterAll(async () => h?.close());

async function queueSms(
  rt: JobsRuntime,
  channel: "SMS" | "EMAIL" = "SMS",
  recipient = "+56922222222",
): Promise<string> {
  const em = forkFor(h.orm, SYSTEM);
  const id = await em.transactional((tx) =>
    enqueueNotification(tx, {
      channel,
      recipient,
      template: "test",
      language: "en",
      subject: channel === "EMAIL" ? "Your visit" : null,
      body: "Hello",
      dedupeKey: `test:${++seq}:${Date.now()}`,
      organizationId: site,
    }),
  );
  await addNotificationJobs(rt.queues.notifications, [id!]);
  return id!;
}

async function finalRow(id: string) {
  return waitFor(async () => {
    const [r] = await f.notifications(`id = '${id}'`);
    return r && ["SENT", "FAILED", "SKIPPED"].includes(r.status) && r;
  });
}

describe("sending through the http gateway", () => {
  it("retries a 500 with backoff and ends with one SENT message", async () => {
    const rt = await h.start();
    const before = { requests: h.gateway.requests, deliveries: h.gateway.deliveries.size };
    h.gateway.failNext(500);
    const id = await queueSms(rt);
    const row = await finalRow(id);
    expect(row.status).toBe("SENT");
    expect(row.attempts).toBe(2);
    expect(h.gateway.requests - before.requests).toBe(2);
    expect(h.gateway.deliveries.size - before.deliveries).toBe(1);
    await rt.stop();
  });

  it("fails a 400 permanently with the reason and does not retry it", async () => {
    const rt = await h.start();
    const before = h.gateway.requests;
    h.gateway.failNext(400);
    const id = await queueSms(rt);
    const row = await finalRow(id);
    expect(row.status).toBe("FAILED");
    expect(row.last_error).toMatch(/^HTTP_400/);
    const job = await rt.queues.notifications.getJob(notificationJobId(id));
    expect(await job!.getState()).toBe("failed");
    expect(job!.attemptsMade).toBe(1);
    await new Promise((r) => setTimeout(r, 800)); // several backoff periods: nothing more comes
    expect(h.gateway.requests - before).toBe(1);
    await rt.stop();
  });

  it("marks the row FAILED when the retries run out", async () => {
    const rt = await h.start({ env: { SEND_BACKOFF_BASE_MS: "10" } });
    h.gateway.failNext(...Array<number>(SEND_MAX_ATTEMPTS).fill(503));
    const id = await queueSms(rt);
    const row = await finalRow(id);
    expect(row.status).toBe("FAILED");
    expect(row.last_error).toMatch(/^RETRIES_EXHAUSTED/);
    expect(row.attempts).toBe(SEND_MAX_ATTEMPTS);
    await rt.stop();
  });
});

describe("sending e-mail over SMTP", () => {
  it("delivers an outbox e-mail to the SMTP server once", async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (c: Buffer) => (data += c.toString()));
        stream.on("end", () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const rt = await h.start({
      env: { EMAIL_TRANSPORT: `smtp://127.0.0.1:${port}`, EMAIL_FROM: "clinic@example.org" },
    });
    const id = await queueSms(rt, "EMAIL", "ana@example.org");
    const row = await finalRow(id);
    expect(row.status).toBe("SENT");
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("Subject: Your visit");
    expect(received[0]).toContain(`Message-ID: <${id}@clinigraph>`);
    await rt.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
});
