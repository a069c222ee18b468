import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../auth/principal.js";
import type { StatusChange } from "../audit/status-change.entity.js";
import { bothScopes, type ScopeRule } from "../scoping/scope.js";

import { ExtensionPoint } from "./extension-point.js";
import type { EntityType } from "../audit/entity-type.js";

export { ExtensionPoint };

/** What a status-change listener is told; `from` is null when the entity was just created. */
export interface StatusChangeNotice {
  entityType: EntityType;
  entityId: string;
  from: string | null;
  to: string;
  event: string;
  principal: Principal;
  change: StatusChange;
}

export type StatusChangeListener = (em: EntityManager, notice: StatusChangeNotice) => void;

/**
 * What the modules registered, built once per composition root (src/app.ts) by calling
 * every module's `register(hooks)`: row-scoping rules, status-change listeners and the
 * extension points. Nothing registers at import time; an ORM carries its root's hooks
 * (hooksOf), so whatever process opens an ORM through the root (the API, the workers,
 * a seed, a test) runs every hook.
 */
export class Hooks {
  private readonly scopeRules = new Map<string, ScopeRule>();
  private readonly refinements = new Map<string, ScopeRule[]>();
  private readonly listeners: StatusChangeListener[] = [];
  private readonly points = new Map<ExtensionPoint<unknown>, unknown[]>();

  /** The row-scoping rule of an entity class name (platform/scoping/scope.ts); one per entity. */
  defineScope(entityName: string, rule: ScopeRule): void {
    if (this.scopeRules.has(entityName)) throw new Error(`A scope rule for ${entityName} is already registered.`);
    this.scopeRules.set(entityName, rule);
  }

  /**
   * A further condition every row of the entity must also meet, whatever its own rule says
   * (the branch module confines branch staff this way, in one declaration for every entity).
   */
  refineScope(entityName: string, rule: ScopeRule): void {
    const list = this.refinements.get(entityName) ?? [];
    list.push(rule);
    this.refinements.set(entityName, list);
  }

  scopeRule(entityName: string): ScopeRule | undefined {
    const rule = this.scopeRules.get(entityName);
    const refinements = this.refinements.get(entityName);
    if (!rule || !refinements) return rule;
    return (p, mode) => refinements.reduce((cond, refine) => bothScopes(cond, refine(p, mode)), rule(p, mode));
  }

  /**
   * Runs synchronously for every recorded status change (creations and transitions). It
   * may only queue writes on `em` (em.persist), so what it writes commits, or rolls back,
   * with the change itself.
   */
  onStatusChange(listener: StatusChangeListener): void {
    this.listeners.push(listener);
  }

  get statusChangeListeners(): readonly StatusChangeListener[] {
    return this.listeners;
  }

  /** Adds to an extension point; returns a function that takes it out again (tests). */
  add<T>(point: ExtensionPoint<T>, item: T): () => void {
    const items = this.list(point) as T[];
    items.push(item);
    return () => {
      const at = items.indexOf(item);
      if (at >= 0) items.splice(at, 1);
    };
  }

  /** The live list of an extension point: rules that hold it see later additions too. */
  list<T>(point: ExtensionPoint<T>): readonly T[] {
    let items = this.points.get(point as ExtensionPoint<unknown>);
    if (!items) this.points.set(point as ExtensionPoint<unknown>, (items = []));
    return items as T[];
  }
}

// Keyed by the ORM's metadata storage, which every fork of that ORM shares.
const hooksByOrm = new WeakMap<object, Hooks>();

/** Called by initOrm: the ORM and each of its forks answer hooksOf with these hooks. */
export function attachHooks(metadata: object, hooks: Hooks): void {
  hooksByOrm.set(metadata, hooks);
}

/** The hooks of the root that opened this EntityManager's ORM. */
export function hooksOf(em: { getMetadata(): object }): Hooks {
  const hooks = hooksByOrm.get(em.getMetadata());
  if (!hooks) throw new Error("This ORM was not opened by the composition root (src/app.ts initOrm): no hooks.");
  return hooks;
}
