import { noticeLanguage, type Localized } from "../notification/notice-language.js";

/**
 * The configured list of reasons an operator may give when rejecting a report.
 * Codes are stable (they travel in history and notifications); labels are per language.
 */
export const REJECTION_REASONS = {
  INCOMPLETE_REPORT: {
    es: "Informe incompleto",
    en: "Incomplete report",
    zh: "报告不完整",
    fa: "گزارش ناقص",
    bg: "Непълен доклад",
  },
  WRONG_EXAM: {
    es: "Examen equivocado",
    en: "Wrong exam",
    zh: "检查项目有误",
    fa: "آزمایش اشتباه",
    bg: "Грешно изследване",
  },
  ILLEGIBLE_DOCUMENT: {
    es: "Documento ilegible",
    en: "Illegible document",
    zh: "文件无法辨认",
    fa: "سند ناخوانا",
    bg: "Нечетлив документ",
  },
  MISSING_SIGNATURE: {
    es: "Falta la firma",
    en: "Missing signature",
    zh: "缺少签名",
    fa: "فاقد امضا",
    bg: "Липсва подпис",
  },
  OTHER: { es: "Otro motivo", en: "Other", zh: "其他原因", fa: "سایر دلایل", bg: "Друга причина" },
} as const satisfies Record<string, Localized<string>>;

export type RejectionReasonCode = keyof typeof REJECTION_REASONS;

export function isRejectionReason(code: string | null | undefined): code is RejectionReasonCode {
  return !!code && Object.prototype.hasOwnProperty.call(REJECTION_REASONS, code);
}

/** The label in the provider's language (Spanish for a language we do not write). */
export function rejectionLabel(code: string, language: string): string {
  if (!isRejectionReason(code)) return code;
  return REJECTION_REASONS[code][noticeLanguage(language)];
}
