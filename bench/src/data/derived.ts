import type pg from "pg";

/**
 * Rows that follow from rows already loaded — history and reports — are derived in SQL,
 * set-based: consistent with the statuses by construction and faster than streaming them.
 * Ids are UUIDv7-shaped (time prefix = the row's time) and deterministic (md5 of the parent).
 */
const UUID_FN = `create or replace function pg_temp.bench_uuid(ts timestamptz, salt text) returns uuid language sql immutable as $$
  select (lpad(to_hex(floor(extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(md5(salt), 1, 3) || '8' || substr(md5(salt), 4, 15))::uuid $$`;

const SC_COLS = `insert into status_change (id, created_at, updated_at, entity_type, entity_id, from_status, to_status, event, reason, reason_code, reference, actor_kind, actor_id, actor_organization_id)`;

/** The order's last transition for each status (from, event, actor), as the state machine would have written it. */
const ORDER_LAST = `(values
  ('CONFIRMED', 'ISSUED', 'CONFIRM', 'PARTNER'), ('IN_EVALUATION', 'CONFIRMED', 'START_EVALUATION', 'PARTNER'),
  ('IN_VERIFICATION', 'IN_EVALUATION', 'SUBMIT_FOR_REVIEW', 'PARTNER'), ('REJECTED', 'IN_VERIFICATION', 'REJECT', 'STAFF'),
  ('VALIDATED_FOR_BILLING', 'IN_VERIFICATION', 'APPROVE', 'STAFF'), ('BILLED', 'VALIDATED_FOR_BILLING', 'MARK_BILLED', 'STAFF'),
  ('SUSPENDED', 'CONFIRMED', 'SUSPEND', 'STAFF'), ('VOIDED', 'ISSUED', 'VOID', 'STAFF'), ('EXPIRED', 'ISSUED', 'EXPIRE', 'SYSTEM')
) as t(status, from_status, event, actor)`;

const VISIT_LAST = `(values
  ('SCHEDULED', 'PENDING_ASSIGNMENT', 'ASSIGN'), ('IN_PROGRESS', 'SCHEDULED', 'START'), ('IN_REVIEW', 'IN_PROGRESS', 'SUBMIT'),
  ('RETURNED', 'IN_REVIEW', 'RETURN'), ('COMPLETED', 'IN_REVIEW', 'APPROVE'), ('NO_SHOW', 'SCHEDULED', 'MARK_NO_SHOW'), ('CANCELLED', 'SCHEDULED', 'CANCEL')
) as t(status, from_status, event)`;

const CLAIM_LAST = `(values
  ('IN_REVIEW', 'SUBMITTED', 'START_REVIEW'), ('RETURNED', 'IN_REVIEW', 'RETURN'), ('APPROVED', 'IN_REVIEW', 'APPROVE'),
  ('DENIED', 'IN_REVIEW', 'DENY'), ('SETTLED', 'APPROVED', 'SETTLE'), ('CANCELLED', 'DRAFT', 'CANCEL')
) as t(status, from_status, event)`;

export function derivedStatements(operatorUserId: string, operatorId: string): [string, string][] {
  const staff = `'STAFF', '${operatorUserId}'::uuid, '${operatorId}'::uuid`;
  return [
    ["uuid function", UUID_FN],
    [
      "order history: issue",
      `${SC_COLS} select pg_temp.bench_uuid(o.created_at, o.id::text || 'i'), o.created_at, o.created_at, 'Order', o.id, null, 'ISSUED', 'ISSUE', null, null, null, ${staff} from attention_order o`,
    ],
    [
      "order history: approve before billing",
      `${SC_COLS} select pg_temp.bench_uuid(o.updated_at - interval '1 day', o.id::text || 'a'), o.updated_at - interval '1 day', o.updated_at - interval '1 day', 'Order', o.id, 'IN_VERIFICATION', 'VALIDATED_FOR_BILLING', 'APPROVE', null, null, null, ${staff} from attention_order o where o.status = 'BILLED'`,
    ],
    [
      "order history: last transition",
      `${SC_COLS} select pg_temp.bench_uuid(o.updated_at, o.id::text || 'l'), o.updated_at, o.updated_at, 'Order', o.id, t.from_status, o.status::text, t.event,
       case when t.event in ('REJECT', 'SUSPEND', 'VOID') then 'bench' end, case when t.event = 'REJECT' then 'INCOMPLETE_REPORT' end, o.invoice_reference,
       t.actor, case when t.actor = 'STAFF' then '${operatorUserId}'::uuid end, case t.actor when 'STAFF' then '${operatorId}'::uuid when 'PARTNER' then o.provider_id end
     from attention_order o join ${ORDER_LAST} on t.status = o.status::text`,
    ],
    [
      "order reports: final",
      `insert into order_report (id, created_at, updated_at, order_id, kind, file_id, form, template_specialty, template_version, submitted_by_kind, submitted_by_organization_id)
     select pg_temp.bench_uuid(o.updated_at - interval '2 hours', o.id::text || 'f'), o.updated_at - interval '2 hours', o.updated_at - interval '2 hours', o.id, 'FINAL', null,
       '{"findings": "within normal limits", "conclusion": "fit"}'::jsonb, o.specialty, 1, 'PARTNER', o.provider_id
     from attention_order o where o.status in ('IN_VERIFICATION', 'REJECTED', 'VALIDATED_FOR_BILLING', 'BILLED')`,
    ],
    [
      "order reports: preliminary (30%)",
      `insert into order_report (id, created_at, updated_at, order_id, kind, file_id, form, template_specialty, template_version, submitted_by_kind, submitted_by_organization_id)
     select pg_temp.bench_uuid(o.updated_at - interval '3 hours', o.id::text || 'p'), o.updated_at - interval '3 hours', o.updated_at - interval '3 hours', o.id, 'PRELIMINARY', null,
       '{"findings": "pending"}'::jsonb, o.specialty, 1, 'PARTNER', o.provider_id
     from attention_order o where o.status in ('IN_EVALUATION', 'IN_VERIFICATION', 'REJECTED', 'VALIDATED_FOR_BILLING', 'BILLED') and get_byte(decode(md5(o.id::text), 'hex'), 0) < 77`,
    ],
    [
      "case history",
      `${SC_COLS} select pg_temp.bench_uuid(c.created_at, c.id::text || 'i'), c.created_at, c.created_at, 'Case', c.id, null, 'OPEN', 'REGISTER', null, null, null, ${staff} from medical_case c
     union all select pg_temp.bench_uuid(c.updated_at, c.id::text || 'l'), c.updated_at, c.updated_at, 'Case', c.id, 'OPEN', c.status::text, case c.status when 'CLOSED' then 'CLOSE' else 'CANCEL' end, null, null, null, ${staff}
     from medical_case c where c.status <> 'OPEN'`,
    ],
    [
      "visit history",
      `${SC_COLS} select pg_temp.bench_uuid(v.created_at, v.id::text || 'i'), v.created_at, v.created_at, 'Visit', v.id, null, case v.kind when 'APPOINTMENT' then 'SCHEDULED' else 'PENDING_ASSIGNMENT' end, 'CREATE', null, null, null, ${staff} from visit v
     union all select pg_temp.bench_uuid(v.updated_at, v.id::text || 'l'), v.updated_at, v.updated_at, 'Visit', v.id, t.from_status, v.status::text, t.event, null, null, null, ${staff}
     from visit v join ${VISIT_LAST} on t.status = v.status::text where not (v.kind = 'APPOINTMENT' and v.status = 'SCHEDULED')`,
    ],
    [
      "claim history",
      `${SC_COLS} select pg_temp.bench_uuid(c.created_at, c.id::text || 'i'), c.created_at, c.created_at, 'Claim', c.id, null, 'DRAFT', 'CREATE', null, null, null, ${staff} from claim c
     union all select pg_temp.bench_uuid(c.first_submitted_at, c.id::text || 's'), c.first_submitted_at, c.first_submitted_at, 'Claim', c.id, 'DRAFT', 'SUBMITTED', 'SUBMIT', null, null, null, ${staff} from claim c where c.first_submitted_at is not null
     union all select pg_temp.bench_uuid(c.updated_at, c.id::text || 'l'), greatest(c.updated_at, c.first_submitted_at), greatest(c.updated_at, c.first_submitted_at), 'Claim', c.id, t.from_status, c.status::text, t.event, null, null, null, ${staff}
     from claim c join ${CLAIM_LAST} on t.status = c.status::text`,
    ],
  ];
}

export async function runDerived(
  db: pg.PoolClient,
  operatorUserId: string,
  operatorId: string,
  log: (m: string) => void,
): Promise<number> {
  let rows = 0;
  for (const [label, sql] of derivedStatements(operatorUserId, operatorId)) {
    const t = performance.now();
    const res = await db.query(sql);
    rows += res.rowCount ?? 0;
    log(`  ${label}: ${res.rowCount ?? 0} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return rows;
}
