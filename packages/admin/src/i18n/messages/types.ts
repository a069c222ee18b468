import type { en } from "./en";

/** The shape of a catalogue with every leaf a string. */
type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/**
 * Messages the console adds on top of react-admin's own, per language: exactly the keys
 * of the English catalogue, so a language missing one (or carrying a stale one) does
 * not compile.
 */
export type AppMessages = Catalog<typeof en>;

/** The parts of a catalogue kept in their own files. */
export type FieldLabels = AppMessages["clinigraph"]["fields"];
export type EnumLabels = AppMessages["clinigraph"]["enums"];

/**
 * react-admin's own messages that a language's community pack lacks (packs written for
 * older react-admin versions); test/i18n.test.ts lists what each pack is missing.
 */
export type RaMessages = { ra: Record<string, Record<string, unknown>> };

/** Section titles, history sentences, liability terms and audit words (readable.ts). */
export type ReadableMessages = Pick<AppMessages["clinigraph"], "sections" | "history" | "liability" | "audit">;

/** The visitor, billing and reviewer working screens (work.ts). */
export type WorkMessages = Pick<AppMessages["clinigraph"], "home" | "findings" | "payments" | "collections" | "review">;
/** Words for codes that arrive as data: specialties, report forms, caps, actor kinds (terms.ts). */
export type TermMessages = Pick<
  AppMessages["clinigraph"],
  "specialties" | "document_types" | "form" | "caps" | "actor_kinds"
>;
