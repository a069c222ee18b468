import type { IssueType } from "./fhir.outcome.js";
import type { DatePrefix, FhirResourceDef, ParsedValue, SearchParamDef } from "./fhir.resource.js";
import { dateParam } from "./fhir.params.js";

/** Parsing a search's query string into what the sources need; anything we do not serve is a 400. */

export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issue: IssueType,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_COUNT = 100;
export const DEFAULT_COUNT = 20;

/** Parameters every resource type takes besides its own (docs/fhir.md). */
export const COMMON_PARAMS: Record<string, SearchParamDef> = {
  _lastUpdated: dateParam("updatedAt", "When the resource last changed"),
};
export const CONTROL_PARAMS = ["_id", "_count", "_offset", "_sort", "_include", "_format"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isRowId = (id: string): boolean => UUID.test(id);

export interface ParsedSearch {
  /** Repeated parameters are AND-ed; the comma-separated values within one are OR-ed. */
  filters: { name: string; def: SearchParamDef; values: ParsedValue[] }[];
  ids?: string[];
  count: number;
  offset: number;
  sort: { key: string; desc: boolean }[];
  include: string[];
}

export type Query = Record<string, string | string[] | undefined>;

const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new FhirError(400, "invalid", `${name} must be an integer from ${min} to ${max}; got "${raw}".`);
  return Number(raw);
}

export function paramsOf(def: FhirResourceDef): Record<string, SearchParamDef> {
  return { ...COMMON_PARAMS, ...def.sources[0]!.params };
}

export function includesOf(def: FhirResourceDef): string[] {
  return [...new Set(def.sources.flatMap((s) => Object.keys(s.includes ?? {})))];
}

export function parseSearch(def: FhirResourceDef, query: Query): ParsedSearch {
  const params = paramsOf(def);
  const out: ParsedSearch = { filters: [], count: DEFAULT_COUNT, offset: 0, sort: [], include: [] };
  for (const [rawName, rawValue] of Object.entries(query)) {
    const values = all(rawValue);
    const [name, modifier] = rawName.split(":", 2) as [string, string | undefined];
    if (modifier !== undefined)
      throw new FhirError(400, "not-supported", `Search modifiers are not supported (${rawName}).`);
    switch (name) {
      case "_count":
        out.count = integer("_count", values.at(-1)!, 0, MAX_COUNT);
        continue;
      case "_offset":
        out.offset = integer("_offset", values.at(-1)!, 0, 1_000_000);
        continue;
      case "_format":
        for (const f of values) checkFormat(f);
        continue;
      case "_id":
        for (const v of values) {
          const ids = v.split(",");
          out.ids = out.ids ? out.ids.filter((id) => ids.includes(id)) : ids;
        }
        continue;
      case "_sort":
        out.sort = values.flatMap((v) => v.split(",")).map((s) => parseSort(def, s));
        continue;
      case "_include":
        for (const v of values) {
          if (!includesOf(def).includes(v))
            throw new FhirError(400, "not-supported", `_include=${v} is not supported on ${def.type}; see /metadata.`);
          out.include.push(v);
        }
        continue;
    }
    const p = params[name];
    if (!p)
      throw new FhirError(400, "not-supported", `Unknown search parameter "${name}" for ${def.type}; see /metadata.`);
    for (const v of values) out.filters.push({ name, def: p, values: v.split(",").map((x) => parseValue(name, p, x)) });
  }
  return out;
}

export function checkFormat(f: string): void {
  if (!["json", "application/json", "application/fhir+json"].includes(f))
    throw new FhirError(406, "not-supported", `Only JSON is served (_format=${f}).`);
}

function parseSort(def: FhirResourceDef, s: string): { key: string; desc: boolean } {
  const desc = s.startsWith("-");
  const key = desc ? s.slice(1) : s;
  if (!(key in def.sources[0]!.sort))
    throw new FhirError(
      400,
      "not-supported",
      `_sort=${key} is not supported on ${def.type}; use one of ${Object.keys(def.sources[0]!.sort).join(", ")}.`,
    );
  return { key, desc };
}

export function parseValue(name: string, p: SearchParamDef, raw: string): ParsedValue {
  const value = raw.trim();
  if (!value) throw new FhirError(400, "invalid", `Empty value for ${name}.`);
  switch (p.type) {
    case "token": {
      const bar = value.indexOf("|");
      if (bar < 0) return { type: "token", code: value };
      const system = value.slice(0, bar);
      return system ? { type: "token", system, code: value.slice(bar + 1) } : { type: "token", code: value.slice(1) };
    }
    case "reference": {
      const parts = value.split("/");
      if (parts.length === 1) return { type: "reference", id: parts[0]! };
      if (parts.length === 2) return { type: "reference", resourceType: parts[0], id: parts[1]! };
      throw new FhirError(400, "invalid", `${name} takes Type/id or id; got "${value}".`);
    }
    case "date":
      return parseDate(name, value);
    case "string":
      return { type: "string", value };
  }
}

const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A FHIR date search value: the instant range its precision covers, with its prefix (no prefix = eq). */
export function parseDate(name: string, raw: string): ParsedValue {
  const prefixed = /^(eq|ne|lt|gt|le|ge|sa|eb|ap)/.exec(raw);
  const prefix = (prefixed?.[1] ?? "eq") as DatePrefix | "sa" | "eb" | "ap";
  if (prefix === "sa" || prefix === "eb" || prefix === "ap")
    throw new FhirError(400, "not-supported", `The ${prefix} prefix is not supported (${name}).`);
  const m = DATE.exec(prefixed ? raw.slice(2) : raw);
  if (!m) throw new FhirError(400, "invalid", `${name}: "${raw}" is not a FHIR date or dateTime.`);
  const [, y, mo, d, h, mi, s, ms, tz] = m;
  if (h !== undefined && tz === undefined)
    throw new FhirError(400, "invalid", `${name}: a time needs a zone (Z or ±hh:mm); got "${raw}".`);
  const iso = `${y}-${mo ?? "01"}-${d ?? "01"}T${h ?? "00"}:${mi ?? "00"}:${s ?? "00"}.${(ms ?? "0").padEnd(3, "0")}${tz ?? "Z"}`;
  const start = new Date(iso);
  if (Number.isNaN(start.getTime())) throw new FhirError(400, "invalid", `${name}: "${raw}" is not a valid date.`);
  const end = new Date(start);
  if (ms !== undefined) end.setUTCMilliseconds(end.getUTCMilliseconds() + 1);
  else if (s !== undefined) end.setUTCSeconds(end.getUTCSeconds() + 1);
  else if (mi !== undefined) end.setUTCMinutes(end.getUTCMinutes() + 1);
  else if (d !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (mo !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return { type: "date", prefix, start, end };
}
