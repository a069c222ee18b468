import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness.fixtures.js";
import { SqlFixtures } from "../test-support/sql.fixtures.js";
import { expireOverdueOrders } from "./expire-orders.js";

let h: Harness;
let f: SqlFixtures;

beforeAll(async () => {
  h = await createHarness(7);
  f = new SqlFixtures(h.orm);
});
afterAll(async () => h?.close());

const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) =>
  h.orm.em.getConnection().execute(q, p) as Promise<T[]>;

describe("order expiration sweep", () => {
  it(
    "expires 10,000 due orders exactly once, with history, when two workers sweep at the same time",
    { timeout: 600_000 },
    async () => {
      const provider = await f.organization({ kind: "LAB" });
      const operator = await f.organization({ kind: "OPERATOR" });
      const patient = await f.patient();
      const kase = (
        await sql<{ id: string }>(
          `insert into medical_case (id, number, patient_id, kind, incident_date, registered_by_id, scan_key)
         values (gen_random_uuid(), 'CASE-T-1', ?, 'OUTPATIENT', '2026-01-10', ?, '1234567820260110') returning id`,
          [patient, operator],
        )
      )[0]!.id;
      // 10,000 overdue in the three expirable states, plus rows that must stay as they are.
      await sql(
        `insert into attention_order (id, number, case_id, provider_id, kind, specialty, requested_codes, status, confirm_by, due_at)
       select gen_random_uuid(), 'ORD-T-' || g, ?, ?, 'EXAM', 'radiology', '[]'::jsonb,
              (array['ISSUED','CONFIRMED','IN_EVALUATION'])[1 + g % 3]::order_status,
              now() - interval '2 hours', now() - interval '1 hour'
         from generate_series(1, 10000) g`,
        [kase, provider],
      );
      await sql(
        `insert into attention_order (id, number, case_id, provider_id, kind, specialty, requested_codes, status, confirm_by, due_at)
       select gen_random_uuid(), 'ORD-K-' || g, ?, ?, 'EXAM', 'radiology', '[]'::jsonb, s::order_status, c, d
         from (values (1, 'ISSUED', now() + interval '1 day', now() + interval '5 days'),
                      (2, 'CONFIRMED', now() - interval '1 day', now() + interval '1 day'),
                      (3, 'IN_VERIFICATION', now() - interval '9 days', now() - interval '1 day'),
                      (4, 'SUSPENDED', now() - interval '9 days', now() - interval '1 day')) v(g, s, c, d)`,
        [kase, provider],
      );
      const a = await h.start({ consume: [] });
      const b = await h.start({ consume: [] });
      const [byA, byB] = await Promise.all([expireOverdueOrders(a), expireOverdueOrders(b)]);
      expect(byA + byB).toBe(10_000);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);

      const [counts] = await sql<{ expired: number; untouched: number }>(
        `select count(*) filter (where number like 'ORD-T-%' and status = 'EXPIRED')::int as expired,
              count(*) filter (where number like 'ORD-K-%' and status <> 'EXPIRED')::int as untouched
         from attention_order`,
      );
      expect(counts).toEqual({ expired: 10_000, untouched: 4 });
      const [history] = await sql<{ orders: number; changes: number; system: number }>(
        `select count(distinct entity_id)::int as orders, count(*)::int as changes,
              count(*) filter (where actor_kind = 'SYSTEM')::int as system
         from status_change where entity_type = 'Order' and event = 'EXPIRE' and to_status = 'EXPIRED'`,
      );
      expect(history).toEqual({ orders: 10_000, changes: 10_000, system: 10_000 });
      const [audit] = await sql<{ n: number }>(
        `select count(*)::int as n from audit_event where action = 'order.transition.EXPIRE'`,
      );
      expect(audit!.n).toBe(10_000);

      // A second sweep finds nothing left to do.
      expect(await expireOverdueOrders(a)).toBe(0);
    },
  );
});
