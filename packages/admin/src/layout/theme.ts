import createCache from "@emotion/cache";
import rtlPlugin from "@mui/stylis-plugin-rtl";
import { defaultTheme, type RaThemeOptions } from "react-admin";
import { prefixer } from "stylis";
import type { Direction } from "../i18n/locales";

/** Emotion caches per direction: the RTL one flips margins, paddings and positions for Persian. */
export const emotionCaches: Record<Direction, ReturnType<typeof createCache>> = {
  ltr: createCache({ key: "mui" }),
  rtl: createCache({ key: "muirtl", stylisPlugins: [prefixer, rtlPlugin] }),
};

type Overrides = Record<string, unknown>;
const component = (name: string) =>
  ((defaultTheme.components as Record<string, { styleOverrides?: Overrides }> | undefined)?.[name] ?? {}) as {
    styleOverrides?: Overrides;
  };

/**
 * Right to left, every table cell and every field value is its own bidi paragraph
 * (`unicode-bidi: plaintext`, an isolate whose direction is its first letter's): a Latin
 * name or an order number in a Persian page keeps its order instead of taking the
 * page's neutral characters (·, -, commas) to the wrong side.
 */
const isolated = { unicodeBidi: "plaintext" };
const rtlComponents = {
  ...defaultTheme.components,
  MuiTableCell: {
    ...component("MuiTableCell"),
    styleOverrides: {
      ...component("MuiTableCell").styleOverrides,
      root: { ...(component("MuiTableCell").styleOverrides?.root as Overrides), ...isolated },
    },
  },
  MuiTypography: { styleOverrides: { body2: isolated } },
} as RaThemeOptions["components"];

const themes: Record<Direction, RaThemeOptions> = {
  ltr: { ...defaultTheme, direction: "ltr" },
  rtl: { ...defaultTheme, direction: "rtl", components: rtlComponents },
};

export function themeFor(direction: Direction): RaThemeOptions {
  return themes[direction];
}
