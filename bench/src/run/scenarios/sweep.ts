import pg from "pg";
import type { MikroORM } from "@clinigraph/api/domain";
import type { JobsRuntime } from "@clinigraph/jobs/dist/index.js";
import { expireOverdueOrders } from "@clinigraph/jobs/dist/expirations/expire-orders.js";

const DUE = (now: string) =>
  `((status = 'ISSUED' and confirm_by < ${now}) or (status in ('CONFIRMED', 'IN_EVALUATION') and due_at < ${now}))`;

/** The instant at which exactly `count` orders are due (the count-th smallest lapsed deadline). */
export async function sweepInstant(db: pg.Pool, count: number): Promise<{ now: Date; due: number; dueTotal: number }> {
  const { rows } = await db.query<{ deadline: Date }>(
    `select case when status = 'ISSUED' then confirm_by else due_at end as deadline from attention_order
      where ${DUE("now()")} order by 1 offset $1 - 1 limit 1`,
    [count],
  );
  const total = await db.query<{ n: number }>(`select count(*)::int as n from attention_order where ${DUE("now()")}`);
  const now = rows[0] ? new Date(rows[0].deadline.getTime() + 1) : new Date();
  const due = await db.query<{ n: number }>(`select count(*)::int as n from attention_order where ${DUE("$1")}`, [now]);
  return { now, due: due.rows[0]!.n, dueTotal: total.rows[0]!.n };
}

/**
 * The best single statement doing the sweep's work — lock, expire, write history and
 * audit — timed in a transaction that is rolled back, so the API run sees the same rows.
 */
export async function rawSweepSeconds(db: pg.Pool, now: Date): Promise<{ seconds: number; rows: number }> {
  const client = await db.connect();
  try {
    await client.query("begin");
    const t = performance.now();
    const res = await client.query(
      `with due as (select id, status from attention_order where ${DUE("$1")} for update skip locked),
            upd as (update attention_order o set status = 'EXPIRED', version = o.version + 1, updated_at = now() from due where o.id = due.id returning o.id, due.status::text as from_status),
            sc as (insert into status_change (id, created_at, updated_at, entity_type, entity_id, from_status, to_status, event, actor_kind)
                   select gen_random_uuid(), now(), now(), 'Order', id, from_status, 'EXPIRED', 'EXPIRE', 'SYSTEM' from upd)
       insert into audit_event (id, created_at, updated_at, actor_kind, action, entity_type, entity_id, changes)
       select gen_random_uuid(), now(), now(), 'SYSTEM', 'order.transition.EXPIRE', 'Order', id, jsonb_build_object('status', jsonb_build_object('from', from_status, 'to', 'EXPIRED')) from upd`,
      [now],
    );
    const seconds = (performance.now() - t) / 1000;
    return { seconds, rows: res.rowCount ?? 0 };
  } finally {
    await client.query("rollback");
    client.release();
  }
}

/** Runs the workers' sweep (state machine, per-row transaction) and then puts the rows back as they were. */
export async function apiSweepSeconds(
  db: pg.Pool,
  orm: MikroORM,
  now: Date,
): Promise<{ seconds: number; expired: number }> {
  await db.query(`drop table if exists bench_sweep_snapshot`);
  await db.query(
    `create table bench_sweep_snapshot as select id, status, version, updated_at from attention_order where ${DUE("$1")}`,
    [now],
  );
  const started = new Date();
  const rt = { orm, config: { SCAN_CHUNK_SIZE: 1000 } } as unknown as JobsRuntime;
  const t = performance.now();
  try {
    const expired = await expireOverdueOrders(rt, now);
    return { seconds: (performance.now() - t) / 1000, expired };
  } finally {
    await db.query(
      `update attention_order o set status = s.status, version = s.version, updated_at = s.updated_at from bench_sweep_snapshot s where o.id = s.id`,
    );
    await db.query(`delete from status_change where entity_type = 'Order' and event = 'EXPIRE' and created_at >= $1`, [
      started,
    ]);
    await db.query(`delete from audit_event where action = 'order.transition.EXPIRE' and created_at >= $1`, [started]);
    await db.query(`drop table bench_sweep_snapshot`);
  }
}
