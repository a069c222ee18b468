import { registerEnumType } from "type-graphql";

/** The languages messages and the console speak; the zod rule `rules.language` is the same set. */
export enum Language {
  en = "en",
  es = "es",
  zh = "zh",
  fa = "fa",
  bg = "bg",
}
registerEnumType(Language, {
  name: "Language",
  description: "A language for messages and the console (ISO 639-1, lower case as on the wire).",
  valuesConfig: {
    en: { description: "English." },
    es: { description: "Spanish." },
    zh: { description: "Chinese (simplified)." },
    fa: { description: "Persian (right to left)." },
    bg: { description: "Bulgarian." },
  },
});
