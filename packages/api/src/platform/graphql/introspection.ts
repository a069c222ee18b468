import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

const INTROSPECTION_FIELDS = new Set(["__schema", "__type"]);

/** True when the operation selects `__schema` or `__type` anywhere, fragments included. */
export function selectsIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((sel) => {
      if (sel.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(sel.name.value)) return true;
        return sel.selectionSet ? walk(sel.selectionSet) : false;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) return walk(sel.selectionSet);
      if (seen.has(sel.name.value)) return false;
      seen.add(sel.name.value);
      const frag = fragments.get(sel.name.value);
      return frag ? walk(frag.selectionSet) : false;
    });
  return walk(operation.selectionSet);
}
