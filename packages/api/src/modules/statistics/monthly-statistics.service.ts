import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import { CLAIM_WINDOWS_DUE_CTE, firstPassApprovalSql, ORDERS_DUE_CTE } from "./supervision-figures.sql.js";
import { StatisticsErrorCode } from "./statistics.errors.js";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function assertMonth(month: string, field = "month"): void {
  if (!MONTH.test(month))
    throw new DomainError(StatisticsErrorCode.INVALID_MONTH, "A month is written YYYY-MM, e.g. 2026-03.", [field]);
}

/** The month before the calendar month containing `at`, in `timeZone`. */
export function previousMonth(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === "year")!.value);
  const month = Number(parts.find((p) => p.type === "month")!.value);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}

/**
 * The figures, in one set-based statement. The month is [1st 00:00, next 1st 00:00) in
 * the configured time zone. Creations come from the entity tables (created_at); every
 * other count and the turnaround come from status_change, the transition history:
 *  - orders are attributed to their provider, claims to the registering organisation,
 *    completed visits to their site;
 *  - turnaround = hours from the order's creation (issue) to its VALIDATED_FOR_BILLING
 *    transition, for the transitions that fall in the month (percentile_cont 0.5 / 0.9);
 *  - "submitted" counts first submissions (DRAFT → SUBMITTED), "on time" those at or
 *    before the first delivery window's due date (a RETURN moves delivery_due_at to the
 *    new window, so the current column would flatter a late first delivery);
 *    resubmissions after a return are not counted again;
 *  - first-pass approvals and the on-time cohorts (deadlines falling in the month) are
 *    defined in supervision-figures.sql.ts;
 *  - the approved amount sums approved_payable of the claims approved in the month when
 *    they share one currency (mixed currencies leave amount and currency null).
 */
const COMPUTE_SQL = `
with b as (
  select ((?::date)::timestamp at time zone ?) as lo, (((?::date) + interval '1 month')::timestamp at time zone ?) as hi
),
o_new as (
  select o.provider_id as org, count(*) as issued
    from attention_order o, b where o.created_at >= b.lo and o.created_at < b.hi group by o.provider_id
),
o_sc as (
  select o.provider_id as org, o.created_at as issued_at, sc.event, sc.to_status, sc.created_at,
         ${firstPassApprovalSql("Order", "sc")} as first_pass
    from status_change sc join attention_order o on o.id = sc.entity_id, b
   where sc.entity_type = 'Order' and sc.from_status is not null and sc.created_at >= b.lo and sc.created_at < b.hi
),
o_agg as (
  select org,
         count(*) filter (where event = 'CONFIRM') as confirmed,
         count(*) filter (where to_status = 'VALIDATED_FOR_BILLING') as validated,
         count(*) filter (where first_pass) as first_pass,
         count(*) filter (where to_status = 'REJECTED') as rejected,
         count(*) filter (where to_status = 'EXPIRED') as expired,
         count(*) filter (where to_status = 'VOIDED') as voided,
         percentile_cont(0.5) within group (order by extract(epoch from created_at - issued_at) / 3600)
           filter (where to_status = 'VALIDATED_FOR_BILLING') as median_h,
         percentile_cont(0.9) within group (order by extract(epoch from created_at - issued_at) / 3600)
           filter (where to_status = 'VALIDATED_FOR_BILLING') as p90_h
    from o_sc group by org
),
c_new as (
  select c.registered_by_id as org, count(*) as registered
    from claim c, b where c.created_at >= b.lo and c.created_at < b.hi group by c.registered_by_id
),
c_sc as (
  select c.registered_by_id as org, sc.event, sc.from_status, sc.to_status, sc.created_at,
         coalesce((c.delivery_windows->0->>'dueAt')::timestamptz, c.delivery_due_at) as first_due_at,
         c.approved_payable, c.currency, ${firstPassApprovalSql("Claim", "sc")} as first_pass
    from status_change sc join claim c on c.id = sc.entity_id, b
   where sc.entity_type = 'Claim' and sc.from_status is not null and sc.created_at >= b.lo and sc.created_at < b.hi
),
c_agg as (
  select org,
         count(*) filter (where to_status = 'SUBMITTED' and from_status = 'DRAFT') as submitted,
         count(*) filter (where to_status = 'SUBMITTED' and from_status = 'DRAFT' and created_at <= first_due_at) as on_time,
         count(*) filter (where to_status = 'RETURNED') as returned,
         count(*) filter (where to_status = 'APPROVED') as approved,
         count(*) filter (where first_pass) as first_pass,
         case when count(distinct currency) filter (where to_status = 'APPROVED') = 1
              then sum(approved_payable) filter (where to_status = 'APPROVED') end as approved_amount,
         case when count(distinct currency) filter (where to_status = 'APPROVED') = 1
              then min(currency) filter (where to_status = 'APPROVED') end as currency
    from c_sc group by org
),
${ORDERS_DUE_CTE},
${CLAIM_WINDOWS_DUE_CTE},
v_agg as (
  select v.site_id as org, count(*) as completed
    from status_change sc join visit v on v.id = sc.entity_id, b
   where sc.entity_type = 'Visit' and sc.to_status = 'COMPLETED' and sc.from_status is not null
     and sc.created_at >= b.lo and sc.created_at < b.hi
   group by v.site_id
),
orgs as (
  select org from o_new union select org from o_agg union select org from c_new
  union select org from c_agg union select org from v_agg union select org from o_due union select org from c_due
)
insert into monthly_statistic (id, organization_id, month, orders_issued, orders_confirmed, orders_validated,
  orders_rejected, orders_expired, orders_voided, turnaround_median_hours, turnaround_p90_hours, claims_registered,
  claims_submitted, claims_submitted_on_time, claims_returned, claims_approved, approved_amount, currency,
  visits_completed, orders_first_pass, orders_due, orders_due_on_time, claims_first_pass, claim_deliveries_due,
  claim_deliveries_on_time, computed_at, created_at, updated_at)
select gen_random_uuid(), orgs.org, ?,
       coalesce(o_new.issued, 0), coalesce(o_agg.confirmed, 0), coalesce(o_agg.validated, 0),
       coalesce(o_agg.rejected, 0), coalesce(o_agg.expired, 0), coalesce(o_agg.voided, 0),
       o_agg.median_h, o_agg.p90_h, coalesce(c_new.registered, 0),
       coalesce(c_agg.submitted, 0), coalesce(c_agg.on_time, 0), coalesce(c_agg.returned, 0), coalesce(c_agg.approved, 0),
       c_agg.approved_amount, c_agg.currency, coalesce(v_agg.completed, 0),
       coalesce(o_agg.first_pass, 0), coalesce(o_due.due, 0), coalesce(o_due.on_time, 0),
       coalesce(c_agg.first_pass, 0), coalesce(c_due.due, 0), coalesce(c_due.on_time, 0), now(), now(), now()
  from orgs
  left join o_new on o_new.org = orgs.org
  left join o_agg on o_agg.org = orgs.org
  left join c_new on c_new.org = orgs.org
  left join c_agg on c_agg.org = orgs.org
  left join v_agg on v_agg.org = orgs.org
  left join o_due on o_due.org = orgs.org
  left join c_due on c_due.org = orgs.org
 where orgs.org is not null
on conflict (organization_id, month) do update set
  orders_issued = excluded.orders_issued, orders_confirmed = excluded.orders_confirmed,
  orders_validated = excluded.orders_validated, orders_rejected = excluded.orders_rejected,
  orders_expired = excluded.orders_expired, orders_voided = excluded.orders_voided,
  turnaround_median_hours = excluded.turnaround_median_hours, turnaround_p90_hours = excluded.turnaround_p90_hours,
  claims_registered = excluded.claims_registered, claims_submitted = excluded.claims_submitted,
  claims_submitted_on_time = excluded.claims_submitted_on_time, claims_returned = excluded.claims_returned,
  claims_approved = excluded.claims_approved, approved_amount = excluded.approved_amount,
  currency = excluded.currency, visits_completed = excluded.visits_completed,
  orders_first_pass = excluded.orders_first_pass, orders_due = excluded.orders_due,
  orders_due_on_time = excluded.orders_due_on_time, claims_first_pass = excluded.claims_first_pass,
  claim_deliveries_due = excluded.claim_deliveries_due, claim_deliveries_on_time = excluded.claim_deliveries_on_time,
  computed_at = excluded.computed_at, updated_at = now()
returning organization_id`;

/**
 * Recomputes one month for every organisation, replacing what was there: organisations
 * that no longer have figures for the month lose their row. Returns the number of rows.
 */
export async function computeMonthlyStatistics(em: EntityManager, month: string, timeZone: string): Promise<number> {
  assertMonth(month);
  const first = `${month}-01`;
  return em.transactional(async (tx) => {
    const rows = await tx.execute<{ organization_id: string }[]>(COMPUTE_SQL, [
      first,
      timeZone,
      first,
      timeZone,
      month,
    ]);
    const kept = rows.map((r) => r.organization_id);
    await tx.execute(
      kept.length > 0
        ? `delete from monthly_statistic where month = ? and organization_id not in (${kept.map(() => "?").join(", ")})`
        : `delete from monthly_statistic where month = ?`,
      [month, ...kept],
    );
    return rows.length;
  });
}
