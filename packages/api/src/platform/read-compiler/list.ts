import { getArgumentValues, isObjectType, type FieldNode, type GraphQLField } from "graphql";
import type { CompiledRoot } from "./connection.js";
import type { ListRoot } from "./definition.js";
import { columnOf, planObject, type PlanEnv } from "./plan.js";
import { fieldShape, NotCompiled } from "./selection.js";
import { needsShaping, shapeObject } from "./shape.js";
import { objectSql, rowsSql, sql, type Aliases } from "./sql.js";

/**
 * A root list (`branches`, `documentTypes(all)`, `formTemplates(specialty, all)`): the rows
 * the resolver's `em.find` reads (its where, its order, the scope rule in list mode) with
 * their nested JSON, aggregated in the same order.
 */
export async function compileList(
  env: PlanEnv,
  root: ListRoot,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  aliases: Aliases,
): Promise<CompiledRoot> {
  const args = getArgumentValues(field, nodes[0]!, env.input.variables);
  const shape = fieldShape(field);
  if (!shape.list || !isObjectType(shape.named) || shape.named.name !== root.type)
    throw new NotCompiled(`Query.${field.name}`);
  const plan = planObject(env, shape.named, nodes);
  const order = Object.entries(root.orderBy);
  const orderCols = order.map(([prop]) => columnOf(plan.meta, prop).column);
  const t = aliases.next("t");
  const x = aliases.next("x");
  const rows = await rowsSql(env.em, plan, t, {
    where: root.where(args),
    scope: "list",
    orderBy: root.orderBy,
    extraColumns: orderCols,
  });
  const obj = await objectSql(env.em, plan, x, aliases);
  const aggOrder = order.map(([, dir], i) => `${x}.${orderCols[i]} ${dir}`).join(", ");
  const shaping = needsShaping(plan);
  return {
    sql: sql`(select coalesce(json_agg(${obj} order by ${aggOrder}), '[]'::json) from (${rows}) as ${x})`,
    finish: (value, ctx) => {
      const items = (value ?? []) as Record<string, unknown>[];
      if (shaping) for (const item of items) shapeObject(plan, item, ctx);
      return Promise.resolve(items);
    },
  };
}
