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

const themes: Record<Direction, RaThemeOptions> = {
  ltr: { ...defaultTheme, direction: "ltr" },
  rtl: { ...defaultTheme, direction: "rtl" },
};

export function themeFor(direction: Direction): RaThemeOptions {
  return themes[direction];
}
