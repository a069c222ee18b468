import { request } from "./api";
import type { UserError } from "./graphqlClient";
import { userErrorsToHttpError } from "./userErrors";

/**
 * Runs a workflow mutation whose payload carries userErrors (SPEC §5) and returns the
 * payload; userErrors become one HttpError, so forms show them by field and
 * notifications by message, as for the generated mutations.
 */
export async function runMutation<T extends object>(
  query: string,
  field: string,
  input: Record<string, unknown>,
): Promise<T> {
  const data = await request<Record<string, T & { userErrors: UserError[] }>>(query, { input });
  const payload = data[field];
  if (payload.userErrors.length) throw userErrorsToHttpError(payload.userErrors);
  return payload;
}

/** A fresh idempotency key, so a retried submit never creates the record twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
