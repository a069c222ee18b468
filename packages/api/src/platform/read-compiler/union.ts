import { raw, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { SCOPE_FILTER, type ScopeParams, type SqlPart } from "../scoping/scope.js";
import { hooksOf } from "../composition/hooks.js";

type Cond = Record<string, unknown>;

/** The scope rule's condition for the EntityManager's principal, as the ORM's filter builds it. */
async function scopeCondition(em: EntityManager, entity: string): Promise<Cond> {
  const params = em.getFilterParams<ScopeParams>(SCOPE_FILTER);
  const apply = (em as unknown as { applyFilters: (...a: unknown[]) => Promise<Cond> }).applyFilters.bind(em);
  return apply(entity, {}, { [SCOPE_FILTER]: { ...params, mode: "list" } }, "read");
}

/** The alternatives of a scope that is an OR at the top (a partner's orders: as provider, or through its cases). */
function orBranches(cond: unknown): Cond[] | null {
  let c = cond as Cond | null;
  while (c && Object.keys(c).length === 1 && Array.isArray(c.$and) && c.$and.length === 1) c = c.$and[0] as Cond;
  if (c && Object.keys(c).length === 1 && Array.isArray(c.$or) && c.$or.length >= 2) return c.$or as Cond[];
  return null;
}

const branchCounts = new WeakMap<object, Map<string, number>>();

/**
 * How many top-level alternatives the list-mode scope has for this principal (0: not an OR).
 * A scope rule is a pure function of the principal and the mode, so the answer is kept per
 * root (hooks), entity and principal.
 */
export async function scopeBranchCount(em: EntityManager, entity: string): Promise<number> {
  const hooks = hooksOf(em);
  let counts = branchCounts.get(hooks);
  if (!counts) branchCounts.set(hooks, (counts = new Map()));
  const key = JSON.stringify([entity, em.getFilterParams<ScopeParams>(SCOPE_FILTER)?.principal ?? null]);
  let n = counts.get(key);
  if (n === undefined) {
    n = orBranches(await scopeCondition(em, entity))?.length ?? 0;
    if (counts.size >= 5_000) counts.clear();
    counts.set(key, n);
  }
  return n;
}

/**
 * The ids of one page when the scope is an OR: each alternative read in sort order from its
 * own index, limited, and merged — instead of walking the sort index past every other
 * partner's rows while filtering the OR (52 ms → 0.5 ms for a lab at 200k orders,
 * docs/BENCHMARKS.md). Each branch gets its own fresh filter (`where()`): a where-object
 * holding raw() fragments renders once.
 */
export async function unionPageIds(
  em: EntityManager,
  entity: string,
  branches: number,
  where: () => FilterQuery<object>,
  orderBy: Record<string, "ASC" | "DESC">,
  sortColumns: readonly string[],
  limit: number,
  offset: number,
  alias: (prefix: string) => string,
): Promise<SqlPart> {
  const parts: SqlPart[] = [];
  for (let i = 0; i < branches; i++) {
    const branch = orBranches(await scopeCondition(em, entity))![i]!;
    const a = alias("b");
    const qb = em
      .createQueryBuilder(entity, a)
      .select(raw(["id", ...sortColumns].map((c) => `${a}.${c}`).join(", ")) as never)
      .where(where() as never)
      .andWhere(branch as never)
      .orderBy(orderBy as never)
      .limit(limit + offset);
    const q = qb.getKnexQuery().toSQL();
    parts.push({ sql: `(${q.sql})`, params: [...q.bindings] });
  }
  const u = alias("u");
  const dirs = Object.values(orderBy);
  const order = [...sortColumns, "id"].map((c, i) => `${u}.${c} ${dirs[Math.min(i, dirs.length - 1)]}`).join(", ");
  return {
    sql: `select ${u}.id from (${parts.map((p) => p.sql).join(" union ")}) as ${u} order by ${order} limit ${limit}${offset ? ` offset ${offset}` : ""}`,
    params: parts.flatMap((p) => p.params),
  };
}
