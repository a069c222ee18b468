import { CLAIM_RETURN_REASONS } from "../../../api/src/modules/claim/return-reasons";
import { REJECTION_REASONS } from "../../../api/src/modules/order/rejection-reasons";

type Language = keyof (typeof REJECTION_REASONS)[keyof typeof REJECTION_REASONS];

/** Codes a reviewer picks when returning a claim, then the shared "other". */
export const CLAIM_RETURN_CODES = [...Object.keys(CLAIM_RETURN_REASONS), "OTHER"];

/**
 * clinigraph.reasons.<CODE> in one language, from the API's own tables of reasons (a
 * report's rejection, a claim's return): one list of codes and labels for the console,
 * the API and the notices.
 */
export function reasonLabels(language: Language): Record<string, string> {
  return Object.fromEntries(
    [...Object.entries(REJECTION_REASONS), ...Object.entries(CLAIM_RETURN_REASONS)].map(([code, labels]) => [
      code,
      labels[language],
    ]),
  );
}
