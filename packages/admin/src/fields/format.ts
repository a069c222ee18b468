/** Intl formatting in the console's locale; Persian gets Persian digits, Chinese its date order. */
const INTL_LOCALE: Record<string, string> = { en: "en-GB", es: "es-ES", zh: "zh-CN", fa: "fa-IR", bg: "bg-BG" };

export function intlLocale(locale: string): string {
  return INTL_LOCALE[locale] ?? locale;
}

/**
 * Money arrives as a decimal string; Intl formats the string itself (no float
 * round trip) and the currency's own number of decimals.
 */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined, locale: string) {
  if (amount === null || amount === undefined || amount === "") return "";
  if (!currency) return amount;
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency }).format(
      amount as unknown as number,
    );
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatDate(value: string | null | undefined, locale: string, withTime: boolean): string {
  if (!value) return "";
  // LocalDate values ("2026-03-01") are calendar days: format them without a time-zone shift.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  }).format(date);
}

/** START_EVALUATION or functionalLoss → "Start evaluation" / "Functional loss", when there is no translation. */
export function humanize(value: string): string {
  const text = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function enumKey(enumType: string | undefined, value: string): string {
  return enumType ? `clinigraph.enums.${enumType}.${value}` : `clinigraph.enums.${value}`;
}

/** A count or figure in the reader's digits and grouping (Persian digits in fa). */
export function formatNumber(value: number | null | undefined, locale: string, options?: Intl.NumberFormatOptions) {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/**
 * A statistics month ("2026-10" or "2026-10-01") as the reader names it: "Oct 2026", and in
 * Persian the Solar Hijri month holding the month's middle ("مهر ۱۴۰۵"), since fa-IR's
 * calendar is the Persian one.
 */
export function formatMonth(value: string, locale: string, month: "short" | "long" = "short"): string {
  const match = /^(\d{4})-(\d{2})/.exec(value);
  if (!match) return value;
  const middle = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15, 12));
  return new Intl.DateTimeFormat(intlLocale(locale), { month, year: "numeric", timeZone: "UTC" }).format(middle);
}
