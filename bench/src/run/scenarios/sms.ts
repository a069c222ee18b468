import http from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { MikroORM } from "@clinigraph/api/domain";
import { startWorkers } from "@clinigraph/jobs/dist/index.js";
import { scanAppointmentReminders } from "@clinigraph/jobs/dist/reminders/scan-reminders.js";

/** A local SMS vendor speaking the jobs' `http` gateway protocol; counts deliveries. */
async function fakeGateway(): Promise<{ url: string; delivered: () => number; close: () => Promise<void> }> {
  let delivered = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      delivered++;
      res.writeHead(200, { "content-type": "application/json" }).end(`{"id":"m${delivered}"}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    delivered: () => delivered,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A UTC offset zone where it is daytime now, so quiet hours defer nothing during the bench. */
function daytimeZone(): string {
  const hour = new Date().getUTCHours();
  const offset = 12 - hour; // local noon
  return offset === 0 ? "Etc/UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/**
 * Scenario 7: `count` due appointment reminders → outbox rows → BullMQ → HTTP gateway,
 * bounded by `timeoutSeconds`. Afterwards the visits and outbox are put back.
 */
export async function runSms(
  db: pg.Pool,
  orm: MikroORM,
  databaseUrl: string,
  count: number,
  timeoutSeconds: number,
  concurrency: number,
) {
  const { rows } = await db.query<{ at: Date }>(
    `select reminder_due_at as at from visit where kind = 'APPOINTMENT' and status = 'SCHEDULED' and reminded_at is null and reminder_due_at is not null
      order by reminder_due_at offset $1 - 1 limit 1`,
    [count],
  );
  if (!rows[0]) throw new Error("not enough pending reminders; regenerate with bench:data");
  const now = new Date(rows[0].at.getTime() + 1);
  // Every site where it is daytime, so quiet hours defer nothing (the originals are put back).
  const zones = await db.query<{ id: string; time_zone: string }>(`select id, time_zone from organization`);
  await db.query(`update organization set time_zone = $1`, [daytimeZone()]);
  const gateway = await fakeGateway();
  const started = new Date();
  const rt = await startWorkers({
    orm,
    consume: ["notifications"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMS_GATEWAY: "http",
      SMS_HTTP_URL: gateway.url,
      SMS_HTTP_TOKEN: "bench",
      QUEUE_PREFIX: "bench",
      REGISTER_SCHEDULERS: "false",
      SEND_CONCURRENCY: String(concurrency),
      LOG_LEVEL: "warn",
    },
  });
  const t = performance.now();
  try {
    const written = (await scanAppointmentReminders(rt, now)).length;
    const scanSeconds = (performance.now() - t) / 1000;
    const deadline = Date.now() + timeoutSeconds * 1000;
    // Done when every outbox row is final: some are skipped by design (no consent, no phone).
    const outcome = () =>
      db.query<{ pending: number; sent: number; skipped: number; failed: number }>(
        `select count(*) filter (where status in ('QUEUED', 'SENDING'))::int as pending,
                count(*) filter (where status = 'SENT')::int as sent,
                count(*) filter (where status = 'SKIPPED')::int as skipped,
                count(*) filter (where status = 'FAILED')::int as failed
           from notification where created_at >= $1`,
        [started],
      );
    let final = (await outcome()).rows[0]!;
    while (final.pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      final = (await outcome()).rows[0]!;
    }
    const seconds = (performance.now() - t) / 1000;
    return { seconds, scanSeconds, written, delivered: gateway.delivered(), ...final };
  } finally {
    await rt.stop();
    await gateway.close();
    const ids = `select related_id from notification where template = 'appointment-reminder' and created_at >= $1`;
    await db.query(`update visit set reminded_at = null where id in (${ids})`, [started]);
    await db.query(`delete from notification where created_at >= $1`, [started]);
    await db.query(
      `update organization o set time_zone = z.time_zone from unnest($1::uuid[], $2::text[]) as z(id, time_zone) where o.id = z.id`,
      [zones.rows.map((z) => z.id), zones.rows.map((z) => z.time_zone)],
    );
  }
}

/** The floor: the same number of jobs through a no-op BullMQ worker on the same Redis at the same concurrency. */
export async function bareBullmqSeconds(count: number, concurrency: number, redisUrl: string): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const name = `bench-noop-${Date.now()}`;
  const queue = new Queue(name, { connection, prefix: "bench" });
  let done = 0;
  const t = performance.now();
  const worker = new Worker(
    name,
    async () => {
      done++;
    },
    { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix: "bench", concurrency },
  );
  try {
    for (let i = 0; i < count; i += 1000)
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
          name: "noop",
          data: { n: i + k },
          opts: { removeOnComplete: true },
        })),
      );
    const deadline = Date.now() + 600_000;
    while (done < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return (performance.now() - t) / 1000;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
}
