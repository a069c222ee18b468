import type { Localized } from "../notification/notice-language.js";

/**
 * The reasons a reviewer picks when returning a claim (RETURN → returnReasons[].code),
 * with their words in every language the console and the notices speak. Codes are stable:
 * they travel in the claim's history and to the partner. The API still takes any code a
 * partner's own system sends; the console offers these (and OTHER, shared with the
 * rejection reasons) so that every return reads in the reader's language.
 */
export const CLAIM_RETURN_REASONS = {
  MISSING_INVOICE: {
    es: "Falta la factura",
    en: "Invoice missing",
    zh: "缺少发票",
    fa: "فاکتور پیوست نشده",
    bg: "Липсва фактура",
  },
  MISSING_DOCUMENT: {
    es: "Falta un documento requerido",
    en: "Required document missing",
    zh: "缺少必需材料",
    fa: "مدرک لازم پیوست نشده",
    bg: "Липсва задължителен документ",
  },
  MISSING_PRESCRIPTION: {
    es: "Falta la receta o la derivación",
    en: "Prescription or referral missing",
    zh: "缺少处方或转诊单",
    fa: "نسخه یا ارجاع پیوست نشده",
    bg: "Липсва рецепта или направление",
  },
  WRONG_AMOUNT: {
    es: "El monto no coincide con la factura",
    en: "Amount does not match the invoice",
    zh: "金额与发票不符",
    fa: "مبلغ با فاکتور نمی‌خواند",
    bg: "Сумата не съответства на фактурата",
  },
  WRONG_SERVICE_CODE: {
    es: "Código de prestación incorrecto",
    en: "Wrong service code",
    zh: "服务项目代码有误",
    fa: "کد خدمت نادرست است",
    bg: "Грешен код на услугата",
  },
  DUPLICATE_LINE: {
    es: "Prestación cobrada dos veces",
    en: "Service charged twice",
    zh: "项目重复收费",
    fa: "خدمت دو بار حساب شده",
    bg: "Услугата е таксувана два пъти",
  },
  NOT_COVERED: {
    es: "Prestación no cubierta por la póliza",
    en: "Service not covered by the policy",
    zh: "保单不承保该项目",
    fa: "خدمت زیر پوشش بیمه‌نامه نیست",
    bg: "Услугата не се покрива от полицата",
  },
  PATIENT_DATA_MISMATCH: {
    es: "Los datos del paciente no coinciden",
    en: "Patient details do not match",
    zh: "患者信息不一致",
    fa: "مشخصات بیمار مطابقت ندارد",
    bg: "Данните на пациента не съвпадат",
  },
} as const satisfies Record<string, Localized<string>>;

export type ClaimReturnReasonCode = keyof typeof CLAIM_RETURN_REASONS;

/**
 * A return's reasons as the agency reads them in a notice: each known code in the notice's
 * language, the reviewer's own note after it in brackets (their words, as written); an
 * unknown code a partner's system sent stays as it came.
 */
export function returnReasonsText(
  reasons: readonly { code: string; text?: string | null }[],
  language: keyof Localized<string>,
): string {
  return reasons
    .map(({ code, text }) => {
      const label = (CLAIM_RETURN_REASONS as Record<string, Localized<string> | undefined>)[code]?.[language];
      // the sentence around the list ends it; a note's own full stop would double it
      const note = text?.trim().replace(/[.。]+$/u, "");
      if (label) return note ? `${label} (${note})` : label;
      return note ? `${code}: ${note}` : code;
    })
    .join("; ");
}
