import type { SqlPart } from "../scoping/scope.js";

/**
 * Rendering a level's rows through MikroORM's query builder costs a query builder, the
 * scope rule's conditions and knex's compiler, per request, where only the values differ
 * from the last request of the same shape. A template keeps the rendered text of one shape
 * (the where-object with its values taken out, plus whatever else the caller keys it by)
 * and where each of its bindings comes from: a value of the where-object, or a constant of
 * the shape (the principal's ids in the scope rule, page sizes). The mapping is not guessed:
 * the first request of a shape renders it twice, with its own values and with stand-ins,
 * and the template is kept only when the two renders have the same text and every binding
 * is either exactly one of the values or equal in both renders. Anything the builder
 * transforms (a converted value, a raw() fragment, a value that is not a plain string,
 * number or Date) makes the shape "not templatable", and it is rendered per request as before.
 */
type Leaf = string | number | Date;
type Slot = { leaf: number } | { value: unknown };
type Template = { sql: string; slots: Slot[] } | "render";

const MAX_TEMPLATES = 2_000;
const templates = new WeakMap<object, Map<string, Template>>();

/** Walks a where-object: its shape (keys, lengths, kinds, booleans and nulls kept) and its leaves in order. */
function shapeOf(value: unknown, leaves: Leaf[]): unknown {
  if (value === null || value === undefined || typeof value === "boolean") return value ?? null;
  if (typeof value === "string" || typeof value === "number") {
    leaves.push(value);
    return typeof value === "string" ? "$s" : "$n";
  }
  if (value instanceof Date) {
    leaves.push(value);
    return "$d";
  }
  if (Array.isArray(value)) return value.map((v) => shapeOf(v, leaves));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      // A raw() fragment keys the object by a string unique to that fragment.
      if (key.startsWith("[raw]")) throw new NotTemplatable();
      out[key] = shapeOf((value as Record<string, unknown>)[key], leaves);
    }
    if (Object.getOwnPropertySymbols(value).length) throw new NotTemplatable();
    return out;
  }
  throw new NotTemplatable();
}

class NotTemplatable extends Error {}

/** A copy of the where-object, each leaf replaced by the next of `next`. */
function substitute(value: unknown, next: () => Leaf): unknown {
  if (value === null || value === undefined || typeof value === "boolean") return value;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return next();
  if (Array.isArray(value)) return value.map((v) => substitute(v, next));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) out[key] = substitute((value as Record<string, unknown>)[key], next);
  return out;
}

/** A stand-in no caller sends: of the leaf's own type, distinct per position. */
function standIn(leaf: Leaf, i: number): Leaf {
  if (typeof leaf === "string") return `\u0001rc${i}\u0001`;
  if (typeof leaf === "number") return 987_654_321.5 + i;
  return new Date(Date.UTC(1901, 0, 1, 0, 0, 0, 7) + i * 1000);
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : Object.is(a, b);

/**
 * A level's SQL rendered by `render`, from the shape's template when there is one. `scope`
 * and `key` name everything else the text depends on (the root's hooks; entity, columns,
 * aliases, scope mode, the principal, order, limits). `where` gives a fresh where-object per
 * call (one holding raw() fragments renders once); `render` may call what it is given as
 * often as it needs a where-object.
 */
export async function templated(
  scope: object,
  key: readonly unknown[],
  where: () => unknown,
  render: (where: () => unknown) => Promise<SqlPart>,
): Promise<SqlPart> {
  const first = where();
  let given = false;
  const own = () => (given ? where() : ((given = true), first));
  const leaves: Leaf[] = [];
  let cacheKey: string;
  try {
    cacheKey = JSON.stringify([...key, shapeOf(first, leaves)]);
  } catch (err) {
    if (err instanceof NotTemplatable) return render(own);
    throw err;
  }
  let cache = templates.get(scope);
  if (!cache) templates.set(scope, (cache = new Map()));
  const hit = cache.get(cacheKey);
  if (hit === "render") return render(own);
  if (hit) return { sql: hit.sql, params: hit.slots.map((s) => ("leaf" in s ? leaves[s.leaf] : s.value)) };
  // The stand-in copy is made before the builder has seen (and perhaps normalised) `first`.
  const stand = leaves.map(standIn);
  let n = 0;
  const model = substitute(first, () => stand[n++]!);
  const real = await render(own);
  const other = await render(() => structuredClone(model));
  const slots: Slot[] = [];
  let ok = other.sql === real.sql && other.params.length === real.params.length;
  for (let j = 0; ok && j < real.params.length; j++) {
    const i = stand.findIndex((s) => same(s, other.params[j]));
    if (i >= 0) {
      ok = same(real.params[j], leaves[i]);
      slots.push({ leaf: i });
    } else {
      ok = same(real.params[j], other.params[j]);
      slots.push({ value: real.params[j] });
    }
  }
  if (cache.size >= MAX_TEMPLATES) cache.clear();
  cache.set(cacheKey, ok ? { sql: real.sql, slots } : "render");
  return real;
}
