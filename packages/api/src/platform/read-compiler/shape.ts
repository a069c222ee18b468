import type { ReadContext } from "./definition.js";
import type { PlanObject, RelationPlan } from "./plan.js";
import { NotCompiled } from "./selection.js";

/**
 * The thin mapping after Postgres built the JSON: computed fields get their value from the
 * module's own functions (money, deadlines, state machine), and a null where the schema
 * promises a value sends the query to the ORM path, which reports it as GraphQL does.
 */
export function shapeObject(plan: PlanObject, obj: Record<string, unknown>, ctx: ReadContext): void {
  for (const f of plan.fields) {
    if (f.kind === "computed") {
      const input = (obj[f.key] ?? {}) as Record<string, unknown>;
      const row: Record<string, unknown> = {};
      for (const i of f.inputs) {
        const v = input[i.prop];
        row[i.prop] = i.conv === "date" && v != null ? new Date(v as string) : v;
      }
      for (const r of f.rows) {
        const v = input[r.key] as Record<string, unknown> | null;
        if (v)
          for (const c of r.child.fields)
            if (c.kind === "column" && c.conv === "date" && v[c.key] != null) v[c.key] = new Date(v[c.key] as string);
        row[r.key] = v ?? null;
      }
      const value = f.field.map(row, ctx) as Record<string, unknown> | null;
      const project = (v: Record<string, unknown>) =>
        Object.fromEntries(f.project!.map(([k, name]) => [k, name === "__typename" ? f.typeName : v[name]]));
      // An object-valued field is cut to its selection, item by item for a list of objects.
      obj[f.key] =
        f.project && value != null
          ? Array.isArray(value)
            ? (value as Record<string, unknown>[]).map(project)
            : project(value)
          : value;
    } else if (f.kind === "relation" && f.via) {
      // The items the links point at, in the links' order, those the reader does not see left out.
      const item = f.child.fields[0] as RelationPlan;
      const items = ((obj[f.key] ?? []) as { v: Record<string, unknown> | null }[])
        .map((l) => l.v)
        .filter((v): v is Record<string, unknown> => v != null);
      for (const v of items) shapeObject(item.child, v, ctx);
      obj[f.key] = items;
    } else if (f.kind === "relation") {
      const v = obj[f.key];
      if (v == null) {
        if (f.nonNull) throw new NotCompiled(`null in non-null ${plan.def.type}.${f.key}`);
        continue;
      }
      if (Array.isArray(v)) for (const item of v) shapeObject(f.child, item as Record<string, unknown>, ctx);
      else shapeObject(f.child, v as Record<string, unknown>, ctx);
    }
  }
}

/** Whether a plan has anything for shapeObject to do (most pages of plain columns do not). */
export function needsShaping(plan: PlanObject): boolean {
  return plan.fields.some(
    (f) => f.kind === "computed" || (f.kind === "relation" && (f.nonNull || f.via || needsShaping(f.child))),
  );
}
