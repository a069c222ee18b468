import type { EntityManager } from "@mikro-orm/postgresql";
import type { EntityName, FilterQuery } from "@mikro-orm/core";
import type { SqlPart } from "./scope.js";

/**
 * `select id from <entity> where <where> and <the principal's scope>` as SQL, for a
 * subquery inside another entity's where-clause (`x.patient_id in (…)`). The scope comes
 * from the same rule as every other read (the EntityManager's "scope" filter), not a
 * second copy: a search over another table looks only at rows the caller may see, so it
 * can neither match a foreign row nor scan every tenant's rows to find the caller's.
 */
export async function visibleIdsSql<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
): Promise<SqlPart> {
  const qb = em
    .createQueryBuilder(entity, "vis")
    .select("vis.id" as never)
    .where(where);
  await qb.applyFilters();
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  return { sql, params: [...bindings] };
}
