import { HttpError } from "react-admin";
import type { UserError } from "./graphqlClient";

export const STALE_VERSION = "STALE_VERSION";
/** i18n key; its English text is "This record was changed by someone else — reload it". */
export const STALE_VERSION_MESSAGE = "clinigraph.errors.stale_version";

/** ["input", "amount", "currency"] → "amount.currency", the form's source path. */
function fieldPath(field: string[] | null | undefined): string | null {
  const path = (field ?? []).filter((part) => part !== "input");
  return path.length ? path.join(".") : null;
}

/**
 * A payload's userErrors as the error react-admin forms understand:
 * `body.errors` maps each source to its message so the inputs show them,
 * and messages without a field go to `root.serverError`.
 */
export function userErrorsToHttpError(userErrors: UserError[]): HttpError {
  if (userErrors.some((e) => e.code === STALE_VERSION)) {
    return new HttpError(STALE_VERSION_MESSAGE, 409, { code: STALE_VERSION, userErrors });
  }
  const errors: Record<string, unknown> = {};
  const general: string[] = [];
  for (const error of userErrors) {
    const path = fieldPath(error.field);
    if (path) errors[path] = error.message;
    else general.push(error.message);
  }
  if (general.length) errors.root = { serverError: general.join(" ") };
  const message = general[0] ?? userErrors[0]?.message ?? "ra.notification.http_error";
  return new HttpError(message, 400, { code: userErrors[0]?.code, errors, userErrors });
}
