import { OrderStatus } from "../order/order.entity.js";
import { OrderEvent } from "../order/order.machine.js";
import { ClaimStatus } from "../claim/claim.enums.js";

/**
 * The supervisors' figures (issue #16 item 6; Persian seed: the review offices send the
 * agencies' monthly figures "for supervision and control") defined once, from the
 * status history. Every SQL fragment below is built from these tables, and only
 * COMPUTE_SQL (monthly-statistics.service.ts) uses them.
 *
 * First pass: an approval is first-pass when the entity's status history has no row into
 * its "sent back" status at or before the approval. A claim returned (RETURNED, نقص) and
 * then approved is not first-pass; an order rejected (REJECTED) and then resubmitted and
 * validated is not. The cohort is the approvals whose transition falls in the month.
 */
export const FIRST_PASS = {
  Order: { approved: OrderStatus.VALIDATED_FOR_BILLING, sentBack: OrderStatus.REJECTED },
  Claim: { approved: ClaimStatus.APPROVED, sentBack: ClaimStatus.RETURNED },
} as const;

/**
 * On time: the cohort is the deadlines that fall in the month, so a month's on-time figure
 * is settled when the month ends (a deadline is met or missed by its own date) and each
 * deadline is counted once, in the month it falls in.
 *  - Order: its `due_at`; delivered = the first SUBMIT_FOR_REVIEW (the FINAL report handed
 *    to the operator), on time when at or before `due_at`. Orders never delivered that were
 *    VOIDED by their due date, or are SUSPENDED now (RESUME moves `due_at`), have no
 *    outcome and are left out; every other undelivered order counts as late (also EXPIRED).
 *  - Claim: each delivery window (registration, then each RETURN: 15 working days, see
 *    claim.returned.ts) by its `dueAt`; on time when the SUBMIT that closed it came at or
 *    before `dueAt`. A window never delivered whose claim was CANCELLED by its due date is
 *    left out; other undelivered windows count as late.
 */
export const ON_TIME = {
  Order: { delivered: OrderEvent.SUBMIT_FOR_REVIEW, withdrawn: OrderStatus.VOIDED, paused: OrderStatus.SUSPENDED },
  // A claim window's delivery is the SUBMIT recorded in the window itself (closeDeliveryWindow).
  Claim: { withdrawn: ClaimStatus.CANCELLED },
} as const;

/**
 * SQL: whether the status_change row `sc` is a first-pass approval (null when `sc` is not
 * an approval). The values come from the tables above, never from input.
 */
export function firstPassApprovalSql(type: keyof typeof FIRST_PASS, sc: string): string {
  const { approved, sentBack } = FIRST_PASS[type];
  return `case when ${sc}.to_status = '${approved}' then not exists (
      select 1 from status_change back
       where back.entity_type = '${type}' and back.entity_id = ${sc}.entity_id
         and back.to_status = '${sentBack}' and back.created_at <= ${sc}.created_at) end`;
}

/**
 * CTE `o_due`: per provider, orders whose `due_at` falls in [b.lo, b.hi) (`due`) and those
 * delivered by it (`on_time`). Needs the bounds CTE `b`.
 */
export const ORDERS_DUE_CTE = `
o_due as (
  select o.provider_id as org,
         count(*) as due,
         count(*) filter (where d.delivered_at <= o.due_at) as on_time
    from b, attention_order o
    left join lateral (
      select min(sc.created_at) as delivered_at from status_change sc
       where sc.entity_type = 'Order' and sc.entity_id = o.id and sc.event = '${ON_TIME.Order.delivered}'
    ) d on true
   where o.due_at >= b.lo and o.due_at < b.hi
     and (d.delivered_at is not null or (
          o.status <> '${ON_TIME.Order.paused}'
          and not exists (select 1 from status_change w
                           where w.entity_type = 'Order' and w.entity_id = o.id
                             and w.to_status = '${ON_TIME.Order.withdrawn}' and w.created_at <= o.due_at)))
   group by o.provider_id
)`;

/**
 * CTE `c_due`: per registering organisation, claim delivery windows whose `dueAt` falls
 * in [b.lo, b.hi) (`due`) and those delivered by it (`on_time`). Needs the bounds CTE `b`.
 */
export const CLAIM_WINDOWS_DUE_CTE = `
c_due as (
  select c.registered_by_id as org,
         count(*) as due,
         count(*) filter (where (w.value->>'deliveredAt')::timestamptz <= (w.value->>'dueAt')::timestamptz) as on_time
    from b, claim c
   cross join lateral jsonb_array_elements(c.delivery_windows) w
   where c.created_at < b.hi
     and (w.value->>'dueAt')::timestamptz >= b.lo and (w.value->>'dueAt')::timestamptz < b.hi
     and (w.value->>'deliveredAt' is not null
          or not exists (select 1 from status_change x
                          where x.entity_type = 'Claim' and x.entity_id = c.id
                            and x.to_status = '${ON_TIME.Claim.withdrawn}'
                            and x.created_at <= (w.value->>'dueAt')::timestamptz))
   group by c.registered_by_id
)`;
