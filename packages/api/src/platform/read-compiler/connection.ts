import { getArgumentValues, isObjectType, type FieldNode, type GraphQLField, type GraphQLObjectType } from "graphql";
import {
  estimatedCount,
  encodeCursor,
  EXACT_COUNT_LIMIT,
  pageOf,
  pageWindow,
  type ConnectionArgs,
} from "../graphql/connection.js";
import type { FilterQuery } from "@mikro-orm/core";
import { SCOPE_FILTER, type ScopeParams, type SqlPart } from "../scoping/scope.js";
import { hooksOf } from "../composition/hooks.js";
import { templated } from "./template.js";
import type { ConnectionRoot, ReadContext } from "./definition.js";
import { columnOf, columnsOf, planObject, type PlanEnv, type PlanObject } from "./plan.js";
import { collectFields, fieldShape, NotCompiled, subSelection } from "./selection.js";
import { shapeObject } from "./shape.js";
import { scopeBranchCount, unionPageIds } from "./union.js";
import { objectSql, rootRowsSql, rowsSql, sql, valueSql, type Aliases } from "./sql.js";

/** A compiled root field: its SQL (one column of the statement) and how to finish its value. */
export interface CompiledRoot {
  sql: SqlPart;
  finish: (value: unknown, ctx: ReadContext) => Promise<unknown>;
}

const fieldType = (type: GraphQLObjectType, name: string): GraphQLObjectType => {
  const named = fieldShape(type.getFields()[name] as GraphQLField<unknown, unknown>).named;
  if (!isObjectType(named)) throw new NotCompiled(`${type.name}.${name}`);
  return named;
};

/**
 * A connection root (`orders(first, after, filter, orderBy)`): the page of rows with their
 * nested JSON and, when asked, the bounded totalCount, both columns of one statement; the
 * window (filter, cursor, sort, size) is paginate()'s own, so cursors and errors are the same.
 */
export async function compileConnection(
  env: PlanEnv,
  root: ConnectionRoot,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  aliases: Aliases,
): Promise<CompiledRoot> {
  const args = getArgumentValues(field, nodes[0]!, env.input.variables);
  const connType = fieldShape(field).named as GraphQLObjectType;
  const selected = collectFields(connType, subSelection(nodes), env.input);
  const nodeType = fieldType(connType, "nodes");
  let nodesKey: string | null = null;
  let nodesPlan: PlanObject | null = null;
  let edgesKey: string | null = null;
  let edgeFields: Map<string, FieldNode[]> | null = null;
  let edgePlan: PlanObject | null = null;
  for (const [key, fieldNodes] of selected) {
    const name = fieldNodes[0]!.name.value;
    if (name === "nodes") {
      if (nodesKey) throw new NotCompiled("nodes twice");
      nodesKey = key;
      nodesPlan = planObject(env, nodeType, fieldNodes);
    } else if (name === "edges") {
      if (edgesKey) throw new NotCompiled("edges twice");
      edgesKey = key;
      const edgeType = fieldType(connType, "edges");
      edgeFields = collectFields(edgeType, subSelection(fieldNodes), env.input);
      const nodeSel = [...edgeFields].filter(([, n]) => n[0]!.name.value === "node");
      if (nodeSel.length > 1) throw new NotCompiled("edges.node twice");
      if (nodeSel[0]) edgePlan = planObject(env, nodeType, nodeSel[0][1]);
    } else if (!["pageInfo", "totalCount", "__typename"].includes(name))
      throw new NotCompiled(`${connType.name}.${name}`);
  }

  const em = env.em;
  const sort = root.sort(args);
  const whereOf = await root.where(em, args);
  const connArgs = args as ConnectionArgs;
  const opts = { where: whereOf, sortField: sort.field, direction: sort.direction, args: connArgs };
  const def = env.types.get(root.type);
  const meta = def && em.getMetadata().find(def.entity);
  if (!def || !meta || nodeType.name !== root.type) throw new NotCompiled(`no entity for ${root.type}`);
  const window = pageWindow(em, def.entity as never, opts as never);
  const sortCol = columnOf(meta, sort.field);
  const base: PlanObject = { def, meta, fields: [] };
  const t = aliases.next("t");
  const x = aliases.next("x");
  const extraColumns = [sortCol.column, ...(nodesPlan && edgePlan ? columnsOf(edgePlan) : [])];
  const plan = nodesPlan ?? edgePlan ?? base;
  // A scope that is an OR (a partner's orders) is read as a UNION of index-ordered branches.
  const branches = await scopeBranchCount(em, def.entity);
  const windowWhere = () => pageWindow(em, def.entity as never, opts as never).where as FilterQuery<object>;
  let rows: SqlPart;
  if (branches >= 2) {
    // Aliases taken once, so that every rendering of the UNION has the same text (template.ts).
    const names = [...Array.from({ length: branches }, () => aliases.next("b")), aliases.next("u")];
    const sortColumns = sort.field === "id" ? [] : [sortCol.column];
    const principal = em.getFilterParams<ScopeParams>(SCOPE_FILTER)?.principal ?? null;
    const ids = await templated(
      hooksOf(em),
      ["union", def.entity, branches, window.orderBy, sortColumns, window.limit, window.offset ?? 0, names, principal],
      windowWhere,
      (where) => {
        let n = 0;
        return unionPageIds(
          em,
          def.entity,
          branches,
          where as () => FilterQuery<object>,
          window.orderBy,
          sortColumns,
          window.limit,
          window.offset ?? 0,
          () => names[n++]!,
        );
      },
    );
    rows = await templated(
      hooksOf(em),
      ["union-rows", def.entity, columnsOf(plan, extraColumns), t, ids.sql],
      () => ids.params,
      (params) =>
        rowsSql(em, plan, t, {
          whereSql: (a) => ({ sql: `${a}.id in (${ids.sql})`, params: params() as unknown[] }),
          scope: false,
          extraColumns,
        }),
    );
  } else {
    rows = await rootRowsSql(em, plan, t, {
      where: windowWhere,
      scope: "list",
      orderBy: window.orderBy,
      limit: window.limit,
      offset: window.offset,
      extraColumns,
    });
  }
  const sortValue = valueSql(x, sortCol.column, sortCol.conv === "date" ? "iso" : sortCol.conv);
  const parts = [sql`'c', ${sortValue}, 'i', ${x}.id`];
  if (nodesPlan) parts.push(sql`, 'n', ${await objectSql(em, nodesPlan, x, aliases)}`);
  if (edgePlan) parts.push(sql`, 'e', ${await objectSql(em, edgePlan, x, aliases)}`);
  const aggOrder = Object.entries(window.orderBy)
    .map(([prop, dir]) => `${x}.${columnOf(meta, prop).column} ${dir}`)
    .join(", ");
  const rowJson = parts.reduce((a, b) => sql`${a}${b}`);
  const page = sql`(select coalesce(json_agg(json_build_object(${rowJson}) order by ${aggOrder}), '[]'::json) from (${rows}) as ${x})`;
  const wantsCount = [...selected.values()].some((n) => n[0]!.name.value === "totalCount");
  const statement = wantsCount
    ? sql`json_build_object('page', ${page}, 'count', (select count(*)::int from (${await rootRowsSql(
        em,
        base,
        aliases.next("t"),
        {
          where: whereOf as () => FilterQuery<object>,
          scope: "list",
          limit: EXACT_COUNT_LIMIT + 1,
        },
      )}) as c))`
    : sql`json_build_object('page', ${page})`;

  const isDate = sortCol.conv === "date";
  return {
    sql: statement,
    finish: async (value, ctx) => {
      const v = value as {
        page: { c: unknown; i: string; n?: Record<string, unknown>; e?: Record<string, unknown> }[];
        count?: number;
      };
      const conn = pageOf(v.page, window, connArgs, (r) =>
        encodeCursor(isDate && r.c != null ? new Date(r.c as string) : r.c, r.i),
      );
      for (const r of conn.nodes) {
        if (nodesPlan && r.n) shapeObject(nodesPlan, r.n, ctx);
        if (edgePlan && r.e) shapeObject(edgePlan, r.e, ctx);
      }
      let count = v.count;
      // Over the exact limit: the statement already counted that far, only the estimate is left.
      if (count != null && count > EXACT_COUNT_LIMIT)
        count = await estimatedCount(em, meta.className as never, whereOf);
      const out: Record<string, unknown> = {};
      for (const [key, fieldNodes] of selected) {
        const name = fieldNodes[0]!.name.value;
        if (name === "__typename") out[key] = connType.name;
        else if (name === "totalCount") out[key] = count;
        else if (name === "nodes") out[key] = conn.nodes.map((r) => r.n);
        else if (name === "pageInfo")
          out[key] = pick(
            fieldType(connType, "pageInfo"),
            fieldNodes,
            env,
            conn.pageInfo as unknown as Record<string, unknown>,
          );
        else if (name === "edges")
          out[key] = conn.edges.map((edge) => {
            const e: Record<string, unknown> = {};
            for (const [k, n] of edgeFields!) {
              const f = n[0]!.name.value;
              e[k] = f === "cursor" ? edge.cursor : f === "node" ? edge.node.e : fieldType(connType, "edges").name;
            }
            return e;
          });
      }
      return out;
    },
  };
}

function pick(type: GraphQLObjectType, nodes: FieldNode[], env: PlanEnv, value: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, n] of collectFields(type, subSelection(nodes), env.input)) {
    const name = n[0]!.name.value;
    out[key] = name === "__typename" ? type.name : value[name];
  }
  return out;
}
