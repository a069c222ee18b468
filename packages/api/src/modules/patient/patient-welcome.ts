import type { EntityManager } from "@mikro-orm/postgresql";
import { refId } from "../../platform/graphql/loaders.js";
import { enqueueNotification } from "../notification/outbox.js";
import type { Patient } from "./patient.entity.js";

type Language = "es" | "en" | "zh" | "fa" | "bg";

/** Dental seed step 5: the welcome e-mail with pre-visit instructions, per language. */
export const WELCOME: Record<Language, { subject: string; body: (name: string) => string }> = {
  es: {
    subject: "Bienvenido/a",
    body: (n) =>
      `Hola ${n}:\n\nSu ficha de paciente ya está activa. Antes de su primera visita, traiga su documento de identidad y los datos de su seguro, y llegue 10 minutos antes.\n\nSaludos cordiales.`,
  },
  en: {
    subject: "Welcome",
    body: (n) =>
      `Hello ${n},\n\nYour patient record is now active. Before your first visit, please bring your ID and insurance details and arrive 10 minutes early.\n\nKind regards.`,
  },
  zh: {
    subject: "欢迎",
    body: (n) =>
      `${n}，您好：\n\n您的患者档案已激活。首次就诊时请携带身份证件和保险信息，并提前10分钟到达。\n\n此致敬礼。`,
  },
  fa: {
    subject: "خوش آمدید",
    body: (n) =>
      `${n} عزیز،\n\nپرونده بیمار شما فعال شد. لطفاً برای اولین مراجعه، کارت شناسایی و اطلاعات بیمه خود را همراه داشته باشید و ۱۰ دقیقه زودتر حاضر شوید.\n\nبا احترام.`,
  },
  bg: {
    subject: "Добре дошли",
    body: (n) =>
      `Здравейте, ${n},\n\nВашето досие на пациент вече е активно. За първото посещение носете документ за самоличност и данните за застраховката си и елате 10 минути по-рано.\n\nПоздрави.`,
  },
};

export function welcomeMessage(language: string, firstName: string): { subject: string; body: string } {
  const t = WELCOME[(language in WELCOME ? language : "en") as Language];
  return { subject: t.subject, body: t.body(firstName) };
}

/** Queues the welcome e-mail once per patient, only with e-mail consent and an address. */
export async function queuePatientWelcome(em: EntityManager, patient: Patient): Promise<string | null> {
  if (!patient.emailConsent || !patient.email) return null;
  const { subject, body } = welcomeMessage(patient.language, patient.firstName);
  return enqueueNotification(em, {
    channel: "EMAIL",
    recipient: patient.email,
    template: "patient-welcome",
    language: patient.language,
    subject,
    body,
    dedupeKey: `patient-welcome:${patient.id}`,
    organizationId: refId(patient.registeredBy),
    patientId: patient.id,
    relatedType: "Patient",
    relatedId: patient.id,
  });
}
