import { createHash } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import { v7 as uuidv7 } from "uuid";
import { principalKey, type Principal } from "../auth/principal.js";
import { DomainError } from "../errors/domain-error.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";

export function canonicalHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export interface IdempotentCall<R extends { id: string }> {
  em: EntityManager;
  principal: Principal;
  operation: string;
  key: string | null | undefined;
  /** The mutation input without the key itself. */
  input: unknown;
  /** Creates the result inside the transaction `em` (already a transactional fork). */
  create: (em: EntityManager) => Promise<R>;
  /** Loads the earlier result by id, for a retried call. */
  load: (em: EntityManager, id: string) => Promise<R | null>;
}

/**
 * Same key + same input returns the first result; same key + different input is a
 * userError. Concurrent duplicates serialise on the record's unique index: the insert of
 * the second waits for the first transaction, then sees its committed row.
 */
export async function idempotent<R extends { id: string }>(call: IdempotentCall<R>): Promise<R> {
  if (!call.key) return call.em.transactional((tem) => call.create(tem as EntityManager));
  if (call.key.length > 200)
    throw new DomainError(PlatformErrorCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey is at most 200 characters.", [
      "idempotencyKey",
    ]);
  const owner = principalKey(call.principal);
  const hash = canonicalHash({ operation: call.operation, input: call.input });
  const existing = await call.em.transactional(async (tem) => {
    const em = tem as EntityManager;
    const inserted = await em.execute<{ id: string }[]>(
      `insert into idempotency_record (id, principal_key, key, operation, request_hash, created_at, updated_at)
       values (?, ?, ?, ?, ?, now(), now()) on conflict (principal_key, key) do nothing returning id`,
      [uuidv7(), owner, call.key, call.operation, hash],
    );
    if (inserted.length === 0) return "existing" as const;
    const result = await call.create(em);
    await em.flush();
    await em.execute(`update idempotency_record set result_id = ? where id = ?`, [result.id, inserted[0]!.id]);
    return result;
  });
  if (existing !== "existing") return existing;
  const rows = await call.em.execute<{ request_hash: string; result_id: string | null; operation: string }[]>(
    `select request_hash, result_id, operation from idempotency_record where principal_key = ? and key = ?`,
    [owner, call.key],
  );
  const record = rows[0];
  if (!record || record.request_hash !== hash || !record.result_id) {
    throw new DomainError(
      PlatformErrorCode.IDEMPOTENCY_KEY_REUSED,
      "This idempotencyKey was already used for a different request.",
      ["idempotencyKey"],
    );
  }
  const result = await call.load(call.em, record.result_id);
  if (!result)
    throw new DomainError(PlatformErrorCode.NOT_FOUND, "The result of the earlier request is no longer visible.");
  return result;
}
