import DataLoader from "dataloader";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { EntityClass } from "@mikro-orm/core";
import { SCOPE_FILTER, type ScopeParams } from "../scoping/scope.js";

/**
 * Per-request DataLoaders, created on demand: one by-id loader per entity and one
 * children loader per (entity, foreign key). Every nested field of the schema resolves
 * through these, so a page of 50 orders costs one query per relation, not 50. They read
 * through the request's scoped EntityManager, so loaders obey row scoping too.
 */
export class Loaders {
  private readonly byIdLoaders = new Map<unknown, DataLoader<string, unknown>>();
  private readonly childLoaders = new Map<string, DataLoader<string, unknown[]>>();

  constructor(private readonly em: EntityManager) {}

  /**
   * The scope in "probe" mode: a batch names its rows by id, so each row's visibility is a
   * few index probes instead of the partner's whole visible set (docs/BENCHMARKS.md). Without
   * scope parameters the filter still throws, as for any unscoped read.
   */
  private probeOptions(): { filters?: Record<string, ScopeParams> } {
    const params = this.em.getFilterParams<ScopeParams>(SCOPE_FILTER);
    return params ? { filters: { [SCOPE_FILTER]: { ...params, mode: "probe" } } } : {};
  }

  byId<T extends { id: string }>(entity: EntityClass<T>): DataLoader<string, T | null> {
    let loader = this.byIdLoaders.get(entity);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (ids) => {
        const rows = await this.em.find(entity, { id: { $in: [...ids] } } as never, this.probeOptions());
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      });
      this.byIdLoaders.set(entity, loader);
    }
    return loader as DataLoader<string, T | null>;
  }

  /**
   * Rows of `entity` whose `foreignKey` points at each given id, in `orderBy` order; by
   * default in creation order, rows created in the same instant by id (a deterministic
   * order, which the compiled read path reproduces).
   */
  children<T extends object>(
    entity: EntityClass<T>,
    foreignKey: string,
    orderBy: Record<string, "ASC" | "DESC"> = { createdAt: "ASC", id: "ASC" },
    extraWhere: Record<string, unknown> = {},
  ): DataLoader<string, T[]> {
    const key = `${entity.name}:${foreignKey}:${JSON.stringify(orderBy)}:${JSON.stringify(extraWhere)}`;
    let loader = this.childLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>(async (ids) => {
        const rows = await this.em.find(entity, { [foreignKey]: { $in: [...ids] }, ...extraWhere } as never, {
          orderBy: orderBy as never,
          ...this.probeOptions(),
        });
        const groups = new Map<string, T[]>();
        for (const row of rows) {
          const ref = (row as Record<string, unknown>)[foreignKey];
          const fk = typeof ref === "string" ? ref : (ref as { id: string }).id;
          const list = groups.get(fk) ?? [];
          list.push(row);
          groups.set(fk, list);
        }
        return ids.map((id) => groups.get(id) ?? []);
      });
      this.childLoaders.set(key, loader);
    }
    return loader as DataLoader<string, T[]>;
  }
}

/** The id of a ManyToOne reference without loading it. */
export function refId(ref: { id: string } | string | null | undefined): string | null {
  if (ref == null) return null;
  return typeof ref === "string" ? ref : ref.id;
}
