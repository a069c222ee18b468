import polyglotI18nProvider from "ra-i18n-polyglot";
import type { I18nProvider } from "react-admin";
import { loadMessages } from "./catalog";
import { localeAwareReplace } from "./interpolation";
import { DEFAULT_LOCALE, LOCALES, directionOf, type Direction } from "./locales";

type Listener = () => void;

/**
 * The current locale outside React's tree, so the theme and the emotion cache
 * (which sit above react-admin's i18n context) can follow the direction.
 * react-admin remembers the chosen locale in its localStorage store and calls
 * changeLocale on start-up, which lands here.
 */
export function createLocaleState() {
  let locale = DEFAULT_LOCALE;
  const listeners = new Set<Listener>();

  function apply(next: string) {
    locale = next;
    if (typeof document !== "undefined") {
      document.documentElement.lang = next;
      document.documentElement.dir = directionOf(next);
    }
    listeners.forEach((listener) => listener());
  }

  // the locale polyglot interpolates for: set before the new catalogue is used
  let interpolating = DEFAULT_LOCALE;
  const replace = localeAwareReplace(() => ({ locale: interpolating, direction: directionOf(interpolating) }));
  const base = polyglotI18nProvider(loadMessages, DEFAULT_LOCALE, LOCALES, { allowMissing: true, replace });
  const i18nProvider: I18nProvider = {
    ...base,
    async changeLocale(next, options) {
      await base.changeLocale(next, options);
      interpolating = next;
      apply(next);
    },
  };
  apply(DEFAULT_LOCALE);

  return {
    i18nProvider,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    locale: () => locale,
    direction: (): Direction => directionOf(locale),
  };
}

export type LocaleState = ReturnType<typeof createLocaleState>;
