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
 * Right to left, a Latin value (an order number, an e-mail, a code, an amount) must read in
 * its own order and still stand where the page's text starts (the right). So every table
 * cell and block of text is an isolate that keeps the page's direction (it aligns right),
 * and each value inside it is an inline isolate whose direction is its first letter's
 * (`unicode-bidi: plaintext` on the span, what <bdi> does): "ORD-2026-000082" or
 * "ana@example.cl" keep their order without taking the page's neutral characters (·, -,
 * commas) to the wrong side. A block with `plaintext` would align a Latin value left.
 */
const isolatedBlock = { unicodeBidi: "isolate" };
const isolatedValue = { ...isolatedBlock, "span&": { unicodeBidi: "plaintext" } };
const rtlComponents = {
  ...defaultTheme.components,
  MuiTableCell: {
    ...component("MuiTableCell"),
    styleOverrides: {
      ...component("MuiTableCell").styleOverrides,
      root: { ...(component("MuiTableCell").styleOverrides?.root as Overrides), ...isolatedBlock },
    },
  },
  MuiTypography: { styleOverrides: { body2: isolatedValue } },
} as RaThemeOptions["components"];

/**
 * A list item's secondary line is a block, not a paragraph: the phone lists' cards put a
 * status chip or a reference (blocks) there, and a <div> inside a <p> is invalid HTML that
 * the browser re-nests on its own.
 */
const listItemText = { MuiListItemText: { defaultProps: { slotProps: { secondary: { component: "div" } } } } };

const themes: Record<Direction, RaThemeOptions> = {
  ltr: {
    ...defaultTheme,
    direction: "ltr",
    components: { ...defaultTheme.components, ...listItemText } as RaThemeOptions["components"],
  },
  rtl: {
    ...defaultTheme,
    direction: "rtl",
    components: { ...rtlComponents, ...listItemText } as RaThemeOptions["components"],
  },
};

export function themeFor(direction: Direction): RaThemeOptions {
  return themes[direction];
}
