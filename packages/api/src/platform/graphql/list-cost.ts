import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLCompositeType,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "./connection.js";

/**
 * A cost that grows with what the query can make the server read and write: each field
 * costs 1, and a list multiplies the cost of everything under it by its size — `first`
 * or `last` when the field takes them (the page size it asks for, DEFAULT_PAGE_SIZE when
 * it does not say), an assumed size for the other lists. graphql-armor's cost limit
 * (limits.ts) counts selections only, so `first: 100` inside `first: 100` cost the same
 * as `first: 1`. Every string argument adds its length / STRING_CHARS_PER_POINT: a long
 * search text costs the database a long ILIKE on every row it scans.
 */
export const LIST_COST = {
  maxCost: 25_000,
  /** Size assumed for a list field without `first`/`last` (its rows are a parent's few children). */
  assumedListSize: 10,
  stringCharsPerPoint: 10,
} as const;

type Vars = Record<string, unknown>;

export function listAwareCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Vars | undefined,
): number {
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  return selectionCost(schema, operation.selectionSet, root, fragments, variables ?? {}, false);
}

function selectionCost(
  schema: GraphQLSchema,
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  vars: Vars,
  insideConnection: boolean,
): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) total += fieldCost(schema, sel, parent, fragments, vars, insideConnection);
    else {
      const frag = sel.kind === Kind.FRAGMENT_SPREAD ? fragments[sel.name.value] : sel;
      if (!frag) continue;
      const typeName = frag.typeCondition?.name.value;
      const type = (typeName ? schema.getType(typeName) : parent) as GraphQLCompositeType | undefined;
      if (type) total += selectionCost(schema, frag.selectionSet, type, fragments, vars, insideConnection);
    }
  }
  return total;
}

function fieldCost(
  schema: GraphQLSchema,
  node: FieldNode,
  parent: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  vars: Vars,
  insideConnection: boolean,
): number {
  const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
  if (!def) return 1; // __typename, introspection fields
  const strings = argumentStringLength(def, node, vars);
  const own = 1 + Math.ceil(strings / LIST_COST.stringCharsPerPoint);
  if (!node.selectionSet) return own;
  const named = getNamedType(def.type) as GraphQLCompositeType;
  const isConnection = named.name.endsWith("Connection");
  const children = selectionCost(schema, node.selectionSet, named, fragments, vars, isConnection);
  return own + multiplier(def, node, vars, insideConnection) * children;
}

function multiplier(def: GraphQLField<unknown, unknown>, node: FieldNode, vars: Vars, insideConnection: boolean) {
  const takesPage = def.args.some((a) => a.name === "first" || a.name === "last");
  if (takesPage) {
    const first = argValue(def, node, "first", vars);
    const last = argValue(def, node, "last", vars);
    const size = [first, last].find((v): v is number => typeof v === "number") ?? DEFAULT_PAGE_SIZE;
    return Math.max(1, size);
  }
  // A connection's `nodes` and `edges` are its page, already counted by its `first`.
  if (insideConnection || !isList(def.type)) return 1;
  return LIST_COST.assumedListSize;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function argValue(def: GraphQLField<unknown, unknown>, node: FieldNode, name: string, vars: Vars): unknown {
  const argDef = def.args.find((a) => a.name === name);
  const argNode = node.arguments?.find((a) => a.name.value === name);
  if (!argDef) return undefined;
  if (!argNode) return argDef.defaultValue;
  return valueFromAST(argNode.value, argDef.type, vars);
}

function argumentStringLength(def: GraphQLField<unknown, unknown>, node: FieldNode, vars: Vars): number {
  let total = 0;
  for (const argNode of node.arguments ?? []) {
    const argDef = def.args.find((a) => a.name === argNode.name.value);
    if (!argDef) continue;
    total += stringLength(valueFromAST(argNode.value, argDef.type, vars));
  }
  return total;
}

function stringLength(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + stringLength(v), 0);
  if (value && typeof value === "object")
    return Object.values(value as Record<string, unknown>).reduce((n: number, v) => n + stringLength(v), 0);
  return 0;
}
