import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type Cell = string | number | boolean | null | undefined | Date | object;

/** COPY text format: backslash escapes, \N for null, JSON for objects and arrays. */
function encode(v: Cell): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "string")
    return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  return encode(JSON.stringify(v));
}

/** Postgres array literal for a text[] column. */
export function pgTextArray(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/**
 * Streams rows into a table with COPY FROM STDIN, batching ~256 KB per chunk so the
 * generator, not the socket, sets the pace. Returns the row count.
 */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<Cell[]>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let buf = "";
    for (const row of rows) {
      buf += row.map(encode).join("\t") + "\n";
      count++;
      if (buf.length > 256 * 1024) {
        yield buf;
        buf = "";
      }
    }
    if (buf) yield buf;
  }
  const sql = `copy "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) from stdin`;
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
  return count;
}
