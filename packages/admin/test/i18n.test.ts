// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { englishCatalog, loadOwnMessages, packMessages } from "../src/i18n/catalog";
import { fieldSources } from "../src/i18n/fieldLabels";
import { createLocaleState } from "../src/i18n/i18nProvider";
import { LOCALES } from "../src/i18n/locales";
import { mergeMessages } from "../src/i18n/mergeMessages";
import { screensFor } from "../src/layout/access";
import { RESOURCE_META } from "../src/resources/registry";
import type { FieldMeta } from "../src/resources/types";
import { FORM_TEMPLATE_SEEDS } from "../../api/src/modules/order/form-template-seeds";
import { REJECTION_REASONS } from "../../api/src/modules/order/rejection-reasons";

const TRANSLATED = ["es", "zh", "fa", "bg"];
/** Languages with a singular and a plural form in polyglot (Chinese has one). */
const TWO_PLURAL_FORMS = ["es", "fa", "bg"];
/** Acronyms and product names written the same in every language. */
const AS_IS = /\b(API|SMS|IBAN|HTTP|URL|Excel|ICD|JSON)\b/g;
/** Language names are written in their own language (endonyms) whatever the reader's: a reader finds their own. */
const isEndonym = (key: string) => key.startsWith("clinigraph.enums.Language.");
/** Spanish words spelled like the English ones, for the check that nothing was left untranslated. */
const SAME_IN_SPANISH = new Set([
  "Excel",
  "Hospital",
  "Global",
  "Individual",
  "IBAN",
  "SMS",
  "URL",
  "ID",
  "Factor",
  "Roles",
  "Pelvis",
]);

/** "a.b.c" → message, as polyglot flattens a catalogue (a key may itself contain dots). */
function flatten(tree: object, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") flatten(value, path, out);
    else out.set(path, String(value));
  }
  return out;
}

const placeholders = (text: string) => [...new Set(text.match(/%\{\w+\}/g) ?? [])].sort();
const isAppKey = (key: string) => key.startsWith("clinigraph.") || key.startsWith("resources.");

/** Every key the generated screens look up, from the generated metadata itself. */
function keysTheScreensNeed(): string[] {
  const keys = new Set<string>();
  const walk = (fields: FieldMeta[]) => {
    for (const field of fields) {
      for (const value of field.enumType ? (field.choices ?? []) : []) {
        keys.add(
          /Event$/.test(field.enumType!) ? `clinigraph.events.${value}` : `clinigraph.enums.${field.enumType}.${value}`,
        );
      }
      // value objects (Money, Rejection…) label their parts by name
      for (const sub of field.kind === "object" ? (field.fields ?? []) : []) keys.add(`clinigraph.fields.${sub.name}`);
      walk(field.fields ?? []);
    }
  };
  for (const resource of RESOURCE_META.resources) {
    keys.add(`resources.${resource.name}.name`);
    walk([
      ...resource.fields,
      ...resource.filters,
      ...(resource.create?.fields ?? []),
      ...(resource.update?.fields ?? []),
    ]);
    for (const event of resource.transition?.events ?? []) {
      keys.add(`clinigraph.events.${event}`);
      // the status history says each event as a sentence
      keys.add(`clinigraph.history.done.${event}`);
    }
    for (const section of resource.sections) keys.add(`clinigraph.sections.${section.key}`);
  }
  // the history's first entry: the record's creation
  for (const event of ["ISSUE", "REGISTER", "CREATE"]) keys.add(`clinigraph.history.done.${event}`);
  for (const resource of RESOURCE_META.resources) {
    // `case.patient` is labelled by the console's word for `patient` (FieldLabel)
    const paths = [...resource.listColumns, ...resource.sections.flatMap((s) => s.fields)];
    for (const path of paths.filter((p) => p.includes(".")))
      keys.add(`clinigraph.fields.${path.slice(path.lastIndexOf(".") + 1)}`);
  }
  // what arrives as data: the report forms' fields and choices, their specialties, the rejection reasons
  for (const template of FORM_TEMPLATE_SEEDS) {
    keys.add(`clinigraph.specialties.${template.specialty}`);
    const properties = (template.schema.properties ?? {}) as Record<string, { enum?: string[] }>;
    for (const [name, property] of Object.entries(properties)) {
      keys.add(`clinigraph.form.fields.${name}`);
      for (const value of property.enum ?? []) keys.add(`clinigraph.form.values.${name}.${value}`);
    }
  }
  for (const code of Object.keys(REJECTION_REASONS)) keys.add(`clinigraph.reasons.${code}`);
  for (const [resource, sources] of fieldSources(RESOURCE_META)) {
    for (const source of sources) keys.add(`resources.${resource}.fields.${source}`);
  }
  const resources = new Set(RESOURCE_META.resources.map((r) => r.name as string));
  for (const screen of screensFor(["ADMIN"])) if (!resources.has(screen)) keys.add(`clinigraph.menu.${screen}`);
  return [...keys].sort();
}

describe("every language translates the whole console", () => {
  const english = flatten(englishCatalog);

  it("English labels every column, filter, input, enum value, event, resource and menu entry the schema gives", () => {
    expect(keysTheScreensNeed().filter((key) => !english.has(key))).toEqual([]);
  });

  it.each(TRANSLATED)("%s has its own message for every key English has, react-admin's included", async (locale) => {
    const own = flatten(await loadOwnMessages(locale));
    expect([...english.keys()].filter((key) => !own.has(key))).toEqual([]);
    expect([...own.keys()].filter((key) => isAppKey(key) && !english.has(key))).toEqual([]);
  });

  it.each(TRANSLATED)(
    "%s uses only the placeholders, and the plural forms, of the English messages",
    async (locale) => {
      const own = flatten(await loadOwnMessages(locale));
      const wrong = [...english].filter(([key, text]) => {
        const translated = own.get(key) ?? "";
        const expected = placeholders(text);
        // a variable the English message does not get renders raw ("#%{id}") or stale
        if (placeholders(translated).some((p) => !expected.includes(p))) return true;
        // a community pack may word a message without its variable; ours keep them all
        if (isAppKey(key) && placeholders(translated).join() !== expected.join()) return true;
        const forms = (t: string) => t.split("||||").length;
        return isAppKey(key) && TWO_PLURAL_FORMS.includes(locale) && forms(translated) !== forms(text);
      });
      expect(wrong.map(([key]) => key)).toEqual([]);
    },
  );

  it.each(["zh", "fa", "bg"])("%s leaves no English words on screen", async (locale) => {
    const own = flatten(await loadOwnMessages(locale));
    const latin = [...own].filter(
      ([key, text]) => !isEndonym(key) && /[A-Za-z]/.test(text.replace(/%\{\w+\}/g, "").replace(AS_IS, "")),
    );
    expect(latin).toEqual([]);
  });

  it("es words the console adds differ from English but for words spelled alike", async () => {
    const own = flatten(await loadOwnMessages("es"));
    const same = [...own].filter(
      ([key, text]) =>
        isAppKey(key) &&
        !isEndonym(key) &&
        text === english.get(key) &&
        !SAME_IN_SPANISH.has(text) &&
        // a message that is only placeholders and punctuation ("%{action}, %{date}") has no words to translate
        /[A-Za-z]/.test(text.replace(/%\{\w+\}/g, "")),
    );
    expect(same).toEqual([]);
  });
});

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

  it.each(TRANSLATED)(
    "%s translates react-admin 5 messages its community pack lacks, and column headers",
    async (locale) => {
      const state = createLocaleState();
      await state.i18nProvider.changeLocale(locale);
      // added in react-admin 5; absent from packs written for older versions
      expect(state.i18nProvider.translate("ra.action.select_all_button")).not.toBe("Select all");
      expect(state.i18nProvider.translate("clinigraph.transitions.reason")).not.toBe("Reason");
      // the label react-admin looks up for a generated column
      expect(state.i18nProvider.translate("resources.orders.fields.createdAt")).not.toBe("Created at");
    },
  );

  it.each(TRANSLATED)(
    "%s translates react-admin's own list words (Add filter, Create, Export, Rows per page, 1-12 of 12)",
    async (locale) => {
      const state = createLocaleState();
      await state.i18nProvider.changeLocale(locale);
      const t = state.i18nProvider.translate;
      expect(t("ra.action.add_filter")).not.toBe("Add filter");
      expect(t("ra.action.create")).not.toBe("Create");
      expect(t("ra.action.export")).not.toBe("Export");
      expect(t("ra.navigation.page_rows_per_page")).not.toBe("Rows per page:");
      expect(t("ra.navigation.page_range_info", { offsetBegin: 1, offsetEnd: 12, total: 12 })).not.toBe("1-12 of 12");
    },
  );

  it("reads a language pack however the bundle wraps it (the production build wraps a CommonJS pack twice)", () => {
    const messages = { ra: { action: { create: "新建" } } };
    expect(packMessages({ default: { __esModule: true, default: messages } })).toBe(messages);
    expect(packMessages({ default: messages })).toBe(messages);
    expect(packMessages(messages)).toBe(messages);
    expect(() => packMessages({ default: {} })).toThrow(/without `ra`/);
  });

  it("a key no language has yet shows English rather than its raw name", async () => {
    const state = createLocaleState();
    await state.i18nProvider.changeLocale("bg");
    expect(state.i18nProvider.translate("resources.orders.fields.createdAt")).toBe("Създадено на");
    expect(englishCatalog.ra.action.save).toBe("Save");
  });

  it("mergeMessages merges nested trees with later trees winning", () => {
    expect(mergeMessages({ a: { b: 1, c: 2 } }, { a: { c: 3 }, d: 4 })).toEqual({ a: { b: 1, c: 3 }, d: 4 });
  });
});

describe("sentences in the reader's digits and direction", () => {
  it("writes interpolated numbers in Persian digits in fa: pagination, counts, plurals", async () => {
    const state = createLocaleState();
    await state.i18nProvider.changeLocale("fa");
    const range = state.i18nProvider.translate("ra.navigation.page_range_info", {
      offsetBegin: 1,
      offsetEnd: 25,
      total: 47,
    });
    expect(range).toMatch(/۱.*۲۵.*۴۷/);
    expect(range).not.toMatch(/[0-9]/);
    expect(state.i18nProvider.translate("clinigraph.visits.assigned", { smart_count: 3 })).toContain("۳");
  });

  it("isolates a value of the other direction inside a sentence (FSI…PDI), both ways", async () => {
    const { FSI, PDI } = await import("../src/i18n/interpolation");
    const state = createLocaleState();
    await state.i18nProvider.changeLocale("fa");
    const persian = state.i18nProvider.translate("clinigraph.history.by_actor", {
      action: "رد شد",
      actor: "Valentina Soto",
      date: "۲۱ آبان ۱۴۰۵",
    });
    expect(persian).toContain(`${FSI}Valentina Soto${PDI}`);
    expect(persian).not.toContain(`${FSI}رد شد`);
    await state.i18nProvider.changeLocale("es");
    const spanish = state.i18nProvider.translate("clinigraph.history.by_actor", {
      action: "Rechazada",
      actor: "سارا غضنفری",
      date: "12 nov 2026",
    });
    expect(spanish).toContain(`${FSI}سارا غضنفری${PDI}`);
    expect(spanish).not.toContain(`${FSI}12`);
  });

  it("says a rejection reason in the reader's language from the API's one table", async () => {
    const state = createLocaleState();
    await state.i18nProvider.changeLocale("zh");
    expect(state.i18nProvider.translate("clinigraph.reasons.MISSING_SIGNATURE")).toBe(
      REJECTION_REASONS.MISSING_SIGNATURE.zh,
    );
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
  it("names a statistics month in the reader's calendar: Solar Hijri months in Persian digits in fa", async () => {
    const { formatMonth } = await import("../src/fields/format");
    expect(formatMonth("2026-10", "en")).toBe("Oct 2026");
    const persian = formatMonth("2026-10-01", "fa");
    expect(persian).toMatch(/[۰-۹]/);
    expect(persian).toContain("۱۴۰۵");
    expect(persian).not.toMatch(/[0-9]|2026/);
  });
  it("humanises enum values and camelCase names", () => {
    expect(humanize("START_EVALUATION")).toBe("Start evaluation");
    expect(humanize("functionalLoss")).toBe("Functional loss");
  });
});
