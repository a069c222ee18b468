import type { FieldMeta, ResourceMeta } from "../resources/types";

/** GraphQL selection set for a record: references by id, value objects by their scalars. */
export function selectionOf(fields: FieldMeta[]): string {
  return fields
    .map((field) => {
      if (field.kind === "reference") return `${field.name} { id }`;
      if (field.kind === "object") return `${field.name} { ${selectionOf(field.fields ?? [])} }`;
      return field.name;
    })
    .join(" ");
}

export function recordSelection(resource: ResourceMeta): string {
  return selectionOf(resource.fields);
}

type Data = Record<string, unknown>;

/**
 * Adds `fooId` beside each referenced `foo { id }` so that ReferenceFields and
 * edit forms bound to `fooId` inputs find the value without knowing the nesting.
 */
export function normalizeRecord<T extends Data>(resource: ResourceMeta, record: T): T & { id: string } {
  const normalized: Data = { ...record };
  for (const field of resource.fields) {
    if (field.kind !== "reference") continue;
    const value = record[field.name] as { id?: string } | null | undefined;
    const key = `${field.name}Id`;
    if (!(key in normalized)) normalized[key] = value?.id ?? null;
  }
  return normalized as T & { id: string };
}
