import type { EntityManager } from "@mikro-orm/postgresql";
import type { FilterQuery } from "@mikro-orm/core";
import type { Principal } from "../auth/principal.js";
import type { ReadAudit } from "../audit/read-audit.js";
import type { SqlPart } from "../scoping/scope.js";
import { ExtensionPoint } from "../composition/extension-point.js";
import type { SortDirection } from "../graphql/connection.js";

/**
 * What a module tells the read compiler about one of its GraphQL object types, next to the
 * module (`<x>.read.ts`). Names are the entity's property names: the compiler takes columns
 * and types from the ORM metadata, and the row scope from the entity's own scope rule
 * (hooks.defineScope), so nothing here repeats a rule.
 */
export interface ReadType {
  /** The GraphQL object type. */
  type: string;
  /** The MikroORM entity behind it (its table, columns and scope rule). */
  entity: string;
  /** Fields served as the property's column, unchanged (dates formatted as the scalar does). */
  columns: readonly string[];
  /** Fields computed from the plain row in a thin mapping, with the resolvers' own functions. */
  computed?: Readonly<Record<string, ComputedField>>;
  /** Nested objects and lists. */
  relations?: Readonly<Record<string, RelationField>>;
}

/** The row a computed field sees: the properties it needs, typed as the ORM hydrates them. */
export type PlainRow = Record<string, unknown>;

export interface ReadContext {
  principal: Principal;
  now: Date;
  /**
   * The request's read audit: a computed field that reads a sensitive value in clear records
   * it here exactly as its resolver does (same action, entity, id), written with the
   * request's other audit rows before the response leaves.
   */
  readAudit: ReadAudit;
}

export interface ComputedField {
  /** Entity properties (a ManyToOne gives the referenced id). */
  needs: readonly string[];
  /**
   * Related rows it reads too, by name: the relation (scoped as any relation) and the
   * properties wanted of it; the row arrives as an object (null when there is none).
   */
  rows?: Readonly<Record<string, { relation: RelationField; props: readonly string[] }>>;
  map: (row: PlainRow, ctx: ReadContext) => unknown;
}

/**
 * Child rows whose `childKey` property equals the parent's `parentKey` property (both
 * columns), optionally narrowed by `where`, in `orderBy` order. Each child table gets its
 * own scope rule in probe mode, as the DataLoaders read it, unless `scoped` is false (rows
 * visible exactly when their parent is, like a status history).
 */
export interface RelationField {
  type: string;
  parentKey: string;
  childKey: string;
  list?: boolean;
  where?: Record<string, unknown>;
  orderBy?: readonly (readonly [string, "asc" | "desc"])[];
  /** Only the first row in `orderBy` order (a to-one read from a list, e.g. the latest change). */
  first?: boolean;
  scoped?: boolean;
  /**
   * More rows of the same type listed after these, in the same `orderBy` order: those whose
   * `childKey` equals the parent's `parentKey`, narrowed by `where`, scoped alike (a claim's
   * documents: its case's own, then the claim's).
   */
  then?: { parentKey: string; childKey: string; where?: Record<string, unknown> };
  /**
   * A list reached through link rows: `type` is then the link's type (its rows read as
   * above), and each item is the `via.type` row the link's `via.key` points at, read through
   * that type's own scope; a link whose row the reader does not see is left out, as a
   * loadMany filtered of its nulls (a patient's policies through its memberships).
   */
  via?: { key: string; type: string };
  /**
   * A list through a link table (a user's branches, a hospital's visitors): the child rows
   * whose id a visible link row names, `from` being the link's property naming the parent
   * and `to` the one naming the child. Both tables get their scope rule in probe mode, as the
   * children loader reads the links and the byId loader their targets; without `orderBy`, in
   * the links' creation order (the children loader's default).
   */
  through?: { entity: string; from: string; to: string };
  /** At most this many rows, in order: a nested list bounded like a page (Policy.members' default `first`). */
  limit?: number;
  /** Only for parents whose property equals this value (e.g. visitors of a HOSPITAL); none otherwise. */
  parentIs?: { prop: string; value: string };
}

/** A root `x(id)` field: one row by id through the scope rule in probe mode (as the byId loader). */
export interface ByIdRoot {
  field: string;
  kind: "byId";
  type: string;
  arg: string;
}

/** A root connection field: the same filter, sorting and cursors as the resolver's paginate(). */
export interface ConnectionRoot {
  field: string;
  kind: "connection";
  type: string;
  /** The resolver's own where-builder (called twice: page and count, as paginate does). */
  where: (em: EntityManager, args: Record<string, unknown>) => Promise<() => FilterQuery<object>>;
  sort: (args: Record<string, unknown>) => { field: string; direction: SortDirection };
}

/**
 * A root list of a table's rows (`branches`, `documentTypes(all)`), as the resolver's
 * `em.find` reads it: the scope rule in list mode, the resolver's own where and order.
 */
export interface ListRoot {
  field: string;
  kind: "list";
  type: string;
  where: (args: Record<string, unknown>) => FilterQuery<object>;
  /** The resolver's own `orderBy` (properties in order of precedence). */
  orderBy: Readonly<Record<string, "ASC" | "DESC">>;
}

/**
 * A root field whose object its module computes in SQL from its own rules (tray counts, the
 * report inbox's badge): one column of the statement, a json object of the selected fields.
 */
export interface SqlRoot {
  field: string;
  kind: "sql";
  /** The GraphQL object type it returns (scalar fields only). */
  type: string;
  /**
   * Each selected field of the type as a SQL expression giving its JSON value (a scalar
   * subquery, a DateTime already as its ISO text), built from the module's own where-builders
   * and scope rules; a field it does not return is not compiled.
   */
  compile: (
    q: { em: EntityManager; args: Record<string, unknown>; alias: (prefix: string) => string },
    fields: readonly string[],
  ) => Promise<Readonly<Record<string, SqlPart>>>;
}

export type ReadRoot = ByIdRoot | ConnectionRoot | ListRoot | SqlRoot;

/** Modules add their types and root fields here in register(hooks). */
export const READ_TYPES = new ExtensionPoint<ReadType>("compiled read types");
export const READ_ROOTS = new ExtensionPoint<ReadRoot>("compiled read root fields");
