import type pg from "pg";
import { computeMonthlyStatistics, forkFor, SYSTEM, type MikroORM } from "@clinigraph/api/domain";

/** Scenario 6: the statistics service for one month over the whole data set. */
export async function apiStatisticsSeconds(
  orm: MikroORM,
  month: string,
  timeZone: string,
): Promise<{ seconds: number; organisations: number }> {
  const t = performance.now();
  const organisations = await computeMonthlyStatistics(forkFor(orm, SYSTEM), month, timeZone);
  return { seconds: (performance.now() - t) / 1000, organisations };
}

/** The same per-organisation figures as one hand-written read statement (no upsert). */
export async function rawStatisticsSeconds(db: pg.Pool, month: string, timeZone: string): Promise<number> {
  const t = performance.now();
  await db.query(
    `with b as (select ($1::date)::timestamp at time zone $2 as lo, (($1::date) + interval '1 month')::timestamp at time zone $2 as hi),
     o as (select o.provider_id as org, count(*) filter (where o.created_at >= b.lo and o.created_at < b.hi) as issued from attention_order o, b
            where o.created_at >= b.lo and o.created_at < b.hi group by 1),
     t as (select o.provider_id as org, count(*) filter (where sc.event = 'CONFIRM') as confirmed,
                  count(*) filter (where sc.to_status = 'VALIDATED_FOR_BILLING') as validated, count(*) filter (where sc.to_status = 'REJECTED') as rejected,
                  count(*) filter (where sc.to_status = 'EXPIRED') as expired, count(*) filter (where sc.to_status = 'VOIDED') as voided,
                  percentile_cont(0.5) within group (order by extract(epoch from sc.created_at - o.created_at) / 3600) filter (where sc.to_status = 'VALIDATED_FOR_BILLING') as median_h
             from status_change sc join attention_order o on o.id = sc.entity_id, b
            where sc.entity_type = 'Order' and sc.from_status is not null and sc.created_at >= b.lo and sc.created_at < b.hi group by 1),
     c as (select c.registered_by_id as org, count(*) as registered from claim c, b where c.created_at >= b.lo and c.created_at < b.hi group by 1),
     v as (select v.site_id as org, count(*) as completed from status_change sc join visit v on v.id = sc.entity_id, b
            where sc.entity_type = 'Visit' and sc.to_status = 'COMPLETED' and sc.created_at >= b.lo and sc.created_at < b.hi group by 1)
     select coalesce(o.org, t.org, c.org, v.org) as org, o.issued, t.confirmed, t.validated, t.median_h, c.registered, v.completed
       from o full join t on t.org = o.org full join c on c.org = coalesce(o.org, t.org) full join v on v.org = coalesce(o.org, t.org, c.org)`,
    [`${month}-01`, timeZone],
  );
  return (performance.now() - t) / 1000;
}
