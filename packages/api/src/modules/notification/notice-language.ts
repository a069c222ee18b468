/**
 * The languages every message to a person or organisation is written in. The list is
 * the one user, patient and organisation `language` fields accept; a notice template
 * is a `Localized` table so that a template missing one of them does not compile.
 */
export const NOTICE_LANGUAGES = ["es", "en", "zh", "fa", "bg"] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

export type Localized<T> = Record<NoticeLanguage, T>;

/** What a rendered notice holds; SMS ignores the subject. */
export interface NoticeText {
  subject: string;
  body: string;
}

/**
 * The recipient's language, or `fallback` for anything else (Spanish by default: the
 * operator's working language).
 */
export function noticeLanguage(value: string | null | undefined, fallback: NoticeLanguage = "es"): NoticeLanguage {
  return (NOTICE_LANGUAGES as readonly string[]).includes(value ?? "") ? (value as NoticeLanguage) : fallback;
}
