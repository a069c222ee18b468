import type { Hooks } from "../../platform/composition/hooks.js";
import { statusChangeRead } from "../../platform/audit/status-change.read.js";
import { READ_TYPES, type ComputedField } from "../../platform/read-compiler/definition.js";
import { actorNameSource } from "./status-change.fields.js";

type Named = { id: string; name: string } | null;

/**
 * `actorName` on the compiled read path: both candidate names are read without a scope (as
 * the resolver's name loaders read them: the row is reached only through a parent its
 * reader sees) and the resolvers' own rule, actorNameSource, says which one this reader is
 * told. Shared by StatusChange and VisitEntry.
 */
export const actorNameField: ComputedField = {
  needs: ["actorKind", "actorId", "actorOrganizationId"],
  rows: {
    user: {
      relation: { type: "User", parentKey: "actorId", childKey: "id", scoped: false },
      props: ["id", "name"],
    },
    organization: {
      relation: { type: "Organization", parentKey: "actorOrganizationId", childKey: "id", scoped: false },
      props: ["id", "name"],
    },
  },
  map: (row, ctx) => {
    const source = actorNameSource(
      row as { actorKind: string; actorId?: string | null; actorOrganizationId?: string | null },
      ctx.principal,
    );
    if (!source) return null;
    const named = row[source.kind] as Named;
    return named?.id === source.id ? named.name : null;
  },
};

/** StatusChange with actorName; replaces the platform's plain definition (a module's type is listed after it). */
export function registerStatusChangeReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, { ...statusChangeRead, computed: { ...statusChangeRead.computed, actorName: actorNameField } });
}
