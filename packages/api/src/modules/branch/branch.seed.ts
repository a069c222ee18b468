import type { EntityManager } from "@mikro-orm/postgresql";
import { Branch } from "../organization/branch.entity.js";
import type { Organization } from "../organization/organization.entity.js";
import { UserBranch, type User } from "../user/user.entity.js";

/** The demo operator's branches, one per country of the demo region; partners are covered by their country's. */
export const DEMO_BRANCHES = [
  { code: "VAL", name: "Oficina Regional Valparaíso", region: "Valparaíso", country: "CL" },
  { code: "SHA", name: "上海分公司", region: "上海", country: "CN" },
  { code: "SOF", name: "Клон София", region: "София", country: "BG" },
  { code: "THR", name: "اداره کل استان تهران", region: "تهران", country: "IR" },
] as const;

/**
 * Branches, the partners under their coverage, and the branch staff: `members` maps a demo
 * login's user to the branch codes it works in (several: it chooses one at login).
 */
export async function seedBranches(
  em: EntityManager,
  operator: Organization,
  organizations: Organization[],
  members: [User, string[]][],
): Promise<void> {
  const byCode = new Map<string, Branch>();
  for (const b of DEMO_BRANCHES) {
    const branch = em.create(Branch, { operator, code: b.code, name: b.name, region: b.region });
    byCode.set(b.code, branch);
    for (const org of organizations) if (org.id !== operator.id && org.country === b.country) org.branch = branch;
  }
  for (const [user, codes] of members)
    for (const code of codes) em.create(UserBranch, { user, branch: byCode.get(code)! });
  await em.flush();
}

/**
 * After the demo's cases exist: each case goes to the branch covering its registering
 * partner or its hospital (as registerCase does), and a case the operator opened to the
 * branch covering its first order's provider or its visit's site.
 */
export async function assignDemoCasesToBranches(em: EntityManager): Promise<void> {
  await em.execute(`update medical_case c set branch_id = coalesce(
      (select o.branch_id from organization o where o.id = c.registered_by_id),
      (select o.branch_id from organization o where o.id = c.hospital_id),
      (select p.branch_id from attention_order ao join organization p on p.id = ao.provider_id
        where ao.case_id = c.id order by ao.created_at limit 1),
      (select s.branch_id from visit v join organization s on s.id = v.site_id
        where v.case_id = c.id order by v.created_at limit 1))
    where c.branch_id is null`);
}
