import { forkFor, SYSTEM, type MikroORM } from "@clinigraph/api/domain";

/**
 * Turns new events (written by the API in the transaction of the change) into one
 * delivery per subscribed active endpoint of the event's organisation, and only that
 * organisation's. Endpoints registered after the event do not get it. Chunked and
 * SKIP LOCKED, so concurrent scanners split the work.
 */
export async function fanOutEvents(orm: MikroORM, now: Date = new Date(), chunk = 500): Promise<number> {
  const em = forkFor(orm, SYSTEM);
  let total = 0;
  for (;;) {
    const rows = await em.execute<{ n: string }[]>(
      `with ev as (
         update webhook_event set fanned_out_at = ? where id in (
           select id from webhook_event where fanned_out_at is null order by occurred_at limit ? for update skip locked)
         returning id, type, organization_id, occurred_at),
       ins as (
         insert into webhook_delivery (id, event_id, endpoint_id, status, attempts, next_attempt_at, version, created_at, updated_at)
         select gen_random_uuid(), ev.id, e.id, 'PENDING', 0, ?, 1, now(), now()
         from ev join webhook_endpoint e
           on e.organization_id = ev.organization_id and e.active and ev.type = any(e.events) and e.created_at <= ev.occurred_at
         on conflict (event_id, endpoint_id) do nothing
         returning id)
       select (select count(*) from ev) as n, (select count(*) from ins) as d`,
      [now, chunk, now],
    );
    const row = rows[0] as unknown as { n: string; d: string };
    total += Number(row.d);
    if (Number(row.n) < chunk) return total;
  }
}

/** Deliveries whose attempt is due, with the version that names their next job. */
export async function dueDeliveries(orm: MikroORM, now: Date = new Date(), limit = 1000) {
  return forkFor(orm, SYSTEM).execute<{ id: string; version: number }[]>(
    `select id, version from webhook_delivery where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?`,
    [now, limit],
  );
}
