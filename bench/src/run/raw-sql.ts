/** Hand-written SQL equivalents of the read scenarios: one statement each, JSON built by Postgres. */

export const API_KEY_SQL = `select k.organization_id from api_key k join organization o on o.id = k.organization_id
  where k.prefix = $1 and k.secret_hash = $2 and k.revoked_at is null and o.active`;

const ORDER_JSON = `json_build_object('id', o.id, 'number', o.number, 'status', o.status, 'dueAt', o.due_at,
  'case', json_build_object('id', c.id, 'number', c.number, 'patient', json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name)),
  'provider', json_build_object('id', org.id, 'name', org.name),
  'reports', (select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'createdAt', r.created_at) order by r.created_at, r.id), '[]')
                from order_report r where r.order_id = o.id),
  'lastStatusChange', (select json_build_object('toStatus', s.to_status, 'event', s.event, 'createdAt', s.created_at) from status_change s
                where s.entity_type = 'Order' and s.entity_id = o.id order by s.created_at desc limit 1))`;

export const LAB_ORDERS_SQL = `select json_agg(x.j) as j from (
  select ${ORDER_JSON} as j from attention_order o
    join medical_case c on c.id = o.case_id join patient p on p.id = c.patient_id join organization org on org.id = o.provider_id
   where o.provider_id = $1 or o.case_id = any(array(select c2.id from medical_case c2 where c2.registered_by_id = $1 or c2.hospital_id = $1))
   order by o.created_at desc, o.id desc limit $2) x`;

export const ORDER_SQL = `select json_build_object('id', o.id, 'number', o.number, 'status', o.status, 'kind', o.kind, 'specialty', o.specialty,
  'requestedCodes', o.requested_codes, 'confirmBy', o.confirm_by, 'dueAt', o.due_at, 'amount', o.amount, 'currency', o.currency,
  'case', json_build_object('id', c.id, 'number', c.number, 'scanKey', c.scan_key, 'status', c.status,
     'patient', json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name),
     'registeredBy', (select json_build_object('id', ro.id, 'name', ro.name) from organization ro where ro.id = c.registered_by_id),
     'hospital', (select json_build_object('id', h.id, 'name', h.name) from organization h where h.id = c.hospital_id)),
  'provider', json_build_object('id', org.id, 'name', org.name),
  'reports', (select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'form', r.form, 'createdAt', r.created_at) order by r.created_at, r.id), '[]')
                from order_report r where r.order_id = o.id),
  'history', (select coalesce(json_agg(json_build_object('fromStatus', s.from_status, 'toStatus', s.to_status, 'event', s.event, 'createdAt', s.created_at, 'reason', s.reason) order by s.created_at, s.id), '[]')
                from status_change s where s.entity_type = 'Order' and s.entity_id = o.id)) as j
  from attention_order o join medical_case c on c.id = o.case_id join patient p on p.id = c.patient_id join organization org on org.id = o.provider_id
 where o.id = $1`;

const TRAY_WHERE = `o.status = 'IN_VERIFICATION' and ($1::text is null or o.specialty = $1)`;

export const TRAY_PAGE_SQL = `select json_agg(x.j) as j from (
  select json_build_object('id', o.id, 'number', o.number, 'status', o.status, 'dueAt', o.due_at, 'provider', json_build_object('name', org.name),
         'case', json_build_object('number', c.number, 'patient', json_build_object('lastName', p.last_name))) as j
    from attention_order o join medical_case c on c.id = o.case_id join patient p on p.id = c.patient_id join organization org on org.id = o.provider_id
   where ${TRAY_WHERE} order by o.due_at, o.id limit $2) x`;

export const TRAY_COUNT_SQL = `select count(*)::int as n from attention_order o where ${TRAY_WHERE}`;
