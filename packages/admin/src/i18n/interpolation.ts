import { intlLocale } from "../fields/format";
import type { Direction } from "./locales";

/** First-strong isolate … pop directional isolate: the Unicode form of <bdi>. */
export const FSI = "\u2068";
export const PDI = "\u2069";

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u04FF\u3040-\u9FFF]/;

/**
 * Whether a value put into a sentence needs isolating from it: text of the other
 * direction (a Latin name in a Persian sentence, a Persian name in a Spanish one)
 * would otherwise take the sentence's commas and dates with it and reorder them.
 */
export function needsIsolation(value: string, direction: Direction): boolean {
  return direction === "rtl" ? LTR_LETTER.test(value) || /[0-9]/.test(value) : RTL_LETTER.test(value);
}

/**
 * Polyglot's `replace` option: how %{name} becomes its value. Numbers are written by
 * Intl in the reader's locale (Persian digits in fa: "۱-۲۵ از ۴۷", counts, plurals), and
 * text of the other direction is isolated (FSI…PDI), as Fluent does for its placeables.
 */
export function localeAwareReplace(current: () => { locale: string; direction: Direction }) {
  return function replace(
    this: string,
    pattern: RegExp,
    substitute: (expression: string, argument: string) => unknown,
  ): string {
    const { locale, direction } = current();
    return String.prototype.replace.call(this, pattern, (expression: string, argument: string) => {
      const value = substitute(expression, argument);
      if (typeof value === "number") return new Intl.NumberFormat(intlLocale(locale)).format(value);
      const text = String(value);
      return needsIsolation(text, direction) ? `${FSI}${text}${PDI}` : text;
    });
  };
}
