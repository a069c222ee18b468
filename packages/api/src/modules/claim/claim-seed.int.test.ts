import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { seedDemoData, seedSteps } from "../../seed/index.js";
import { seedClaimsStep } from "../../seed/claims.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  if (!seedSteps.includes(seedClaimsStep)) seedSteps.push(seedClaimsStep);
});
afterAll(async () => api?.close());

describe("demo claims", () => {
  // The whole demo region is seeded first (200 patients, hashed passwords): slow by nature.
  it("seeds 60 claims in every state, with payments that match what is owed", { timeout: 120_000 }, async () => {
    expect((await seedDemoData(api.orm)).seeded).toBe(true);
    const db = api.orm.em.getConnection();
    // The agencies' outpatient claims; the visits step adds INPATIENT drafts of its own.
    const byStatus = await db.execute<{ status: string; n: number }[]>(
      `select status, count(*)::int n from claim where kind = 'OUTPATIENT' group by status`,
    );
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({
      DRAFT: 10,
      SUBMITTED: 7,
      IN_REVIEW: 7,
      RETURNED: 8,
      APPROVED: 10,
      SETTLED: 12,
      DENIED: 3,
      CANCELLED: 3,
    });
    const settledOwing = await db.execute<{ n: number }[]>(
      `select count(*)::int n from claim where status = 'SETTLED' and (outstanding_insurer <> 0 or outstanding_patient <> 0)`,
    );
    expect(settledOwing[0]!.n).toBe(0);
    const payments = await db.execute<{ n: number }[]>(`select count(*)::int n from payment`);
    expect(payments[0]!.n).toBeGreaterThanOrEqual(22);
  });
});
