import type { EntityClass } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Resource, ResourceType } from "@medplum/fhirtypes";
import type { Principal } from "../../platform/auth/principal.js";
import type { ReadAudit } from "../../platform/audit/read-audit.js";
import type { OperatorSystems } from "./fhir.codes.js";
import type { EntityType } from "../../platform/audit/entity-type.js";

/** What a mapping needs besides the row: the scoped EntityManager, the caller, the systems, the audit of sensitive reads. */
export interface FhirContext {
  em: EntityManager;
  principal: Principal;
  systems: OperatorSystems;
  readAudit: ReadAudit;
  /** scheme://host of this server, for links to the file download routes. */
  serverUrl: string;
}

export type Where = Record<string, unknown>;

/** The search parameter types we parse (FHIR search: token, reference, date, string). */
export type ParamType = "token" | "reference" | "date" | "string";

/** One value of a search parameter, parsed: token `system|code`, reference `Type/id`, date range, string. */
export type ParsedValue =
  | { type: "token"; system?: string; code: string }
  | { type: "reference"; resourceType?: string; id: string }
  | { type: "date"; prefix: DatePrefix; start: Date; end: Date }
  | { type: "string"; value: string };
export type DatePrefix = "eq" | "ne" | "lt" | "gt" | "le" | "ge";

export interface SearchParamDef {
  type: ParamType;
  description: string;
  /**
   * The condition for one value (several comma-separated values are OR-ed, repeated
   * parameters AND-ed). Null when the value cannot match any row of this source (a status
   * with no local equivalent): the source then contributes nothing.
   */
  where: (value: ParsedValue, ctx: FhirContext) => Where | null;
}

/** Sort keys by FHIR name (`date`, `_lastUpdated`, `_id`): the entity property they order by. */
export type SortKeys = Record<string, string>;

/**
 * One table that serves a resource type. Most types have one; Task has two (the order's
 * and the claim's workflow), whose ids are those of their rows (UUIDv7, unique across tables).
 */
export interface FhirSource<E extends object = object> {
  entity: EntityClass<E>;
  /** Rows of the table that are this resource (Encounter = field visits). */
  base?: Where;
  populate?: readonly string[];
  params: Record<string, SearchParamDef>;
  sort: SortKeys;
  /** The StatusChange entityType of the table (`_history`); none for rows without a status history. */
  historyOf?: EntityType;
  /** Loads what a page of rows needs beyond populate (claim lines, service code names), once per page. */
  prepare?: (rows: E[], ctx: FhirContext) => Promise<unknown>;
  toFhir: (row: E, ctx: FhirContext, prepared: unknown, status?: string) => Resource;
  /** `_include` targets: name → the referenced resource. */
  includes?: Record<string, (row: E) => { type: ResourceType; id: string } | null>;
}

export interface FhirResourceDef {
  type: ResourceType;
  /** Shown in the CapabilityStatement. */
  documentation: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sources: FhirSource<any>[];
}

/** A typed source (the array of a def holds them as FhirSource<any>). */
export const source = <E extends object>(s: FhirSource<E>): FhirSource<E> => s;

export const ref = (type: ResourceType, id: string | null | undefined): { reference: string } | undefined =>
  id ? { reference: `${type}/${id}` } : undefined;

export function meta(row: { updatedAt: Date }): { lastUpdated: string } {
  return { lastUpdated: row.updatedAt.toISOString() };
}

/** Drops undefined, null and empty arrays: FHIR JSON forbids null and empty arrays. */
export function compact<T extends object>(value: T): T {
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === "")
      delete (value as Record<string, unknown>)[k];
  }
  return value;
}
