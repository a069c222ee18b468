import type { EntityMetadata } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { getNamedType, type FieldNode, type GraphQLObjectType, type GraphQLSchema, isObjectType } from "graphql";
import type { ComputedField, ReadType, RelationField } from "./definition.js";
import { assertFieldUnguarded } from "./authorized.js";
import { collectFields, fieldShape, NotCompiled, subSelection, type SelectionInput } from "./selection.js";

/** How a value leaves Postgres: as stored, as the DateTime scalar prints it, as text (numeric), or as a Date. */
export type Conversion = "plain" | "iso" | "text" | "date";

export interface ColumnPlan {
  key: string;
  kind: "column";
  column: string;
  conv: Conversion;
}
export interface ComputedPlan {
  key: string;
  kind: "computed";
  inputs: { prop: string; column: string; conv: Conversion }[];
  rows: RelationPlan[];
  field: ComputedField;
  /** For an object-valued field: the selected (response key, field name) pairs of its value. */
  project: [string, string][] | null;
  typeName: string;
}
export interface RelationPlan {
  key: string;
  kind: "relation";
  rel: RelationField;
  parentColumn: string;
  childColumn: string;
  /** The columns of `rel.then`'s correlation, when it has one. */
  then: { parentColumn: string; childColumn: string } | null;
  /** The parent's column that `rel.parentIs` tests, if any. */
  parentIsColumn: string | null;
  nonNull: boolean;
  child: PlanObject;
  /** `rel.via`: `child` is the link level, whose one field `v` holds the item. */
  via?: boolean;
}
export interface TypenamePlan {
  key: string;
  kind: "typename";
  value: string;
}
export type FieldPlan = ColumnPlan | ComputedPlan | RelationPlan | TypenamePlan;

export interface PlanObject {
  def: ReadType;
  meta: EntityMetadata;
  fields: FieldPlan[];
}

export interface PlanEnv {
  schema: GraphQLSchema;
  em: EntityManager;
  types: ReadonlyMap<string, ReadType>;
  input: SelectionInput;
}

/** The column of an entity property and how to read it (ManyToOne: its foreign key). */
export function columnOf(meta: EntityMetadata, prop: string, scalar?: string): { column: string; conv: Conversion } {
  const p = meta.properties[prop as never] as
    | { fieldNames?: string[]; kind?: string; runtimeType?: string; columnTypes?: string[]; customType?: unknown }
    | undefined;
  if (!p?.fieldNames?.length || (p.kind !== "scalar" && p.kind !== "m:1"))
    throw new Error(`read compiler: ${meta.className}.${prop} is not a column`);
  const columnType = p.columnTypes?.[0] ?? "";
  const conv: Conversion =
    scalar === "DateTime"
      ? "iso"
      : scalar === undefined && p.runtimeType === "Date"
        ? "date"
        : columnType.startsWith("numeric")
          ? "text"
          : "plain";
  return { column: p.fieldNames[0]!, conv };
}

/** Turns the selection of one object type into a plan, or throws NotCompiled. */
export function planObject(env: PlanEnv, type: GraphQLObjectType, nodes: readonly FieldNode[]): PlanObject {
  const def = env.types.get(type.name);
  if (!def) throw new NotCompiled(`type ${type.name}`);
  const meta = env.em.getMetadata().find(def.entity);
  if (!meta) throw new Error(`read compiler: no entity ${def.entity}`);
  const fields: FieldPlan[] = [];
  const selected = collectFields(type, subSelection(nodes), env.input);
  for (const [key, fieldNodes] of selected) {
    const name = fieldNodes[0]!.name.value;
    if (name === "__typename") {
      fields.push({ key, kind: "typename", value: type.name });
      continue;
    }
    assertFieldUnguarded(type.name, name);
    if (fieldNodes.some((n) => (n.arguments?.length ?? 0) > 0))
      throw new NotCompiled(`arguments on ${type.name}.${name}`);
    const gqlField = type.getFields()[name];
    if (!gqlField) throw new NotCompiled(`unknown field ${type.name}.${name}`);
    const shape = fieldShape(gqlField);
    if (def.columns.includes(name)) {
      fields.push({ key, kind: "column", ...columnOf(meta, name, getNamedType(gqlField.type).name) });
    } else if (def.computed?.[name]) {
      const field = def.computed[name];
      fields.push({
        key,
        kind: "computed",
        field,
        inputs: field.needs.map((prop) => ({ prop, ...columnOf(meta, prop) })),
        typeName: shape.named?.name ?? "",
        project: isObjectType(shape.named)
          ? [...collectFields(shape.named, subSelection(fieldNodes), env.input)].map(([k, n]) => [k, n[0]!.name.value])
          : null,
        rows: Object.entries(field.rows ?? {}).map(([rowKey, { relation, props }]) =>
          relationPlan(env, meta, rowKey, relation, props),
        ),
      });
    } else if (def.relations?.[name]?.via) {
      const rel = def.relations[name];
      if (!isObjectType(shape.named) || shape.named.name !== rel.via!.type)
        throw new Error(`read compiler: ${type.name}.${name} is not a ${rel.via!.type}`);
      const linkDef = env.types.get(rel.type);
      const linkMeta = linkDef && env.em.getMetadata().find(linkDef.entity);
      if (!linkDef || !linkMeta) throw new Error(`read compiler: no type ${rel.type}`);
      const item = planObject(env, shape.named, fieldNodes);
      const link: PlanObject = {
        def: linkDef,
        meta: linkMeta,
        fields: [
          {
            key: "v",
            kind: "relation",
            rel: { type: rel.via!.type, parentKey: rel.via!.key, childKey: "id" },
            parentColumn: columnOf(linkMeta, rel.via!.key).column,
            childColumn: columnOf(item.meta, "id").column,
            then: null,
            parentIsColumn: null,
            nonNull: false,
            child: item,
          },
        ],
      };
      fields.push({
        key,
        kind: "relation",
        rel,
        parentColumn: columnOf(meta, rel.parentKey).column,
        childColumn: columnOf(linkMeta, rel.childKey).column,
        then: null,
        parentIsColumn: null,
        nonNull: shape.nonNull,
        child: link,
        via: true,
      });
    } else if (def.relations?.[name]) {
      const rel = def.relations[name];
      if (!isObjectType(shape.named) || shape.named.name !== rel.type)
        throw new Error(`read compiler: ${type.name}.${name} is not a ${rel.type}`);
      const child = planObject(env, shape.named, fieldNodes);
      fields.push({
        key,
        kind: "relation",
        rel,
        parentColumn: columnOf(meta, rel.parentKey).column,
        childColumn: columnOf(child.meta, rel.childKey).column,
        then: rel.then
          ? {
              parentColumn: columnOf(meta, rel.then.parentKey).column,
              childColumn: columnOf(child.meta, rel.then.childKey).column,
            }
          : null,
        parentIsColumn: rel.parentIs ? columnOf(meta, rel.parentIs.prop).column : null,
        nonNull: shape.nonNull,
        child,
      });
    } else {
      throw new NotCompiled(`field ${type.name}.${name}`);
    }
  }
  return { def, meta, fields };
}

/** A relation read for a computed field: fixed properties of the related rows, as the ORM types them. */
function relationPlan(
  env: PlanEnv,
  meta: EntityMetadata,
  key: string,
  rel: RelationField,
  props: readonly string[],
): RelationPlan {
  const def = env.types.get(rel.type);
  const childMeta = def && env.em.getMetadata().find(def.entity);
  if (!def || !childMeta) throw new Error(`read compiler: no type ${rel.type}`);
  const child: PlanObject = {
    def,
    meta: childMeta,
    fields: props.map((prop) => ({ key: prop, kind: "column" as const, ...columnOf(childMeta, prop) })),
  };
  return {
    key,
    kind: "relation",
    rel,
    parentColumn: columnOf(meta, rel.parentKey).column,
    childColumn: columnOf(childMeta, rel.childKey).column,
    then: null,
    parentIsColumn: rel.parentIs ? columnOf(meta, rel.parentIs.prop).column : null,
    nonNull: false,
    child,
  };
}

/** The columns a plan level reads from its table (always the id). */
export function columnsOf(plan: PlanObject, extra: readonly string[] = []): string[] {
  const cols = new Set<string>(["id", ...extra]);
  for (const f of plan.fields) {
    if (f.kind === "column") cols.add(f.column);
    else if (f.kind === "computed") {
      for (const i of f.inputs) cols.add(i.column);
      for (const r of f.rows) {
        cols.add(r.parentColumn);
        if (r.parentIsColumn) cols.add(r.parentIsColumn);
      }
    } else if (f.kind === "relation") {
      cols.add(f.parentColumn);
      if (f.then) cols.add(f.then.parentColumn);
      if (f.parentIsColumn) cols.add(f.parentIsColumn);
    }
  }
  return [...cols];
}
