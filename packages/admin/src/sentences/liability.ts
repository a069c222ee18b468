import { formatMoney, intlLocale } from "../fields/format";
import type { Translate } from "./history";

export interface LiabilityTerms {
  name?: string | null;
  code?: string | null;
  coverageRate?: string | number | null;
  perClaimLimit?: string | null;
  annualLimit?: string | null;
}

/** "0.7000" → "70 %" in the reader's locale (Intl's own spacing and digits). */
export function formatRate(rate: string | number | null | undefined, locale: string): string {
  if (rate === null || rate === undefined || rate === "") return "";
  const value = Number(rate);
  if (Number.isNaN(value)) return String(rate);
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 2 }).format(value);
}

/**
 * A claim's liability as a sentence: "Dental — 70 % covered, limit CLP 800,000, CLP 2,000,000
 * a year", never "800000.00 · DENT · 0.7000". Limits are in the claim's currency.
 */
export function liabilitySentence(
  terms: LiabilityTerms,
  currency: string | null | undefined,
  translate: Translate,
  locale: string,
): string {
  const name = terms.name || terms.code || "";
  const rate = formatRate(terms.coverageRate, locale);
  const parts = [rate ? translate("clinigraph.liability.covered", { name, rate }) : name];
  if (terms.perClaimLimit)
    parts.push(translate("clinigraph.liability.limit", { amount: formatMoney(terms.perClaimLimit, currency, locale) }));
  if (terms.annualLimit)
    parts.push(
      translate("clinigraph.liability.annual_limit", { amount: formatMoney(terms.annualLimit, currency, locale) }),
    );
  return parts.filter(Boolean).join(", ");
}
