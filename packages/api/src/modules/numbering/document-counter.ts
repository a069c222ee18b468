import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * Human numbers like CASE-2026-000123. A row per (prefix, year) incremented with
 * UPDATE … RETURNING inside the caller's transaction: concurrent inserts queue on the
 * row lock, a rolled-back insert rolls its number back too, so numbers never repeat
 * and never skip (a Postgres sequence would skip on rollback).
 */
export async function nextNumber(em: EntityManager, prefix: string, year: number): Promise<string> {
  const rows = await em.execute<{ value: number }[]>(
    `insert into document_counter (prefix, year, value) values (?, ?, 1)
     on conflict (prefix, year) do update set value = document_counter.value + 1
     returning value`,
    [prefix, year],
  );
  const value = rows[0]!.value;
  return `${prefix}-${year}-${String(value).padStart(6, "0")}`;
}
