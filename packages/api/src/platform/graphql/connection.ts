import type { EntityManager } from "@mikro-orm/postgresql";
import type { EntityName, FilterQuery } from "@mikro-orm/core";
import { ArgsType, Field, Int, ObjectType, registerEnumType, InputType } from "type-graphql";
import type { ClassType } from "type-graphql";
import { DomainError } from "../errors/domain-error.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";

/** Relay connections (SPEC §4): one implementation for every list of the schema. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * totalCount is exact up to this many rows; above it, it is the planner's estimate (never
 * below EXACT_COUNT_LIMIT + 1). Counting a million matching rows costs a scan of a million
 * index entries per request, for a number the console only shows as "about N".
 */
export const EXACT_COUNT_LIMIT = 10_000;

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Ascending or descending.",
  valuesConfig: { ASC: { description: "Smallest first." }, DESC: { description: "Largest (newest) first." } },
});

@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field({ description: "True when there are rows after this page." })
  hasNextPage!: boolean;
  @Field({ description: "True when there are rows before this page." })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the first row of the page." })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "Cursor of the last row of the page." })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Rows after \`after\` (at most ${MAX_PAGE_SIZE}).` })
  first?: number | null;
  @Field(() => String, { nullable: true, description: "Cursor to start after." })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: `Rows before \`before\` (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;
  @Field(() => String, { nullable: true, description: "Cursor to end before." })
  before?: string | null;
  @Field(() => Int, { nullable: true, description: "Rows to skip (page-number navigation); ignored with cursors." })
  offset?: number | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Runs only when a client selects totalCount. */
  count: () => Promise<number>;
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} connection.` })
  class Edge {
    @Field({ description: "Opaque cursor for this row." })
    cursor!: string;
    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows.` })
  class ConnectionClass {
    @Field(() => [Edge], { description: "Rows with their cursors." })
    edges!: Edge[];
    @Field(() => [node], { description: "Rows without cursors." })
    nodes!: T[];
    @Field(() => PageInfo, { description: "Where this page sits." })
    pageInfo!: PageInfo;
    count!: () => Promise<number>;

    // A method field: type-graphql builds an instance from the plain result, so the
    // count query runs only when the client asks for totalCount.
    @Field(() => Int, { description: "Rows matching the filter, across all pages." })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionClass;
}

/** An `XOrder` input: `{ field, direction }` over the sortable fields of an entity. */
export function OrderByInput<E extends Record<string, string>>(name: string, fieldEnum: E, defaultField: E[keyof E]) {
  @InputType(name, { description: `Sorting of ${name.replace(/Order$/, "")} lists.` })
  class OrderBy {
    @Field(() => fieldEnum, { defaultValue: defaultField, description: "Field to sort by." })
    field!: E[keyof E];
    @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "Direction." })
    direction!: SortDirection;
  }
  return OrderBy;
}

type Cursor = [unknown, string];

export function encodeCursor(value: unknown, id: string): string {
  const v = value instanceof Date ? { d: value.toISOString() } : value;
  return Buffer.from(JSON.stringify([v, id])).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "string") throw new Error();
    const v = parsed[0] as unknown;
    const value = v && typeof v === "object" && "d" in v ? new Date(String((v as { d: string }).d)) : v;
    return [value, parsed[1]];
  } catch {
    throw new DomainError(PlatformErrorCode.INVALID_CURSOR, "The cursor is not one this API issued.", ["after"]);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A decoded cursor must hold what this list's cursors hold: a row id and a value of the
 * sort field's type. A hand-made one (`["x", "y"]`) otherwise reached Postgres as an
 * invalid uuid or timestamp and came back as a 500 logged at error.
 */
function assertCursorFits<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  sortField: string,
  value: unknown,
  id: string,
  arg: string,
): void {
  const prop = em.getMetadata().find(entity as never)?.properties[sortField as never] as
    { runtimeType?: string; nullable?: boolean } | undefined;
  const expected = sortField === "id" ? "uuid" : (prop?.runtimeType ?? "unknown");
  const fits =
    value === null
      ? !!prop?.nullable
      : expected === "uuid"
        ? typeof value === "string" && UUID.test(value)
        : expected === "Date"
          ? value instanceof Date && !Number.isNaN(value.getTime())
          : expected === "number"
            ? typeof value === "number" && Number.isFinite(value)
            : expected === "boolean"
              ? typeof value === "boolean"
              : typeof value === "string" || typeof value === "number";
  if (!UUID.test(id) || !fits)
    throw new DomainError(PlatformErrorCode.INVALID_CURSOR, "The cursor is not one this API issued for this list.", [
      arg,
    ]);
}

export interface PaginateOptions<T> {
  /**
   * Builds the filter; called once for the page and once for totalCount, because a
   * where-object holding raw() fragments can be rendered only once by MikroORM.
   */
  where: () => FilterQuery<T>;
  /** Entity property to sort by; `id` breaks ties so the order is total and cursors are stable. */
  sortField: string;
  direction: SortDirection;
  args: ConnectionArgs;
}

/** What one page reads: filter (with the cursor), sort, limit and offset, and how to turn the rows into a page. */
export interface PageWindow<T> {
  where: FilterQuery<T>;
  orderBy: Record<string, "ASC" | "DESC">;
  /** One more than the page size: the extra row says whether another page exists. */
  limit: number;
  offset: number | undefined;
  size: number;
  backwards: boolean;
}

/**
 * The page a connection's arguments ask for, checked (page size, offset, cursor) as the
 * API answers them. Shared by paginate() and the compiled read path (platform/read-compiler).
 */
export function pageWindow<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  opts: PaginateOptions<T>,
): PageWindow<T> {
  const { args, sortField } = opts;
  for (const [k, v] of [
    ["first", args.first],
    ["last", args.last],
  ] as const) {
    if (v != null && (v < 0 || v > MAX_PAGE_SIZE))
      throw new DomainError(PlatformErrorCode.PAGE_SIZE_OUT_OF_RANGE, `${k} must be between 0 and ${MAX_PAGE_SIZE}.`, [
        k,
      ]);
  }
  if (args.offset != null && args.offset < 0)
    throw new DomainError(PlatformErrorCode.INVALID_OFFSET, "offset must not be negative.", ["offset"]);
  const backwards = args.last != null || args.before != null;
  const size = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const asc = opts.direction === SortDirection.ASC;
  // Walking backwards reads the list in reverse and flips the page afterwards.
  const readAsc = backwards ? !asc : asc;
  const cursorArg = backwards ? args.before : args.after;
  const conditions: FilterQuery<T>[] = [opts.where()];
  if (cursorArg) {
    const [value, id] = decodeCursor(cursorArg);
    assertCursorFits(em, entity, sortField, value, id, backwards ? "before" : "after");
    const op = readAsc ? "$gt" : "$lt";
    conditions.push({
      $or: [{ [sortField]: { [op]: value } }, { [sortField]: value, id: { [op]: id } }],
    } as FilterQuery<T>);
  }
  const where = (conditions.length === 1 ? conditions[0] : { $and: conditions }) as FilterQuery<T>;
  const dir = readAsc ? "ASC" : "DESC";
  return {
    where,
    orderBy: sortField === "id" ? { id: dir } : { [sortField]: dir, id: dir },
    limit: size + 1,
    offset: !cursorArg && args.offset ? args.offset : undefined,
    size,
    backwards,
  };
}

/** The page of the rows a window read: edges with cursors, nodes and pageInfo. */
export function pageOf<T>(
  rows: readonly T[],
  window: PageWindow<unknown>,
  args: ConnectionArgs,
  cursorOf: (row: T) => string,
): Omit<Connection<T>, "count"> {
  const hasMore = rows.length > window.size;
  const page = hasMore ? rows.slice(0, window.size) : [...rows];
  if (window.backwards) page.reverse();
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: window.backwards ? !!args.before : hasMore,
      hasPreviousPage: window.backwards ? hasMore : !!args.after || !!args.offset,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Keyset pagination for cursors (no OFFSET scans deep into a large table), offset for
 * page-number navigation, one extra row fetched to know whether another page exists.
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  opts: PaginateOptions<T>,
): Promise<Connection<T>> {
  const window = pageWindow(em, entity, opts);
  const rows = await em.find(entity, window.where, {
    orderBy: window.orderBy as never,
    limit: window.limit,
    offset: window.offset,
  });
  return {
    ...pageOf(rows as T[], window, opts.args, (node) =>
      encodeCursor((node as Record<string, unknown>)[opts.sortField], node.id),
    ),
    count: () => boundedCount(em, entity, opts.where),
  };
}

/**
 * Counts at most EXACT_COUNT_LIMIT + 1 rows (the same filters, scope included, as the
 * page); past that, asks the planner instead of counting (docs/BENCHMARKS.md).
 */
export async function boundedCount<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: () => FilterQuery<T>,
): Promise<number> {
  const capped = await countQuery(em, entity, where, EXACT_COUNT_LIMIT + 1);
  const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from (${capped.sql}) t`, [
    ...capped.bindings,
  ]);
  const exact = row?.n ?? 0;
  if (exact <= EXACT_COUNT_LIMIT) return exact;
  return estimatedCount(em, entity, where);
}

async function countQuery<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: () => FilterQuery<T>,
  limit: number | null,
) {
  const qb = em
    .createQueryBuilder(entity, "e")
    .select("e.id" as never)
    .where(where());
  if (limit != null) qb.limit(limit);
  await qb.applyFilters();
  return qb.getKnexQuery().toSQL();
}

/**
 * The planner's row estimate is a function of the statement and the table's statistics,
 * which change when the table is analysed, not per request: the answer for one statement
 * and its values is kept ESTIMATE_TTL_MS, so a busy "about N" does not plan the same
 * statement on every request.
 */
const ESTIMATE_TTL_MS = 10_000;
const estimates = new Map<string, { n: number; until: number }>();

/** The planner's estimate of the rows matching `where` (scope included), never below EXACT_COUNT_LIMIT + 1. */
export async function estimatedCount<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: () => FilterQuery<T>,
): Promise<number> {
  const full = await countQuery(em, entity, where, null);
  const key = JSON.stringify([full.sql, full.bindings]);
  const kept = estimates.get(key);
  if (kept && kept.until > Date.now()) return kept.n;
  const [plan] = await em.execute<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[]>(
    `explain (format json) ${full.sql}`,
    [...full.bindings],
  );
  const estimate = Math.round(plan?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
  const n = Math.max(EXACT_COUNT_LIMIT + 1, estimate);
  if (estimates.size >= 1_000) estimates.clear();
  estimates.set(key, { n, until: Date.now() + ESTIMATE_TTL_MS });
  return n;
}
