import type { IdKind } from "./operations.fixtures.js";
import type { World } from "./world.fixtures.js";

/**
 * One real row of each kind from the demo region, chosen so that it belongs to a known
 * partner (the order's provider is LAB, the case and visit sit at HOSPITAL, the claim is
 * AGENCY's), plus rows the matrix may damage (an expendable user and API key).
 */
export async function sampleIds(world: World): Promise<Record<IdKind, string>> {
  const one = async (text: string, params: unknown[] = []) => {
    const rows = await world.sql<{ id: string }>(`${text} limit 1`, params);
    if (!rows[0]) throw new Error(`no sample row for: ${text}`);
    return rows[0].id;
  };
  const o = world.orgIds;
  const claim = await one(`select id from claim where registered_by_id = ? order by created_at`, [o.AGENCY]);
  const visitor = await one(`select id from app_user where roles::text like '%VISITOR%' order by email`);
  return {
    order: await one(`select id from attention_order where provider_id = ? order by created_at`, [o.LAB]),
    case: await one(`select id from medical_case where hospital_id = ? order by created_at`, [o.HOSPITAL]),
    visit: await one(`select id from visit where site_id = ? order by created_at`, [o.HOSPITAL]),
    claim,
    claimLine: await one(`select id from claim_line where claim_id = ?`, [claim]).catch(() =>
      one(`select id from claim_line`),
    ),
    patient: await one(`select id from patient order by created_at`),
    policy: await one(`select id from policy order by created_at`),
    liability: await one(`select id from liability order by id`),
    organization: o.LAB,
    // Not yet covered by the sample visitor, so addVisitorHospital really adds (and audits).
    hospital: await one(
      `select id from organization h where kind = 'HOSPITAL'
         and not exists (select 1 from visitor_hospital vh where vh.hospital_id = h.id and vh.visitor_id = ?) order by name`,
      [visitor],
    ),
    user: world.expendableUserId,
    partnerUser: world.expendablePartnerUserId,
    visitor,
    apiKey: world.expendableApiKeyId,
    serviceCode: await one(`select id from service_code order by code`),
    workCalendar: await one(`select id from work_calendar order by country`),
    file: await one(`select id from stored_file`).catch(() => "00000000-0000-4000-8000-000000000001"),
    // The AGENCY's sample claim's document (the seed files those of every submitted claim).
    document: await one(`select id from document where claim_id in (select id from claim where registered_by_id = ?)`, [
      o.AGENCY,
    ]),
    documentType: await one(`select id from document_type order by code`),
    // The matrix retires and re-activates it and writes versions: a specialty the other checks never fill.
    formTemplate: await one(`select id from form_template where specialty = 'audiology' order by template_version`),
    branch: await one(`select id from branch order by code`),
  };
}
