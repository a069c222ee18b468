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

/**
 * Fields a screen asks for itself, never the generic views: `readyTransitions` runs the
 * machine's database guards (a query per guarded event) and is not on the compiled read
 * path, so only the page that offers those events (the portal's order) selects it.
 */
export const SCREEN_ONLY = new Set(["readyTransitions"]);

export function recordSelection(resource: ResourceMeta): string {
  return selectionOf(resource.fields.filter((field) => !SCREEN_ONLY.has(field.name)));
}

/**
 * Fields the API computes per record (the events the reader may fire, the last status
 * change with its actor's name): only a record's own page uses them, and on a list page
 * they were about half of the server's time for 25 orders (docs/BENCHMARKS.md).
 */
export const RECORD_PAGE_ONLY = new Set(["availableTransitions", "lastStatusChange", "history"]);

/**
 * Fields whose every read the API audits (a patient's national id): a list row or a
 * reference never asks for them (a visit list read by billing would audit every account on
 * the page), or opening the audit log would itself fill it with
 * "national id read" rows for every patient named on the page. The record's page does.
 */
export const AUDITED_READS = new Set(["nationalId", "bankAccount"]);

/** The selection of list rows and references: the record without its page-only fields, unless a column shows one. */
export function rowSelection(resource: ResourceMeta): string {
  const shown = new Set(resource.listColumns.map((path) => path.split(".")[0]));
  return selectionOf(
    resource.fields.filter(
      (field) =>
        !SCREEN_ONLY.has(field.name) &&
        ((!RECORD_PAGE_ONLY.has(field.name) && !AUDITED_READS.has(field.name)) || shown.has(field.name)),
    ),
  );
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
