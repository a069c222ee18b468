import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  TypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";

/**
 * Length caps on every free-text value a request carries, checked once the operation is
 * resolved and before any resolver (so any SQL) runs, for every argument of every field,
 * literal or variable, at any depth of its input objects. One place instead of one `max`
 * per input class: a filter a module forgot to cap is capped anyway.
 *
 * The caps go by the input field's name, then by where it sits: a `search` is a few words
 * typed into a box (an ILIKE over names runs on it), every other string of a `filter`
 * names one thing (a number, a code), and anything else — a note, a reason, a form
 * answer — gets the largest text the domain knows (a report's conclusion).
 */
export const INPUT_LIMITS = {
  search: 100,
  filterString: 200,
  name: 200,
  reason: 2000,
  /** An order's notes, the longest free-text note a mutation takes (order.service.ts). */
  notes: 4000,
  any: 10_000,
} as const;

const BY_NAME: Record<string, number> = {
  search: INPUT_LIMITS.search,
  name: INPUT_LIMITS.name,
  firstName: INPUT_LIMITS.name,
  lastName: INPUT_LIMITS.name,
  holderName: INPUT_LIMITS.name,
  reason: INPUT_LIMITS.reason,
  note: INPUT_LIMITS.notes,
  notes: INPUT_LIMITS.notes,
  comment: INPUT_LIMITS.reason,
};

export interface OverlongInput {
  path: string;
  limit: number;
  length: number;
}

/** The first string value over its cap, or null. `variables` as sent (they are coerced here). */
export function findOverlongInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): OverlongInput | null {
  let found: OverlongInput | null = null;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (found) return false;
        const arg = typeInfo.getArgument();
        if (!arg) return false;
        const value = valueFromAST(node.value, arg.type, variables ?? {});
        const inFilter = arg.name === "filter";
        found = walk(value, arg.type, arg.name, capFor(arg.name, inFilter), inFilter);
        return false;
      },
      // Variable definitions' defaults are applied by valueFromAST through the arguments.
      VariableDefinition: () => false,
    }),
  );
  return found;
}

function capFor(name: string, inFilter: boolean): number {
  return BY_NAME[name] ?? (inFilter ? INPUT_LIMITS.filterString : INPUT_LIMITS.any);
}

function walk(
  value: unknown,
  type: GraphQLInputType | null,
  path: string,
  cap: number,
  inFilter: boolean,
): OverlongInput | null {
  if (value == null) return null;
  if (typeof value === "string") return value.length > cap ? { path, limit: cap, length: value.length } : null;
  if (Array.isArray(value)) {
    const itemType = type && isNonNullType(type) ? type.ofType : type;
    const inner = itemType && isListType(itemType) ? (itemType.ofType as GraphQLInputType) : null;
    for (const [i, item] of value.entries()) {
      const hit = walk(item, inner, `${path}.${i}`, cap, inFilter);
      if (hit) return hit;
    }
    return null;
  }
  if (typeof value !== "object") return null;
  const named = type ? getNamedType(type) : null;
  const fields = named && isInputObjectType(named) ? named.getFields() : null;
  // A JSON scalar (form data): its keys are the client's, so only the general cap applies.
  const opaque = !fields || (named !== null && isScalarType(named));
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const fieldType = fields?.[key]?.type ?? null;
    const childCap = opaque ? Math.min(cap, INPUT_LIMITS.any) : capFor(key, inFilter);
    const hit = walk(item, fieldType, `${path}.${key}`, childCap, inFilter);
    if (hit) return hit;
  }
  return null;
}
