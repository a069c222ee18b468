import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityManager } from "@mikro-orm/postgresql";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM } from "../../platform/auth/principal.js";
import { DEMO_SEED, DEMO_TODAY } from "../../seed/index.js";
import type { SeedContext } from "../../seed/context.js";
import { seedPeople } from "../../seed/people.js";
import { seedOrganizations } from "../../seed/steps/organizations.js";
import { seedStaff } from "../../seed/steps/staff.js";
import { seedServiceCodes } from "../../seed/steps/service-codes.js";
import { seedPatients } from "../../seed/steps/patients.js";
import { seedApiKeys } from "../../seed/steps/api-keys.js";
import { seedOrders } from "../../seed/orders.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("demo orders seed", () => {
  it("creates 40 cases and 120 orders in every status through the state machine", { timeout: 180_000 }, async () => {
    seedPeople(DEMO_SEED, `${DEMO_TODAY}T12:00:00Z`);
    await forkFor(api.orm, SYSTEM).transactional(async (tem) => {
      const ctx: SeedContext = {
        em: tem as EntityManager,
        today: DEMO_TODAY,
        calendars: {},
        organizations: {},
        users: {},
        patients: [],
        policies: [],
        serviceCodes: [],
      };
      for (const step of [seedOrganizations, seedStaff, seedServiceCodes, seedPatients, seedApiKeys]) await step(ctx);
      await seedOrders(ctx.em, ctx);
    });
    const sql = <T extends object>(q: string) => api.orm.em.getConnection().execute<T[]>(q);
    const byStatus = await sql<{ status: string; n: number }>(
      `select status, count(*)::int n from attention_order group by status`,
    );
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({
      ISSUED: 18,
      CONFIRMED: 14,
      IN_EVALUATION: 16,
      IN_VERIFICATION: 14,
      REJECTED: 10,
      VALIDATED_FOR_BILLING: 12,
      BILLED: 16,
      SUSPENDED: 6,
      VOIDED: 6,
      EXPIRED: 8,
    });
    const [cases] = await sql<{ n: number }>(`select count(*)::int n from medical_case`);
    expect(cases!.n).toBe(40);
    // Every order's history starts with ISSUE and ends in its current state.
    const broken = await sql<{ id: string }>(
      `select o.id from attention_order o where o.status::text <> (
         select s.to_status from status_change s where s.entity_id = o.id order by s.created_at desc, s.id desc limit 1)`,
    );
    expect(broken).toEqual([]);
    const [rejections] = await sql<{ n: number }>(
      `select count(*)::int n from notification where template = 'order-rejected'`,
    );
    expect(rejections!.n).toBeGreaterThan(0);
  });
});
