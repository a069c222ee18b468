import type { FieldMeta, SchemaMeta } from "../resources/types";

type Labels = Record<string, string>;

/**
 * Every field source a generated screen can show for a resource: its fields (list
 * columns, show pages), its filters and its create/update inputs. Inputs of object
 * type are edited field by field under a dotted source (`lines.code`), as
 * views/renderInput.tsx renders them.
 */
export function fieldSources(meta: SchemaMeta): Map<string, Set<string>> {
  const sources = new Map<string, Set<string>>();
  const add = (resource: string, fields: FieldMeta[], prefix = "") => {
    const set = sources.get(resource) ?? new Set<string>();
    sources.set(resource, set);
    for (const field of fields) set.add(`${prefix}${field.name}`);
  };
  // value objects shown read-only (ObjectField) label their parts through clinigraph.fields
  const addInputs = (resource: string, fields: FieldMeta[], prefix = "") => {
    add(resource, fields, prefix);
    for (const field of fields) {
      if (field.kind === "object") addInputs(resource, field.fields ?? [], `${prefix}${field.name}.`);
    }
  };
  for (const resource of meta.resources) {
    add(resource.name, resource.fields);
    // `ids` loads references (getMany); no screen offers it as a filter
    addInputs(
      resource.name,
      resource.filters.filter((f) => f.name !== "ids"),
    );
    addInputs(resource.name, resource.create?.fields ?? []);
    addInputs(resource.name, resource.update?.fields ?? []);
  }
  return sources;
}

/**
 * resources.<name>.fields.<source> for every source of every resource, from the labels
 * by field name, so react-admin's default label lookup finds a column header in the
 * user's language. A dotted source takes the label of its last part; a source without
 * a label is left out (and the catalogue test names it).
 */
export function resourceFieldLabels(meta: SchemaMeta, labels: Labels): Record<string, { fields: Labels }> {
  const result: Record<string, { fields: Labels }> = {};
  for (const [resource, sources] of fieldSources(meta)) {
    const fields: Labels = {};
    for (const source of sources) {
      const label = labels[source.slice(source.lastIndexOf(".") + 1)];
      if (label !== undefined) fields[source] = label;
    }
    result[resource] = { fields };
  }
  return result;
}
