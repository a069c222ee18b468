import { describe, expect, it } from "vitest";
import { schemaMeta } from "../src/generated/resources";
import type { FieldMeta } from "../src/resources/types";

/** Every resource a field points at, in records, nested objects, inputs and filters. */
function referencedResources(): Set<string> {
  const names = new Set<string>();
  const walk = (fields: FieldMeta[]) => {
    for (const field of fields) {
      if (field.reference) names.add(field.reference);
      if (field.fields) walk(field.fields);
    }
  };
  for (const resource of schemaMeta.resources) {
    walk(resource.fields);
    walk(resource.filters);
    walk(resource.create?.fields ?? []);
    walk(resource.update?.fields ?? []);
  }
  // hand-written screens reference these too (visit assignment, collections, API keys)
  for (const name of ["patients", "cases", "organizations"]) names.add(name);
  return names;
}

describe("references of the real schema", () => {
  it("can all be loaded in one batched query: each referenced resource with single reads has an ids filter", () => {
    const byName = new Map(schemaMeta.resources.map((r) => [r.name, r]));
    const missing = [...referencedResources()]
      .map((name) => byName.get(name))
      .filter((r) => r && r.oneQuery && !r.filters.some((f) => f.name === "ids" && f.list))
      .map((r) => r?.filterType ?? r?.name);
    expect(missing).toEqual([]);
  });
});
