import { NOTICE_LANGUAGES, noticeLanguage, type Localized, type NoticeLanguage } from "@clinigraph/api/domain";

/**
 * Message texts per language (es, en, zh, fa, bg: the API's NOTICE_LANGUAGES). The
 * language is the patient's or the user's; anything else falls back to Spanish, the
 * operator's working language.
 */
export const LANGUAGES = NOTICE_LANGUAGES;
export type Language = NoticeLanguage;

export function languageOf(value: string | null | undefined): Language {
  return noticeLanguage(value);
}

export interface AppointmentReminderVars {
  firstName: string;
  /** Date and time already formatted in the provider's zone and the recipient's language. */
  when: string;
  place: string;
}

/** Template `appointment-reminder`: the SMS 24 hours before an appointment. */
export const APPOINTMENT_REMINDER: Localized<(v: AppointmentReminderVars) => string> = {
  es: (v) => `Hola ${v.firstName}: le recordamos su cita el ${v.when} en ${v.place}. Si no puede asistir, avísenos.`,
  en: (v) =>
    `Hello ${v.firstName}: a reminder of your appointment on ${v.when} at ${v.place}. If you cannot attend, please let us know.`,
  zh: (v) => `${v.firstName}您好：提醒您于${v.when}在${v.place}的预约。如不能前往，请告知我们。`,
  fa: (v) =>
    `${v.firstName} عزیز، یادآوری نوبت شما در ${v.when} در ${v.place}. اگر نمی‌توانید حاضر شوید، لطفاً به ما اطلاع دهید.`,
  bg: (v) =>
    `Здравейте, ${v.firstName}: напомняме за вашия час на ${v.when} в ${v.place}. Ако не можете да дойдете, моля, уведомете ни.`,
};

export const APPOINTMENT_REMINDER_TEMPLATE = "appointment-reminder";

export function renderAppointmentReminder(language: string, vars: AppointmentReminderVars): string {
  return APPOINTMENT_REMINDER[languageOf(language)](vars);
}

/** The dedupe key of a reminder: a moved appointment gets a new key, hence a new reminder. */
export function appointmentReminderKey(visitId: string, scheduledAt: Date): string {
  return `${APPOINTMENT_REMINDER_TEMPLATE}:${visitId}:${scheduledAt.toISOString()}`;
}

/** The appointment time a reminder was written for, read back from its dedupe key. */
export function scheduledAtOfReminderKey(dedupeKey: string): Date | null {
  const m = /^appointment-reminder:[^:]+:(.+)$/.exec(dedupeKey);
  if (!m) return null;
  const d = new Date(m[1]!);
  return Number.isNaN(d.getTime()) ? null : d;
}
