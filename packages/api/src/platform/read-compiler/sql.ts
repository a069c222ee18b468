import { raw, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { SCOPE_FILTER, rawWhere, type ScopeMode, type ScopeParams, type SqlPart } from "../scoping/scope.js";
import { hooksOf } from "../composition/hooks.js";
import { columnOf, columnsOf, type Conversion, type PlanObject, type RelationPlan } from "./plan.js";
import { templated } from "./template.js";

/** Aliases unique across one statement: every level is a subquery that may see its parents'. */
export class Aliases {
  private n = 0;
  next(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }
}

/** Concatenates SQL parts, keeping their `?` bindings in textual order. */
export function sql(strings: TemplateStringsArray, ...parts: (SqlPart | string)[]): SqlPart {
  let text = strings[0]!;
  const params: unknown[] = [];
  parts.forEach((p, i) => {
    if (typeof p === "string") text += p;
    else {
      text += p.sql;
      params.push(...p.params);
    }
    text += strings[i + 1]!;
  });
  return { sql: text, params };
}

export function joinParts(parts: readonly SqlPart[], sep: string): SqlPart {
  return { sql: parts.map((p) => p.sql).join(sep), params: parts.flatMap((p) => p.params) };
}

/** A column of a derived-table row, as the GraphQL scalar (or the ORM, for computed inputs) would give it. */
export function valueSql(alias: string, column: string, conv: Conversion): string {
  const ref = `${alias}.${column}`;
  if (conv === "iso" || conv === "date") return `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  if (conv === "text") return `${ref}::text`;
  return ref;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface RowsOptions {
  where?: FilterQuery<object>;
  /** SQL correlating the rows to their parent row (`alias` is this level's table alias). */
  correlate?: (alias: string) => string;
  /** More SQL on this level's alias, with its bindings (e.g. the ids of a page). */
  whereSql?: (alias: string) => SqlPart;
  scope: ScopeMode | false;
  orderBy?: Record<string, "asc" | "desc" | "ASC" | "DESC">;
  limit?: number;
  offset?: number;
  extraColumns?: readonly string[];
  /** Expressions on this level's alias selected too, each with its own `as` name (no bindings). */
  extraSelect?: (alias: string) => string[];
}

/**
 * One level's rows: the requested columns of its table, filtered, scoped by the entity's
 * own rule (the ORM's scope filter, so the rule is the one the ORM path applies), sorted
 * and limited, rendered by MikroORM's query builder with its values as bindings.
 */
export async function rowsSql(em: EntityManager, plan: PlanObject, alias: string, opts: RowsOptions): Promise<SqlPart> {
  const cols = columnsOf(plan, opts.extraColumns).map((c) => `${alias}.${c}`);
  cols.push(...(opts.extraSelect?.(alias) ?? []));
  const qb = em.createQueryBuilder(plan.def.entity, alias).select(raw(cols.join(", ")) as never);
  if (opts.where) qb.where(opts.where as never);
  if (opts.correlate) qb.andWhere(rawWhere(opts.correlate) as never);
  if (opts.whereSql) {
    const w = opts.whereSql(alias);
    qb.andWhere(rawWhere(() => w.sql, w.params) as never);
  }
  if (opts.scope) {
    const params = em.getFilterParams<ScopeParams>(SCOPE_FILTER);
    if (!params) throw new Error("read compiler: no principal on the EntityManager");
    await qb.applyFilters({ [SCOPE_FILTER]: { ...params, mode: opts.scope } });
  }
  if (opts.orderBy) qb.orderBy(opts.orderBy as never);
  if (opts.limit != null) qb.limit(opts.limit);
  if (opts.offset) qb.offset(opts.offset);
  const q = qb.getKnexQuery().toSQL();
  return { sql: q.sql, params: [...q.bindings] };
}

export type RootRowsOptions = Omit<RowsOptions, "where" | "correlate" | "whereSql"> & {
  /** A fresh where-object per call. */
  where: () => FilterQuery<object>;
};

/**
 * A root level's rows (a page, a count, a row by id): rendered as rowsSql renders them, from
 * the template of their shape once there is one (template.ts), so the query builder runs for
 * the first request of a filter shape and principal, not for every request.
 */
export function rootRowsSql(
  em: EntityManager,
  plan: PlanObject,
  alias: string,
  opts: RootRowsOptions,
): Promise<SqlPart> {
  const principal = em.getFilterParams<ScopeParams>(SCOPE_FILTER)?.principal ?? null;
  const key = [
    "rows",
    plan.def.entity,
    columnsOf(plan, opts.extraColumns),
    alias,
    opts.scope,
    opts.orderBy ?? null,
    opts.limit ?? null,
    opts.offset ?? null,
    principal,
  ];
  return templated(hooksOf(em), key, opts.where, (where) =>
    rowsSql(em, plan, alias, { ...opts, where: where() as never }),
  );
}

const rowsCache = new WeakMap<object, Map<string, SqlPart>>();
const ROWS_CACHE_LIMIT = 5_000;

/**
 * A nested level's rows depend only on the plan, its aliases and the principal (a scope rule
 * is a pure function of the principal and the mode; the relation's own condition is fixed),
 * so their rendering is kept per root (hooks) instead of building a query builder for every
 * level of every request.
 */
async function cachedRows(em: EntityManager, shape: unknown[], render: () => Promise<SqlPart>): Promise<SqlPart> {
  const hooks = hooksOf(em);
  let cache = rowsCache.get(hooks);
  if (!cache) rowsCache.set(hooks, (cache = new Map()));
  const key = JSON.stringify([...shape, em.getFilterParams<ScopeParams>(SCOPE_FILTER)?.principal ?? null]);
  let part = cache.get(key);
  if (!part) {
    part = await render();
    if (cache.size >= ROWS_CACHE_LIMIT) cache.clear();
    cache.set(key, part);
  }
  return part;
}

/** `json_build_object(…)` of one row of `plan` read from derived-table alias `x`. */
export async function objectSql(em: EntityManager, plan: PlanObject, x: string, aliases: Aliases): Promise<SqlPart> {
  const pairs: SqlPart[] = [];
  for (const f of plan.fields) {
    const key = literal(f.key);
    if (f.kind === "typename") pairs.push({ sql: `${key}, ${literal(f.value)}`, params: [] });
    else if (f.kind === "column") pairs.push({ sql: `${key}, ${valueSql(x, f.column, f.conv)}`, params: [] });
    else if (f.kind === "computed") {
      const inputs: SqlPart[] = f.inputs.map((i) => ({
        sql: `${literal(i.prop)}, ${valueSql(x, i.column, i.conv)}`,
        params: [],
      }));
      for (const r of f.rows) inputs.push(sql`${literal(r.key)}, ${await relationSql(em, r, x, aliases)}`);
      pairs.push(sql`${key}, json_build_object(${joinParts(inputs, ", ")})`);
    } else pairs.push(sql`${key}, ${await relationSql(em, f, x, aliases)}`);
  }
  // json_build_object takes at most 100 arguments.
  if (pairs.length > 50) throw new Error("read compiler: more than 50 fields in one object");
  return sql`json_build_object(${joinParts(pairs, ", ")})`;
}

/** The sort keys of a row read through a link table: its link's creation time, then its id (the children loader's order). */
const LINK_ORDER = "link_order";
const LINK_ID = "link_id";

async function relationSql(em: EntityManager, f: RelationPlan, parent: string, aliases: Aliases): Promise<SqlPart> {
  const t = aliases.next("t");
  const y = aliases.next("y");
  const through = f.rel.through ? throughOf(em, f, parent, aliases) : null;
  const order = f.rel.orderBy ?? [];
  const byLink = through !== null && !order.length ? through : null;
  const limit = f.rel.first ? 1 : f.rel.limit;
  const orderCols = order.map(
    ([prop]) => (f.child.meta.properties[prop as never] as { fieldNames: string[] }).fieldNames[0]!,
  );
  const onlyIf =
    f.rel.parentIs && f.parentIsColumn ? ` and ${parent}.${f.parentIsColumn} = ${literal(f.rel.parentIs.value)}` : "";
  const childRows = (alias: string, childColumn: string, parentColumn: string, where?: Record<string, unknown>) =>
    cachedRows(
      em,
      [
        f.child.def.entity,
        columnsOf(f.child, orderCols),
        alias,
        parent,
        childColumn,
        parentColumn,
        f.rel,
        order,
        through?.aliases,
      ],
      async () =>
        rowsSql(em, f.child, alias, {
          where,
          ...(through
            ? { whereSql: await through.where(onlyIf) }
            : { correlate: (a: string) => `${a}.${childColumn} = ${parent}.${parentColumn}${onlyIf}` }),
          scope: f.rel.scoped === false ? false : "probe",
          orderBy: order.length ? Object.fromEntries(order) : undefined,
          limit: byLink ? undefined : limit,
          extraColumns: orderCols,
          extraSelect: byLink?.order,
        }),
    );
  let rows = await childRows(t, f.childColumn, f.parentColumn, f.rel.where);
  let aggOrder = byLink
    ? `${y}.${LINK_ORDER} asc, ${y}.${LINK_ID} asc`
    : order.map(([, dir], i) => `${y}.${orderCols[i]} ${dir}`).join(", ");
  if (f.rel.then && f.then) {
    // The second part's rows after the first's: a union tagged with its part.
    const t2 = aliases.next("t");
    const more = await childRows(t2, f.then.childColumn, f.then.parentColumn, f.rel.then.where);
    const [p1, p2] = [aliases.next("p"), aliases.next("p")];
    rows = sql`select ${p1}.*, 0 as rc_part from (${rows}) as ${p1} union all select ${p2}.*, 1 as rc_part from (${more}) as ${p2}`;
    aggOrder = [`${y}.rc_part`, ...(aggOrder ? [aggOrder] : [])].join(", ");
  }
  // Rows in their links' order are cut to the limit once sorted (the sort key is a select-list expression).
  const z = byLink && limit != null ? aliases.next("z") : null;
  const source = z ? sql`select * from (${rows}) as ${z} order by ${z}.${LINK_ORDER} asc limit ${String(limit)}` : rows;
  const obj = await objectSql(em, f.child, y, aliases);
  if (!f.rel.list) return sql`(select ${obj} from (${source}) as ${y})`;
  return sql`(select coalesce(json_agg(${obj}${aggOrder ? ` order by ${aggOrder}` : ""}), '[]'::json) from (${source}) as ${y})`;
}

/**
 * A list through a link table: the child's id among the `to` ids of the parent's link rows
 * (the link's own scope rule in probe mode, as the children loader reads them), and the
 * link's creation time and id as the default order.
 */
function throughOf(em: EntityManager, f: RelationPlan, parent: string, aliases: Aliases) {
  const th = f.rel.through!;
  const meta = em.getMetadata().find(th.entity);
  if (!meta) throw new Error(`read compiler: no entity ${th.entity}`);
  const from = columnOf(meta, th.from).column;
  const to = columnOf(meta, th.to).column;
  const created = columnOf(meta, "createdAt").column;
  const l = aliases.next("l");
  const k = aliases.next("k");
  const link: PlanObject = { def: { type: th.entity, entity: th.entity, columns: [] }, meta, fields: [] };
  return {
    aliases: [l, k],
    where: async (onlyIf: string) => {
      const links = await rowsSql(em, link, l, {
        correlate: (a) => `${a}.${from} = ${parent}.${f.parentColumn}${onlyIf}`,
        scope: "probe",
        extraColumns: [to],
      });
      return (a: string) => sql`${a}.${f.childColumn} in (select ${k}.${to} from (${links}) as ${k})`;
    },
    // One link per (parent, child): the unique pair of every link table read this way.
    order: (a: string) =>
      [
        [created, LINK_ORDER],
        ["id", LINK_ID],
      ].map(
        ([col, as]) =>
          `(select lo.${col} from ${meta.tableName} lo where lo.${to} = ${a}.${f.childColumn}
            and lo.${from} = ${parent}.${f.parentColumn} order by lo.${created}, lo.id limit 1) as ${as}`,
      ),
  };
}
