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

/**
 * Scenario 8's JSON by hand: the lab's page of 100 orders (each branch of its visibility read
 * in creation order from its index, as a hand-writer who knows the data would), every nested
 * level a subquery; a case's other orders narrowed to those the lab sees. Computed fields
 * (overdue, availableTransitions) are left to the client.
 */
export const LIMITS_SQL = `with lab_cases as (select c.id from medical_case c where c.registered_by_id = $1 or c.hospital_id = $1),
page as (select u.id, u.created_at from (
   (select id, created_at from attention_order where provider_id = $1 order by created_at desc, id desc limit $2)
   union
   (select id, created_at from attention_order where case_id in (select id from lab_cases) order by created_at desc, id desc limit $2)
  ) u order by u.created_at desc, u.id desc limit $2)
select json_build_object('totalCount', (select count(*) from (select 1 from attention_order o where o.provider_id = $1 or o.case_id in (select id from lab_cases) limit 10001) n),
 'edges', coalesce(json_agg(json_build_object('cursor', o.id, 'node', json_build_object(
  'id', o.id, 'number', o.number, 'status', o.status, 'kind', o.kind, 'specialty', o.specialty, 'requestedCodes', o.requested_codes,
  'confirmBy', o.confirm_by, 'dueAt', o.due_at, 'amount', o.amount::text, 'currency', o.currency, 'createdAt', o.created_at,
  'updatedAt', o.updated_at, 'version', o.version,
  'provider', json_build_object('id', org.id, 'name', org.name),
  'reports', (select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'createdAt', r.created_at,
        'file', (select json_build_object('id', f.id, 'fileName', f.file_name, 'contentType', f.content_type, 'size', f.size)
                   from stored_file f where f.id = r.file_id)) order by r.created_at, r.id), '[]')
      from order_report r where r.order_id = o.id),
  'lastStatusChange', (select json_build_object('toStatus', s.to_status, 'event', s.event, 'createdAt', s.created_at) from status_change s
      where s.entity_type = 'Order' and s.entity_id = o.id order by s.created_at desc, s.id desc limit 1),
  'rejection', (select json_build_object('code', coalesce(s.reason_code, 'OTHER'), 'text', coalesce(s.reason, '')) from status_change s
      where o.last_rejected_at is not null and s.entity_type = 'Order' and s.entity_id = o.id and s.event = 'REJECT'
      order by s.created_at desc limit 1),
  'case', json_build_object('id', c.id, 'number', c.number, 'scanKey', c.scan_key, 'status', c.status, 'kind', c.kind,
     'incidentDate', c.incident_date,
     'patient', json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name),
     'hospital', (select json_build_object('id', h.id, 'name', h.name) from organization h where h.id = c.hospital_id),
     'orders', (select coalesce(json_agg(json_build_object('id', o2.id, 'status', o2.status, 'case', json_build_object('id', c.id,
           'patient', json_build_object('id', p.id, 'registeredBy', (select json_build_object('id', ro.id, 'name', ro.name,
              'branch', (select json_build_object('id', b.id, 'name', b.name) from branch b where b.id = ro.branch_id))
              from organization ro where ro.id = p.registered_by_id)))) order by o2.created_at, o2.id), '[]')
         from attention_order o2 where o2.case_id = c.id and (o2.provider_id = $1 or c.id in (select id from lab_cases))))
 )) order by page.created_at desc, page.id desc), '[]')) as j
 from page join attention_order o on o.id = page.id
   join medical_case c on c.id = o.case_id join patient p on p.id = c.patient_id join organization org on org.id = o.provider_id`;
