import {
  getArgumentValues,
  getVariableValues,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { createHash } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { SqlPart } from "../scoping/scope.js";
import type { Principal } from "../auth/principal.js";
import type { ReadAudit } from "../audit/read-audit.js";
import { statusChangeRead } from "../audit/status-change.read.js";
import { hooksOf } from "../composition/hooks.js";
import { READ_ROOTS, READ_TYPES, type ByIdRoot, type ReadType } from "./definition.js";
import { assertAuthorized } from "./authorized.js";
import { compileConnection, type CompiledRoot } from "./connection.js";
import { compileList } from "./list.js";
import { compileSqlRoot } from "./sql-root.js";
import { planObject, type PlanEnv } from "./plan.js";
import { collectFields, fieldShape, NotCompiled } from "./selection.js";
import { needsShaping, shapeObject } from "./shape.js";
import { Aliases, joinParts, objectSql, rootRowsSql, sql } from "./sql.js";

export interface CompiledRead {
  principal: Principal;
  em: EntityManager;
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  readAudit: ReadAudit;
}

/** The registered types by GraphQL name, built once per hooks (they do not change after register). */
const typesCache = new WeakMap<object, Map<string, ReadType>>();

function typesOf(hooks: ReturnType<typeof hooksOf>): Map<string, ReadType> {
  let types = typesCache.get(hooks);
  if (!types) {
    types = new Map([statusChangeRead, ...hooks.list(READ_TYPES)].map((t) => [t.type, t]));
    typesCache.set(hooks, types);
  }
  return types;
}

/**
 * Runs a query operation as one SQL statement: every root field is one column of a single
 * `select`, each building its JSON in Postgres. Throws NotCompiled when any part of the
 * operation is not served here (the caller falls back to the resolvers).
 */
export async function runCompiled(read: CompiledRead): Promise<Record<string, unknown>> {
  const { operation, schema, em } = read;
  if (operation.operation !== "query") throw new NotCompiled("not a query");
  if (read.principal.kind === "ANONYMOUS") throw new NotCompiled("anonymous");
  const hooks = hooksOf(em);
  const types = typesOf(hooks);
  const roots = new Map(hooks.list(READ_ROOTS).map((r) => [r.field, r]));
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], read.variables ?? {});
  if (coerced.errors) throw new NotCompiled("variables");
  const env: PlanEnv = { schema, em, types, input: { fragments: read.fragments, variables: coerced.coerced } };
  const queryType = schema.getQueryType()!;
  const aliases = new Aliases();
  const compiled: [string, CompiledRoot | "typename"][] = [];
  for (const [key, nodes] of collectFields(queryType, operation.selectionSet, env.input)) {
    const name = nodes[0]!.name.value;
    if (name === "__typename") {
      compiled.push([key, "typename"]);
      continue;
    }
    const root = roots.get(name);
    const field = queryType.getFields()[name];
    if (!root || !field) throw new NotCompiled(`Query.${name}`);
    assertAuthorized(read.principal, name);
    compiled.push([
      key,
      root.kind === "byId"
        ? await compileById(env, root, field, nodes, aliases)
        : root.kind === "connection"
          ? await compileConnection(env, root, field, nodes, aliases)
          : root.kind === "list"
            ? await compileList(env, root, field, nodes, aliases)
            : await compileSqlRoot(env, root, field, nodes, aliases),
    ]);
  }
  const columns = compiled.flatMap(([, c], i) => (c === "typename" ? [] : [sql`${c.sql} as r${String(i)}`]));
  const data: Record<string, unknown> = {};
  const row: Record<string, unknown> = columns.length
    ? await runStatement(em, sql`select ${joinParts(columns, ", ")}`)
    : {};
  const ctx = { principal: read.principal, now: new Date(), readAudit: read.readAudit };
  for (const [i, [key, c]] of compiled.entries())
    data[key] = c === "typename" ? queryType.name : await c.finish(row[`r${i}`], ctx);
  return data;
}

/** How often a statement text must have run before it is prepared, and how many texts a process prepares. */
const PREPARE_AFTER = 3;
const MAX_PREPARED = 500;
const runs = new Map<string, number>();
/** Prepared statement names by text (a sha1 per text, not per request). */
const prepared = new Map<string, string>();

/**
 * Runs the statement with its values as parameters. A text seen often (the same query shape
 * and scope shape: values, principals and page sizes are parameters) becomes a named
 * prepared statement, parsed once per connection and reused; rare texts stay unnamed, so a
 * stream of one-off queries cannot fill the server's per-connection statement cache.
 */
async function runStatement(em: EntityManager, part: SqlPart): Promise<Record<string, unknown>> {
  const query = em
    .getConnection()
    .getKnex()
    .raw(part.sql, part.params as never[]);
  let name = prepared.get(part.sql);
  if (!name) {
    const count = (runs.get(part.sql) ?? 0) + 1;
    if (runs.size > 5_000) runs.clear();
    runs.set(part.sql, count);
    if (count >= PREPARE_AFTER && prepared.size < MAX_PREPARED) {
      name = `rc_${createHash("sha1").update(part.sql).digest("hex")}`;
      prepared.set(part.sql, name);
      runs.delete(part.sql);
    }
  }
  if (name) query.options({ name });
  const res = (await query) as unknown as { rows: Record<string, unknown>[] };
  return res.rows[0]!;
}

async function compileById(
  env: PlanEnv,
  root: ByIdRoot,
  field: GraphQLField<unknown, unknown>,
  nodes: Parameters<typeof planObject>[2],
  aliases: Aliases,
): Promise<CompiledRoot> {
  const args = getArgumentValues(field, nodes[0]!, env.input.variables);
  const type = fieldShape(field).named;
  if (!isObjectType(type) || type.name !== root.type) throw new NotCompiled(`Query.${field.name}`);
  const plan = planObject(env, type, nodes);
  const t = aliases.next("t");
  const x = aliases.next("x");
  // As the byId loader reads it: the scope rule in probe mode.
  const rows = await rootRowsSql(env.em, plan, t, { where: () => ({ id: args[root.arg] }), scope: "probe" });
  const obj = await objectSql(env.em, plan, x, aliases);
  const shaping = needsShaping(plan);
  return {
    sql: sql`(select ${obj} from (${rows}) as ${x})`,
    finish: async (value, ctx) => {
      if (value != null && shaping) shapeObject(plan, value as Record<string, unknown>, ctx);
      return value ?? null;
    },
  };
}

export interface CompiledRecordRead {
  principal: Principal;
  em: EntityManager;
  schema: GraphQLSchema;
  type: GraphQLObjectType;
  nodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  id: string;
  readAudit: ReadAudit;
}

/**
 * One record of a type that has a compiled `x(id)` root, read as that root reads it (the
 * scope rule in probe mode) for the given selection, in one statement: a mutation's payload
 * read back after its write committed. Null when the principal does not see the row; throws
 * NotCompiled as runCompiled does.
 */
export async function readRecordCompiled(read: CompiledRecordRead): Promise<Record<string, unknown> | null> {
  const { em, type } = read;
  if (read.principal.kind === "ANONYMOUS") throw new NotCompiled("anonymous");
  const hooks = hooksOf(em);
  if (!hooks.list(READ_ROOTS).some((r) => r.kind === "byId" && r.type === type.name))
    throw new NotCompiled(`no compiled root reads ${type.name} by id`);
  const env: PlanEnv = {
    schema: read.schema,
    em,
    types: typesOf(hooks),
    input: { fragments: read.fragments, variables: read.variables },
  };
  const plan = planObject(env, type, read.nodes);
  // The record's own fields (computed ones included) are answered from the entity the write
  // just flushed, with no SQL at all: only a selection that reaches other rows is read again.
  if (!plan.fields.some((f) => f.kind === "relation" || (f.kind === "computed" && f.rows.length > 0)))
    throw new NotCompiled("the record's own fields only");
  const aliases = new Aliases();
  const t = aliases.next("t");
  const x = aliases.next("x");
  const rows = await rootRowsSql(em, plan, t, { where: () => ({ id: read.id }), scope: "probe" });
  const obj = await objectSql(em, plan, x, aliases);
  const row = await runStatement(em, sql`select (select ${obj} from (${rows}) as ${x}) as r0`);
  const value = (row.r0 ?? null) as Record<string, unknown> | null;
  if (value != null && needsShaping(plan))
    shapeObject(plan, value, { principal: read.principal, now: new Date(), readAudit: read.readAudit });
  return value;
}
