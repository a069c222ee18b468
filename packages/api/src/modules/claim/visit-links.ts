import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * The visit module's tables are read with SQL so this module does not import its entities
 * (the visit module calls back into us through visitApprovedHandlers).
 */
export interface LinkRow {
  policy_id: string;
  liability_id: string;
  case_id: string;
}

/** The liability link of a visit for one liability, with the visit's case. */
export async function linkOfVisit(
  em: EntityManager,
  visitId: string,
  liabilityId: string,
): Promise<{ caseId: string; policyId: string } | null> {
  const rows = await em.execute<LinkRow[]>(
    `select l.policy_id, l.liability_id, v.case_id from visit_liability_link l join visit v on v.id = l.visit_id
      where l.visit_id = ? and l.liability_id = ? limit 1`,
    [visitId, liabilityId],
  );
  const row = rows[0];
  return row ? { caseId: row.case_id, policyId: row.policy_id } : null;
}

/** Every liability link of a visit, in the order they were added. */
export function linksOfVisit(em: EntityManager, visitId: string): Promise<LinkRow[]> {
  return em.execute<LinkRow[]>(
    `select l.policy_id, l.liability_id, v.case_id from visit_liability_link l join visit v on v.id = l.visit_id
      where l.visit_id = ? and v.case_id is not null order by l.created_at, l.id`,
    [visitId],
  );
}
