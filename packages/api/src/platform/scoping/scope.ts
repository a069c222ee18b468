import { raw } from "@mikro-orm/core";
import type { Principal, StaffPrincipal } from "../auth/principal.js";
import { ExtensionPoint } from "../composition/extension-point.js";
import type { Hooks } from "../composition/hooks.js";

/**
 * Row-level scoping, in one place: each entity declares which rows a principal may see,
 * and a MikroORM filter named "scope", on by default for every entity, adds that condition
 * to every find, findOne, count and populate of a request's EntityManager. Loaders,
 * lists, lookups by id and the reads inside mutations all go through it, so a foreign
 * row is indistinguishable from a missing one. An EntityManager without a principal
 * throws ("No arguments provided for filter 'scope'") instead of reading unscoped.
 */
export type ScopeCondition = Record<string, unknown> | "ALL" | "NONE";

/**
 * How the query finds its rows. "list" scans for them (a page, a count): the rule may
 * materialise the set of visible ids once. "probe" reads rows already named by id or
 * parent id (a DataLoader batch): a correlated check per row costs a few index probes,
 * where materialising every visible id of a large partner costs tens of milliseconds.
 * Both modes must admit exactly the same rows.
 */
export type ScopeMode = "list" | "probe";
export type ScopeRule = (principal: Principal, mode: ScopeMode) => ScopeCondition;

/** Where the filter finds an entity's rule: the composition root's hooks (Hooks.defineScope). */
export type ScopeRules = (entityName: string) => ScopeRule | undefined;

/**
 * The default for entities without a rule: staff and system see everything, partners
 * nothing. Only bookkeeping relies on it (status history read through its visible parent,
 * the audit trail behind its own role check); every business entity declares its rule.
 */
function defaultRule(principal: Principal): ScopeCondition {
  return principal.kind === "STAFF" || principal.kind === "SYSTEM" ? "ALL" : "NONE";
}

/**
 * No row, as a false predicate. Not `id in ()`: MikroORM renders an empty `$in` as `1 = 0`
 * in a where-clause but as `in ()` (invalid SQL) in the ON clause it gives a joined
 * relation's filter. Built per call: a raw() fragment renders once.
 */
const none = () => rawWhere(() => "false");

/** Rows that meet both conditions. */
export function bothScopes(a: ScopeCondition, b: ScopeCondition): ScopeCondition {
  if (a === "NONE" || b === "NONE") return "NONE";
  if (a === "ALL") return b;
  if (b === "ALL") return a;
  return { $and: [a, b] };
}

export function scopeConditionFor(
  rules: ScopeRules,
  entityName: string,
  principal: Principal,
  mode: ScopeMode = "list",
): Record<string, unknown> {
  if (principal.kind === "SYSTEM") return {};
  const cond = (rules(entityName) ?? defaultRule)(principal, mode);
  if (cond === "ALL") return {};
  if (cond === "NONE") return none();
  return cond;
}

export const SCOPE_FILTER = "scope";

/** The MikroORM filter over one root's rules (platform/db/orm.ts installs it). */
export const scopeFilter = (rules: ScopeRules) => ({
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
    const params = args as unknown as ScopeParams;
    return scopeConditionFor(rules, name, params.principal, params.mode ?? "list");
  },
});

export interface ScopeParams {
  principal: Principal;
  mode?: ScopeMode;
}

/** A SQL fragment with `?` placeholders and their values. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * One way a partner organisation comes to see rows of some kind: rows of `from` matching
 * `where` grant the id in column `key` (e.g. `attention_order o`, `o.case_id`,
 * `o.provider_id = ?`). Modules push sources so the owning module imports none of them.
 */
export interface VisibilitySource {
  from: string;
  key: string;
  where: (organizationId: string, mode: ScopeMode) => SqlPart;
}

/** "`column` is granted by one of the sources", as a list-mode IN or as probe-mode EXISTS checks. */
export function visibleThrough(
  sources: readonly VisibilitySource[],
  column: string,
  organizationId: string,
  mode: ScopeMode,
): SqlPart {
  const parts = sources.map((s) => ({ s, w: s.where(organizationId, mode) }));
  const params = parts.flatMap((p) => p.w.params);
  if (parts.length === 0) return { sql: "false", params };
  if (mode === "probe")
    return {
      sql: `(${parts.map(({ s, w }) => `exists (select 1 from ${s.from} where (${w.sql}) and ${s.key} = ${column})`).join(" or ")})`,
      params,
    };
  return {
    sql: `(${column} in (${parts.map(({ s, w }) => `select ${s.key} from ${s.from} where ${w.sql}`).join(" union all ")}))`,
    params,
  };
}

/**
 * Staff roles whose rows are narrowed (SPEC §8 "Staff row rules per role"). ADMIN and
 * OPERATOR see every row until branches exist; a user with several roles sees the union of
 * what each role sees; a staff role a rule does not mention sees none of that entity.
 */
export const ROW_ROLES = ["VISITOR", "BILLING", "REVIEWER"] as const;
export type RowRole = (typeof ROW_ROLES)[number];
export type StaffRowRule = (p: StaffPrincipal, mode: ScopeMode) => ScopeCondition;

export function staffRows(
  p: StaffPrincipal,
  mode: ScopeMode,
  rules: Partial<Record<RowRole, StaffRowRule>>,
): ScopeCondition {
  if (p.roles.includes("ADMIN") || p.roles.includes("OPERATOR")) return "ALL";
  const conds: Record<string, unknown>[] = [];
  for (const role of ROW_ROLES) {
    const rule = rules[role];
    if (!rule || !p.roles.includes(role)) continue;
    const cond = rule(p, mode);
    if (cond === "ALL") return "ALL";
    if (cond !== "NONE") conds.push(cond);
  }
  if (conds.length === 0) return "NONE";
  return conds.length === 1 ? conds[0]! : { $or: conds };
}

/** A rule for partners and another for staff; the system sees all, anonymous callers nothing. */
export function partnerOrStaff(
  partner: (p: Extract<Principal, { kind: "PARTNER" }>, mode: ScopeMode) => ScopeCondition,
  staff: Partial<Record<RowRole, StaffRowRule>>,
): ScopeRule {
  return (p, mode) => {
    if (p.kind === "PARTNER") return partner(p, mode);
    if (p.kind === "STAFF") return staffRows(p, mode, staff);
    return p.kind === "SYSTEM" ? "ALL" : "NONE";
  };
}

/**
 * Per restricted staff role, the ways a member of that role comes to see rows of one kind
 * (their `where` gets the user id). Modules add their own, as with partner sources: one
 * extension point per role (staffSourcePoints), read back as live lists (staffSourcesIn).
 */
export type StaffSources = Record<RowRole, readonly VisibilitySource[]>;
export type StaffSourcePoints = Record<RowRole, ExtensionPoint<VisibilitySource>>;

export function staffSourcePoints(of: string): StaffSourcePoints {
  const point = (role: RowRole) => new ExtensionPoint<VisibilitySource>(`${of} visible to ${role}`);
  return { VISITOR: point("VISITOR"), BILLING: point("BILLING"), REVIEWER: point("REVIEWER") };
}

export function staffSourcesIn(hooks: Hooks, points: StaffSourcePoints): StaffSources {
  return {
    VISITOR: hooks.list(points.VISITOR),
    BILLING: hooks.list(points.BILLING),
    REVIEWER: hooks.list(points.REVIEWER),
  };
}

/** A where-clause key: `column(alias)` is granted to this user by one of the role's sources. */
export function grantedTo(
  sources: readonly VisibilitySource[],
  column: (alias: string) => string,
  userId: string,
  mode: ScopeMode,
): Record<string, unknown> {
  const { params } = visibleThrough(sources, "", userId, mode);
  return { [raw((alias: string) => visibleThrough(sources, column(alias), userId, mode).sql, params)]: [] };
}

/** The staff half of a rule that grants through sources: one `grantedTo` per role. */
export function staffThrough(
  sources: StaffSources,
  column: (alias: string) => string,
): Partial<Record<RowRole, StaffRowRule>> {
  const rules: Partial<Record<RowRole, StaffRowRule>> = {};
  for (const role of ROW_ROLES)
    rules[role] = (p, mode) => (sources[role].length === 0 ? "NONE" : grantedTo(sources[role], column, p.userId, mode));
  return rules;
}

/** A raw where-clause key from SQL on the row's alias (`a`), with its parameters. */
export function rawWhere(sql: (alias: string) => string, params: unknown[] = []): Record<string, unknown> {
  return { [raw((alias: string) => sql(alias), params)]: [] };
}
