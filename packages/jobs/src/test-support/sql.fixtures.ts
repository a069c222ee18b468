import { randomUUID } from "node:crypto";
import type { MikroORM } from "@clinigraph/api/domain";

/**
 * Rows inserted with SQL matching the domain tables, so a test states exactly the data
 * it needs (and thousands of rows insert fast).
 */
export class SqlFixtures {
  private seq = 0;
  constructor(private readonly orm: MikroORM) {}

  private exec<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.orm.em.getConnection().execute(sql, params) as Promise<T[]>;
  }

  async organization(opts: { kind?: string; timeZone?: string; name?: string } = {}): Promise<string> {
    const id = randomUUID();
    await this.exec(`insert into organization (id, kind, name, country, time_zone) values (?, ?, ?, 'CL', ?)`, [
      id,
      opts.kind ?? "CLINIC",
      opts.name ?? `Clinic ${++this.seq}`,
      opts.timeZone ?? "UTC",
    ]);
    return id;
  }

  async patient(
    opts: { smsConsent?: boolean; phone?: string | null; language?: string; firstName?: string } = {},
  ): Promise<string> {
    const id = randomUUID();
    await this.exec(
      `insert into patient (id, customer_number, first_name, last_name, phone, language, sms_consent) values (?, ?, ?, 'Test', ?, ?, ?)`,
      [
        id,
        String(10_000_000 + ++this.seq + Math.floor(Math.random() * 80_000_000)).slice(0, 8),
        opts.firstName ?? "Ana",
        opts.phone === undefined ? "+56911111111" : opts.phone,
        opts.language ?? "es",
        opts.smsConsent ?? true,
      ],
    );
    return id;
  }

  /** A SCHEDULED appointment whose reminder (24 h ahead) is already due unless told otherwise. */
  async appointment(opts: {
    patientId: string;
    siteId: string;
    scheduledAt?: Date;
    reminderDueAt?: Date;
  }): Promise<string> {
    const id = randomUUID();
    const scheduledAt = opts.scheduledAt ?? new Date(Date.now() + 20 * 3600_000);
    await this.exec(
      `insert into visit (id, number, kind, patient_id, site_id, status, scheduled_at, reminder_due_at)
       values (?, ?, 'APPOINTMENT', ?, ?, 'SCHEDULED', ?, ?)`,
      [
        id,
        `VIS-T-${++this.seq}`,
        opts.patientId,
        opts.siteId,
        scheduledAt,
        opts.reminderDueAt ?? new Date(scheduledAt.getTime() - 24 * 3600_000),
      ],
    );
    return id;
  }

  async notifications(where = "true"): Promise<
    {
      id: string;
      status: string;
      last_error: string | null;
      attempts: number;
      related_id: string;
      dedupe_key: string;
      send_after: Date;
      body: string;
    }[]
  > {
    const rows = await this.exec<{ send_after: string | Date }>(
      `select * from notification where ${where} order by created_at, id`,
    );
    // Raw SQL hands timestamps back as strings.
    return rows.map((r) => ({ ...r, send_after: new Date(r.send_after) })) as never;
  }
}

/** A fixed-offset zone where it is now 14:00–15:00 (daytime) or 02:00–03:00 (quiet hours). */
export function zoneWithLocalHour(targetHour: number, now = new Date()): string {
  const offset = ((targetHour - now.getUTCHours() + 36) % 24) - 12; // in [-12, 11]
  // Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3.
  return offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}
