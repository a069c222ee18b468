import type { Principal } from "../auth/principal.js";

/**
 * Row-level scoping, in one place: each entity declares which rows a principal may see,
 * and a MikroORM filter named "scope", on by default for every entity, adds that condition
 * to every find, findOne, count and populate of a request's EntityManager. Loaders,
 * lists, lookups by id and the reads inside mutations all go through it, so a foreign
 * row is indistinguishable from a missing one. An EntityManager without a principal
 * throws ("No arguments provided for filter 'scope'") instead of reading unscoped.
 */
export type ScopeCondition = Record<string, unknown> | "ALL" | "NONE";
export type ScopeRule = (principal: Principal) => ScopeCondition;

const rules = new Map<string, ScopeRule>();

/** Registers the rule for an entity class name. Staff and the system see all unless the rule says otherwise. */
export function defineScope(entityName: string, rule: ScopeRule): void {
  rules.set(entityName, rule);
}

/** The default for entities without a rule: staff and system see everything, partners nothing. */
function defaultRule(principal: Principal): ScopeCondition {
  return principal.kind === "STAFF" || principal.kind === "SYSTEM" ? "ALL" : "NONE";
}

const NONE = { id: { $in: [] as string[] } };

export function scopeConditionFor(entityName: string, principal: Principal): Record<string, unknown> {
  if (principal.kind === "SYSTEM") return {};
  const cond = (rules.get(entityName) ?? defaultRule)(principal);
  if (cond === "ALL") return {};
  if (cond === "NONE") return NONE;
  return cond;
}

export const SCOPE_FILTER = "scope";

export const scopeFilter = {
  name: SCOPE_FILTER,
  default: true,
  cond: (
    args: Record<string, unknown>,
    _type: "read" | "update" | "delete",
    _em: unknown,
    _opts?: unknown,
    entityName?: string | { name: string },
  ) => {
    const name = typeof entityName === "string" ? entityName : (entityName?.name ?? "");
    return scopeConditionFor(name, (args as unknown as ScopeParams).principal);
  },
};

export interface ScopeParams {
  principal: Principal;
}
