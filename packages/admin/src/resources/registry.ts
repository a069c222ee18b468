import { schemaMeta } from "../generated/resources";
import type { RaRecord } from "react-admin";
import type { ResourceMeta, SchemaMeta } from "./types";

export const RESOURCE_META: SchemaMeta = schemaMeta;

const byName = new Map(RESOURCE_META.resources.map((r) => [r.name, r]));

export function resourceMeta(name: string | undefined): ResourceMeta {
  const resource = name ? byName.get(name) : undefined;
  if (!resource) throw new Error(`No generated metadata for resource "${name}"`);
  return resource;
}

/**
 * How a reference to a record reads: the layout's name fields ("María González") with
 * its secondary field set apart ("María González · 12345678"), else the representation
 * field the generator picked.
 */
export function recordRepresentation(meta: ResourceMeta): string | ((record: RaRecord) => string) {
  const names = meta.representationFields;
  if (!names?.length) return meta.representation;
  const secondary = meta.secondaryField;
  return (record: RaRecord) => {
    const name = names
      .map((n) => record[n])
      .filter((v) => v !== null && v !== undefined && v !== "")
      .join(" ");
    const extra = secondary ? record[secondary] : null;
    if (!name) return String(extra ?? record[meta.representation] ?? "");
    return extra ? `${name} · ${extra}` : name;
  };
}
