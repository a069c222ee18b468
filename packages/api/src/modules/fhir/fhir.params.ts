import type { IdentifierName, OperatorSystems, LocalCodeSystem } from "./fhir.codes.js";
import { localStatuses } from "./fhir.codes.js";
import type { FhirContext, ParsedValue, SearchParamDef, Where } from "./fhir.resource.js";

/** Builders of the search parameters the resource mappings share. */

/** A date parameter over one timestamp (or calendar-day) property, with FHIR's prefixes. */
export function dateParam(prop: string, description: string, calendarDay = false): SearchParamDef {
  return {
    type: "date",
    description,
    where: (v) => {
      if (v.type !== "date") return null;
      const fmt = (d: Date) => (calendarDay ? d.toISOString().slice(0, 10) : d);
      const { start, end } = v;
      switch (v.prefix) {
        case "eq":
          return { [prop]: { $gte: fmt(start), $lt: fmt(end) } };
        case "ne":
          return { $or: [{ [prop]: { $lt: fmt(start) } }, { [prop]: { $gte: fmt(end) } }] };
        case "lt":
          return { [prop]: { $lt: fmt(start) } };
        case "le":
          return { [prop]: { $lt: fmt(end) } };
        case "gt":
          return { [prop]: { $gte: fmt(end) } };
        case "ge":
          return { [prop]: { $gte: fmt(start) } };
      }
    },
  };
}

/** `identifier=[system|]value`: each identifier system the resource carries, and the condition it means. */
export function identifierParam(
  systems: (ctx: FhirContext) => OperatorSystems,
  byName: Partial<Record<IdentifierName, (value: string) => Where>>,
): SearchParamDef {
  return {
    type: "token",
    description: `Business identifier: ${Object.keys(byName).join(", ")} (system|value, or value alone)`,
    where: (v, ctx) => {
      if (v.type !== "token") return null;
      const sys = systems(ctx);
      const matching = Object.entries(byName).filter(
        ([name]) => !v.system || sys.sid(name as IdentifierName) === v.system,
      );
      if (matching.length === 0) return null;
      return { $or: matching.map(([, w]) => w!(v.code)) };
    },
  };
}

/**
 * `status=<fhir code>` matches every local status mapped to it; `status=<local system>|<code>`
 * matches the local status itself (docs/fhir.md).
 */
export function statusParam<L extends string>(
  table: Record<L, string>,
  localSystem: LocalCodeSystem,
  prop: string | ((cond: unknown) => Where),
): SearchParamDef {
  const on = typeof prop === "string" ? (cond: unknown) => ({ [prop]: cond }) : prop;
  return {
    type: "token",
    description: `FHIR status, or the local status as ${localSystem}|CODE`,
    where: (v, ctx) => {
      if (v.type !== "token") return null;
      if (v.system && v.system === ctx.systems.codeSystem(localSystem)) return v.code in table ? on(v.code) : null;
      if (v.system) return null;
      const locals = localStatuses(table, [v.code]);
      return locals.length ? on({ $in: locals }) : null;
    },
  };
}

/** A reference parameter (`patient=Patient/<id>` or `patient=<id>`) to one resource type. */
export function referenceParam(type: string, description: string, where: (id: string) => Where): SearchParamDef {
  return {
    type: "reference",
    description,
    where: (v: ParsedValue) => {
      if (v.type !== "reference") return null;
      if (v.resourceType && v.resourceType !== type) return null;
      return where(v.id);
    },
  };
}

/** A case-insensitive "starts with" string parameter over one or more text properties. */
export function stringParam(props: readonly string[], description: string): SearchParamDef {
  return {
    type: "string",
    description,
    where: (v) => {
      if (v.type !== "string") return null;
      const pattern = `${v.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return { $or: props.map((p) => ({ [p]: { $ilike: pattern } })) };
    },
  };
}

export const systemsOf = (ctx: FhirContext): OperatorSystems => ctx.systems;
