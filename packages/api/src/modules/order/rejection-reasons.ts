/**
 * The configured list of reasons an operator may give when rejecting a report.
 * Codes are stable (they travel in history and notifications); labels are per language.
 */
export const REJECTION_REASONS = {
  INCOMPLETE_REPORT: { es: "Informe incompleto", en: "Incomplete report" },
  WRONG_EXAM: { es: "Examen equivocado", en: "Wrong exam" },
  ILLEGIBLE_DOCUMENT: { es: "Documento ilegible", en: "Illegible document" },
  MISSING_SIGNATURE: { es: "Falta la firma", en: "Missing signature" },
  OTHER: { es: "Otro motivo", en: "Other" },
} as const satisfies Record<string, { es: string; en: string }>;

export type RejectionReasonCode = keyof typeof REJECTION_REASONS;

export function isRejectionReason(code: string | null | undefined): code is RejectionReasonCode {
  return !!code && Object.prototype.hasOwnProperty.call(REJECTION_REASONS, code);
}

export function rejectionLabel(code: string, language: string): string {
  if (!isRejectionReason(code)) return code;
  const labels = REJECTION_REASONS[code];
  return language === "en" ? labels.en : labels.es;
}
