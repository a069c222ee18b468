import DataLoader from "dataloader";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Loaders } from "../graphql/loaders.js";
import { StatusChange } from "./status-change.entity.js";
import type { EntityType } from "./entity-type.js";

const perRequest = new WeakMap<Loaders, Map<string, DataLoader<string, StatusChange[]>>>();

/**
 * The history of entities of one type, batched per request. StatusChange rows have no
 * scope rule of their own (they are staff-only by default), so this reads them without
 * the scope filter: it is only ever called with the id of a parent that was itself read
 * through the scoped EntityManager, and a history is visible exactly when its parent is.
 */
export function historyLoader(
  loaders: Loaders,
  em: EntityManager,
  entityType: EntityType,
): DataLoader<string, StatusChange[]> {
  let byType = perRequest.get(loaders);
  if (!byType) {
    byType = new Map();
    perRequest.set(loaders, byType);
  }
  let loader = byType.get(entityType);
  if (!loader) {
    loader = new DataLoader<string, StatusChange[]>(async (ids) => {
      const rows = await em.find(
        StatusChange,
        { entityType, entityId: { $in: [...ids] } },
        { filters: false, orderBy: { createdAt: "ASC", id: "ASC" } },
      );
      const groups = new Map<string, StatusChange[]>();
      for (const row of rows) groups.set(row.entityId, [...(groups.get(row.entityId) ?? []), row]);
      return ids.map((id) => groups.get(id) ?? []);
    });
    byType.set(entityType, loader);
  }
  return loader;
}
