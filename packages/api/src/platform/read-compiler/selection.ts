import {
  getNamedType,
  isNonNullType,
  isListType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";

/** Thrown wherever a query asks for something the compiler does not serve: the ORM path answers it. */
export class NotCompiled extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotCompiled";
  }
}

export interface SelectionInput {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function included(
  node: {
    directives?: readonly {
      name: { value: string };
      arguments?: readonly { name: { value: string }; value: ValueNode }[];
    }[];
  },
  vars: Record<string, unknown>,
): boolean {
  for (const d of node.directives ?? []) {
    const name = d.name.value;
    if (name !== "skip" && name !== "include") throw new NotCompiled(`directive @${name}`);
    const arg = d.arguments?.find((a) => a.name.value === "if");
    const value = arg ? valueFromASTUntyped(arg.value, vars) : undefined;
    if (name === "skip" && value === true) return false;
    if (name === "include" && value !== true) return false;
  }
  return true;
}

/**
 * The fields a selection set asks of an object type, by response key (aliases kept),
 * fragments and @skip/@include resolved, as graphql-js' own collectFields does: fields with
 * the same key are merged, their sub-selections concatenated.
 */
export function collectFields(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  input: SelectionInput,
  into = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const sel of set.selections) {
    if (!included(sel, input.variables)) continue;
    if (sel.kind === "Field") {
      const key = sel.alias?.value ?? sel.name.value;
      into.set(key, [...(into.get(key) ?? []), sel]);
    } else if (sel.kind === "InlineFragment") {
      if (sel.typeCondition && sel.typeCondition.name.value !== type.name) throw new NotCompiled("type condition");
      collectFields(type, sel.selectionSet, input, into, visited);
    } else {
      const name = sel.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const frag = input.fragments[name];
      if (!frag) throw new NotCompiled(`fragment ${name}`);
      if (frag.typeCondition.name.value !== type.name) throw new NotCompiled("fragment type condition");
      collectFields(type, frag.selectionSet, input, into, visited);
    }
  }
  return into;
}

/** The merged sub-selection of same-key field nodes. */
export function subSelection(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: "SelectionSet" as never, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) };
}

/** What the schema says of a field: its object type (for objects), list-ness and nullability. */
export function fieldShape(field: GraphQLField<unknown, unknown>): {
  named: ReturnType<typeof getNamedType>;
  nonNull: boolean;
  list: boolean;
} {
  const nonNull = isNonNullType(field.type);
  const inner = nonNull ? (field.type as { ofType: typeof field.type }).ofType : field.type;
  return { named: getNamedType(field.type), nonNull, list: isListType(inner) };
}
