import type { ReadType, RelationField } from "../read-compiler/definition.js";

/**
 * StatusChange for the compiled read path (platform/read-compiler); the audit module adds
 * actorName (its rule lives there, modules/audit/status-change.read.ts).
 */
export const statusChangeRead: ReadType = {
  type: "StatusChange",
  entity: "StatusChange",
  columns: [
    "id",
    "entityType",
    "entityId",
    "fromStatus",
    "toStatus",
    "event",
    "reason",
    "reasonCode",
    "reference",
    "actorKind",
    "actorId",
    "actorOrganizationId",
    "createdAt",
    "updatedAt",
  ],
};

/**
 * An entity's history and its latest change, read as historyLoader reads them: without a
 * scope of their own (a history is visible exactly when its parent is), oldest first.
 */
export function historyRelations(entityType: string): Record<"history" | "lastStatusChange", RelationField> {
  const base = {
    type: "StatusChange",
    parentKey: "id",
    childKey: "entityId",
    where: { entityType },
    scoped: false,
  } as const;
  return {
    history: {
      ...base,
      list: true,
      orderBy: [
        ["createdAt", "asc"],
        ["id", "asc"],
      ],
    },
    lastStatusChange: {
      ...base,
      first: true,
      orderBy: [
        ["createdAt", "desc"],
        ["id", "desc"],
      ],
    },
  };
}
