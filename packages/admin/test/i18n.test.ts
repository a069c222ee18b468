// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { createLocaleState } from "../src/i18n/i18nProvider";
import { LOCALES } from "../src/i18n/locales";
import { mergeMessages } from "../src/i18n/mergeMessages";

describe("i18n", () => {
  it("offers English, Spanish, Chinese, Persian and Bulgarian", () => {
    expect(
      createLocaleState()
        .i18nProvider.getLocales?.()
        .map((l) => l.locale),
    ).toEqual(["en", "es", "zh", "fa", "bg"]);
    expect(LOCALES.filter((l) => l.direction === "rtl").map((l) => l.locale)).toEqual(["fa"]);
  });

  it("switching to Persian sets the document right-to-left and notifies the theme; back to English restores it", async () => {
    const state = createLocaleState();
    const seen: string[] = [];
    state.subscribe(() => seen.push(state.direction()));
    await state.i18nProvider.changeLocale("fa");
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("fa");
    expect(state.i18nProvider.translate("clinigraph.events.REJECT")).toBe("رد");
    await state.i18nProvider.changeLocale("en");
    expect(document.documentElement.dir).toBe("ltr");
    expect(seen).toEqual(["rtl", "ltr"]);
  });

  it.each(["es", "zh", "fa", "bg"])("%s falls back to English for keys its community pack lacks", async (locale) => {
    const state = createLocaleState();
    await state.i18nProvider.changeLocale(locale);
    // added in react-admin 5; absent from packs written for older versions
    const key = "ra.action.select_all_button";
    expect(state.i18nProvider.translate(key)).not.toBe(key);
    expect(state.i18nProvider.translate("clinigraph.transitions.reason")).not.toBe("Reason");
  });

  it("mergeMessages merges nested trees with later trees winning", () => {
    expect(mergeMessages({ a: { b: 1, c: 2 } }, { a: { c: 3 }, d: 4 })).toEqual({ a: { b: 1, c: 3 }, d: 4 });
  });
});

describe("formatting through Intl in the console's locale", async () => {
  const { formatMoney, formatDate, humanize } = await import("../src/fields/format");
  it("formats decimal-string money with its currency per locale", () => {
    expect(formatMoney("120000", "CLP", "es")).toMatch(/120\.000/);
    expect(formatMoney("12.5", "EUR", "en")).toBe("€12.50");
    expect(formatMoney(null, "EUR", "en")).toBe("");
  });
  it("formats a LocalDate as that calendar day and uses Persian digits in fa", () => {
    expect(formatDate("2026-03-01", "en", false)).toBe("1 Mar 2026");
    expect(formatDate("2026-03-01", "fa", false)).toMatch(/[۰-۹]/);
  });
  it("humanises enum values and camelCase names", () => {
    expect(humanize("START_EVALUATION")).toBe("Start evaluation");
    expect(humanize("functionalLoss")).toBe("Functional loss");
  });
});
