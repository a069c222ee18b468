import type { FieldMeta } from "../resources/types";

type Data = Record<string, unknown>;

const isEmpty = (value: unknown) => value === undefined || value === "" || value === null;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Value for one input field, reading `fooId` from a referenced `foo { id }` when needed. */
function valueFor(field: FieldMeta, data: Data): unknown {
  const value = data[field.name];
  if (value !== undefined) {
    if (field.kind === "object" && value && typeof value === "object" && !Array.isArray(value)) {
      const nested = pickInput(field.fields ?? [], value as Data);
      return Object.keys(nested).length ? nested : undefined;
    }
    return value;
  }
  const base = /^(.+)Id$/.exec(field.name)?.[1];
  const referenced = base ? (data[base] as { id?: unknown } | null | undefined) : undefined;
  return referenced?.id;
}

/** Only the fields the mutation's input declares, without empty values. */
export function pickInput(fields: FieldMeta[], data: Data): Data {
  const input: Data = {};
  for (const field of fields) {
    const value = valueFor(field, data);
    if (!isEmpty(value)) input[field.name] = value;
  }
  return input;
}

/** For updates: the declared fields whose value differs from the record as loaded. */
export function changedInput(fields: FieldMeta[], data: Data, previous: Data): Data {
  const input: Data = {};
  for (const field of fields) {
    const next = valueFor(field, data);
    if (next === undefined) continue;
    if (!sameValue(next, valueFor(field, previous))) input[field.name] = next === "" ? null : next;
  }
  return input;
}
