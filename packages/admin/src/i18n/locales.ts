export type Direction = "ltr" | "rtl";

export interface LocaleInfo {
  locale: string;
  /** the language's own name, as the switcher shows it */
  name: string;
  direction: Direction;
}

export const LOCALES: LocaleInfo[] = [
  { locale: "en", name: "English", direction: "ltr" },
  { locale: "es", name: "Español", direction: "ltr" },
  { locale: "zh", name: "中文", direction: "ltr" },
  { locale: "fa", name: "فارسی", direction: "rtl" },
  { locale: "bg", name: "Български", direction: "ltr" },
];

export const DEFAULT_LOCALE = "en";

export function directionOf(locale: string): Direction {
  return LOCALES.find((l) => l.locale === locale)?.direction ?? "ltr";
}
