import type { TranslateFunction } from "react-admin";

/**
 * A document type in the reader's language: the seeded types have words in every
 * language (clinigraph.document_types.<CODE>); a type an admin added later shows its name.
 */
export function documentTypeName(translate: TranslateFunction, type: { code: string; name: string }): string {
  return translate(`clinigraph.document_types.${type.code}`, { _: type.name });
}
