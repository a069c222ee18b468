import type { Resource, ResourceType } from "@medplum/fhirtypes";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import { isRowId, type ParsedSearch } from "./fhir.query.js";
import type { FhirContext, FhirResourceDef, FhirSource, Where } from "./fhir.resource.js";

/**
 * Reads through the caller's scoped EntityManager: every row a source finds passed the
 * same scope rules as GraphQL, so a foreign row is a missing one here too.
 */

type Row = { id: string; updatedAt: Date } & Record<string, unknown>;

async function render(src: FhirSource, rows: Row[], ctx: FhirContext): Promise<Resource[]> {
  const prepared = src.prepare ? await src.prepare(rows, ctx) : undefined;
  return rows.map((r) => src.toFhir(r, ctx, prepared));
}

async function findOne(
  def: FhirResourceDef,
  id: string,
  ctx: FhirContext,
): Promise<{ src: FhirSource; row: Row } | null> {
  if (!isRowId(id)) return null;
  for (const src of def.sources) {
    const row = (await ctx.em.findOne(src.entity, { $and: [src.base ?? {}, { id }] } as never, {
      populate: (src.populate ?? []) as never,
      // Joined populates put the target's scope into the join, where a "sees none" rule
      // (id in ()) is not valid SQL; separate selects carry the scope as GraphQL's loaders do.
      strategy: "select-in",
    })) as Row | null;
    if (row) return { src, row };
  }
  return null;
}

export async function readResource(def: FhirResourceDef, id: string, ctx: FhirContext): Promise<Resource | null> {
  const found = await findOne(def, id, ctx);
  if (!found) return null;
  return (await render(found.src, [found.row], ctx))[0]!;
}

/**
 * The versions of a resource, newest first: one per status change (the resource as it is
 * now, with the status it took then), or the current resource alone when the row has no
 * status history. The changes are read once the row itself passed the scope.
 */
export async function historyOf(
  def: FhirResourceDef,
  id: string,
  ctx: FhirContext,
): Promise<{ resource: Resource; change: StatusChange | null }[] | null> {
  const found = await findOne(def, id, ctx);
  if (!found) return null;
  const { src, row } = found;
  const prepared = src.prepare ? await src.prepare([row], ctx) : undefined;
  const changes = src.historyOf
    ? await ctx.em.find(
        StatusChange,
        { entityType: src.historyOf, entityId: id },
        // Status history has no scope of its own: it is read through its visible parent.
        { filters: false, orderBy: { createdAt: "desc", id: "desc" } },
      )
    : [];
  if (changes.length === 0) return [{ resource: src.toFhir(row, ctx, prepared), change: null }];
  return changes.map((change) => {
    const resource = src.toFhir(row, ctx, prepared, change.toStatus);
    resource.meta = { versionId: change.id, lastUpdated: change.createdAt.toISOString() };
    return { resource, change };
  });
}

function whereOf(src: FhirSource, search: ParsedSearch, ctx: FhirContext): Where | null {
  const and: Where[] = [src.base ?? {}];
  if (search.ids) {
    const ids = search.ids.filter(isRowId);
    if (ids.length === 0) return null;
    and.push({ id: { $in: ids } });
  }
  for (const f of search.filters) {
    const def = f.name in src.params ? src.params[f.name]! : f.def;
    const any = f.values.map((v) => def.where(v, ctx)).filter((w): w is Where => w !== null);
    if (any.length === 0) return null;
    and.push(any.length === 1 ? any[0]! : { $or: any });
  }
  return { $and: and };
}

function orderOf(src: FhirSource, search: ParsedSearch): Record<string, "asc" | "desc">[] {
  const keys = search.sort.length ? search.sort : [{ key: "_lastUpdated", desc: true }];
  const order = keys.map((k) => ({ [src.sort[k.key]!]: k.desc ? "desc" : "asc" }) as Record<string, "asc" | "desc">);
  // A total order, so pages never repeat or skip a row.
  order.push({ id: keys.at(-1)!.desc ? "desc" : "asc" });
  return order;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return (x as number | string) < (y as number | string) ? -1 : 1;
}

export interface SearchPage {
  total: number;
  matches: Resource[];
  included: Resource[];
}

/**
 * One page of a search. A type served by several tables (Task) reads offset + count rows
 * of each in the same order and merges them; the total is the sum of the counts.
 */
export async function searchResources(
  def: FhirResourceDef,
  search: ParsedSearch,
  ctx: FhirContext,
  readInclude: (type: ResourceType, ids: string[]) => Promise<Resource[]>,
): Promise<SearchPage> {
  const many = def.sources.length > 1;
  let total = 0;
  const found: { src: FhirSource; row: Row }[] = [];
  for (const src of def.sources) {
    const where = whereOf(src, search, ctx);
    if (!where) continue;
    const orderBy = orderOf(src, search);
    const [rows, count] = await Promise.all([
      search.count === 0
        ? Promise.resolve([])
        : (ctx.em.find(src.entity, where as never, {
            orderBy: orderBy as never,
            limit: many ? search.offset + search.count : search.count,
            offset: many ? 0 : search.offset,
            populate: (src.populate ?? []) as never,
            // Joined populates put the target's scope into the join, where a "sees none" rule
            // (id in ()) is not valid SQL; separate selects carry the scope as GraphQL's loaders do.
            strategy: "select-in",
          }) as Promise<Row[]>),
      ctx.em.count(src.entity, where as never),
    ]);
    total += count;
    found.push(...rows.map((row) => ({ src, row })));
  }
  let page = found;
  if (many) {
    const keys = [...(search.sort.length ? search.sort : [{ key: "_lastUpdated", desc: true }])];
    keys.push({ key: "_id", desc: keys.at(-1)!.desc });
    page = found
      .sort((a, b) => {
        for (const k of keys) {
          const c = compare(a.row[a.src.sort[k.key]!], b.row[b.src.sort[k.key]!]);
          if (c !== 0) return k.desc ? -c : c;
        }
        return 0;
      })
      .slice(search.offset, search.offset + search.count);
  }
  const rendered = new Map<Row, Resource>();
  for (const src of def.sources) {
    const rows = page.filter((p) => p.src === src).map((p) => p.row);
    if (rows.length === 0) continue;
    const resources = await render(src, rows, ctx);
    rows.forEach((r, i) => rendered.set(r, resources[i]!));
  }
  const matches = page.map((p) => rendered.get(p.row)!);

  const wanted = new Map<ResourceType, Set<string>>();
  for (const { src, row } of page)
    for (const name of search.include) {
      const target = src.includes?.[name]?.(row);
      if (!target) continue;
      if (!wanted.has(target.type)) wanted.set(target.type, new Set());
      wanted.get(target.type)!.add(target.id);
    }
  const included: Resource[] = [];
  for (const [type, ids] of wanted) included.push(...(await readInclude(type, [...ids])));
  return { total, matches, included };
}

/** Resources of one type by id (the targets of `_include`), scoped like any read. */
export async function readMany(def: FhirResourceDef, ids: string[], ctx: FhirContext): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const src of def.sources) {
    const rows = (await ctx.em.find(
      src.entity,
      { $and: [src.base ?? {}, { id: { $in: ids.filter(isRowId) } }] } as never,
      {
        populate: (src.populate ?? []) as never,
        // Joined populates put the target's scope into the join, where a "sees none" rule
        // (id in ()) is not valid SQL; separate selects carry the scope as GraphQL's loaders do.
        strategy: "select-in",
      },
    )) as Row[];
    out.push(...(await render(src, rows, ctx)));
  }
  return out;
}
