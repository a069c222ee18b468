import { getArgumentValues, isObjectType, type FieldNode, type GraphQLField } from "graphql";
import { raw, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager, QueryBuilder } from "@mikro-orm/postgresql";
import type { SqlPart } from "../scoping/scope.js";
import type { SqlRoot } from "./definition.js";
import type { CompiledRoot } from "./connection.js";
import type { PlanEnv } from "./plan.js";
import { collectFields, fieldShape, NotCompiled, subSelection } from "./selection.js";
import { joinParts, sql, type Aliases } from "./sql.js";

/**
 * A root computed by its module in SQL (SqlRoot): the selected fields of its object built
 * in one `json_build_object`, aliases and `__typename` answered here.
 */
export async function compileSqlRoot(
  env: PlanEnv,
  root: SqlRoot,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  aliases: Aliases,
): Promise<CompiledRoot> {
  const args = getArgumentValues(field, nodes[0]!, env.input.variables);
  const type = fieldShape(field).named;
  if (!isObjectType(type) || type.name !== root.type) throw new NotCompiled(`Query.${field.name}`);
  const selected = collectFields(type, subSelection(nodes), env.input);
  const names = new Set<string>();
  for (const [, fieldNodes] of selected) {
    const name = fieldNodes[0]!.name.value;
    if (name === "__typename") continue;
    if (fieldNodes.some((n) => (n.arguments?.length ?? 0) > 0) || !type.getFields()[name])
      throw new NotCompiled(`${type.name}.${name}`);
    names.add(name);
  }
  const parts = await root.compile({ em: env.em, args, alias: (prefix) => aliases.next(prefix) }, [...names]);
  const pairs = [...names].map((name) => {
    const part = parts[name];
    if (!part) throw new NotCompiled(`${type.name}.${name}`);
    // A GraphQL name is [_A-Za-z][_0-9A-Za-z]*: safe as a literal.
    return sql`'${name}', ${part}`;
  });
  return {
    sql: sql`json_build_object(${joinParts(pairs, ", ")})`,
    finish: (value) => {
      const v = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, fieldNodes] of selected) {
        const name = fieldNodes[0]!.name.value;
        out[key] = name === "__typename" ? type.name : v[name];
      }
      return Promise.resolve(out);
    },
  };
}

/**
 * The rows `em.count(entity, where)` counts, as SQL: MikroORM's query builder with the scope
 * filter on the entity and on every relation the condition joins (as the driver's count
 * applies them), so a count here is the ORM path's count.
 */
export async function countedRowsSql(
  em: EntityManager,
  entity: string,
  alias: string,
  where: FilterQuery<object>,
  columns: readonly string[] = ["id"],
): Promise<SqlPart> {
  const qb = em
    .createQueryBuilder(entity, alias)
    .select(raw(columns.map((c) => `${alias}.${c}`).join(", ")) as never)
    .where(where as never) as QueryBuilder<object>;
  await qb.applyFilters();
  await qb.applyJoinedFilters(em, {});
  const q = qb.getKnexQuery().toSQL();
  return { sql: q.sql, params: [...q.bindings] };
}

/** A timestamptz expression as the DateTime scalar prints it (ISO, milliseconds, Z). */
export const isoText = (expr: string): string => `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
