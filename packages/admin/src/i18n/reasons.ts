import { REJECTION_REASONS } from "../../../api/src/modules/order/rejection-reasons";

type Language = keyof (typeof REJECTION_REASONS)[keyof typeof REJECTION_REASONS];

/**
 * clinigraph.reasons.<CODE> in one language, from the API's own table of rejection
 * reasons: one list of codes and labels for the console, the API and the notices.
 */
export function reasonLabels(language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(REJECTION_REASONS).map(([code, labels]) => [code, labels[language]]));
}
