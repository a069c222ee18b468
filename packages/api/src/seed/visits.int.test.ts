import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test-support/server.fixtures.js";
import { seedDemoData, seedSteps } from "./index.js";
import { seedVisitsStep } from "./visits.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  if (!seedSteps.includes(seedVisitsStep)) seedSteps.push(seedVisitsStep);
});
afterAll(async () => api?.close());

describe("demo visits", () => {
  it("seeds field visits in every state and appointments with reminders due", async () => {
    expect((await seedDemoData(api.orm)).seeded).toBe(true);
    const sql = api.orm.em.getConnection();
    const byStatus = await sql.execute<{ kind: string; status: string; n: number }[]>(
      `select kind, status, count(*)::int n from visit group by kind, status`,
    );
    const count = (kind: string, status?: string) =>
      byStatus.filter((r) => r.kind === kind && (!status || r.status === status)).reduce((a, r) => a + r.n, 0);
    expect(count("FIELD_VISIT")).toBeGreaterThanOrEqual(30);
    for (const s of [
      "PENDING_ASSIGNMENT",
      "SCHEDULED",
      "IN_PROGRESS",
      "IN_REVIEW",
      "RETURNED",
      "COMPLETED",
      "CANCELLED",
    ])
      expect(count("FIELD_VISIT", s), s).toBeGreaterThan(0);
    expect(count("APPOINTMENT")).toBe(40);
    for (const s of ["SCHEDULED", "COMPLETED", "NO_SHOW", "CANCELLED"])
      expect(count("APPOINTMENT", s), s).toBeGreaterThan(0);

    const [due] = await sql.execute<{ now: number; tomorrow: number }[]>(
      `select count(*) filter (where reminder_due_at <= now())::int as now,
              count(*) filter (where reminder_due_at > now() and reminder_due_at <= now() + interval '1 day')::int as tomorrow
         from visit where kind = 'APPOINTMENT' and status = 'SCHEDULED' and reminded_at is null`,
    );
    expect(due!.now).toBeGreaterThan(0);
    expect(due!.tomorrow).toBeGreaterThan(0);
    const [sms] = await sql.execute<{ n: number }[]>(
      `select count(*)::int n from notification where template = 'visit-assigned'`,
    );
    expect(sms!.n).toBeGreaterThan(20);
    const [claims] = await sql.execute<{ n: number }[]>(
      `select count(*)::int n from claim c join visit v on v.id = c.source_visit_id where v.status = 'COMPLETED'`,
    );
    expect(claims!.n).toBeGreaterThan(0);
  });
});
