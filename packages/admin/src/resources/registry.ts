import { schemaMeta } from "../generated/resources";
import type { ResourceMeta, SchemaMeta } from "./types";

export const RESOURCE_META: SchemaMeta = schemaMeta;

const byName = new Map(RESOURCE_META.resources.map((r) => [r.name, r]));

export function resourceMeta(name: string | undefined): ResourceMeta {
  const resource = name ? byName.get(name) : undefined;
  if (!resource) throw new Error(`No generated metadata for resource "${name}"`);
  return resource;
}
