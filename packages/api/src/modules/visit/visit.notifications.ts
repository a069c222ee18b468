import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { enqueueNotification } from "../notification/outbox.js";
import type { Organization } from "../organization/organization.entity.js";
import type { Patient } from "../patient/patient.entity.js";
import type { User } from "../user/user.entity.js";
import type { Visit } from "./visit.entity.js";
import { VisitErrorCode } from "./visit.errors.js";

type Lang = "en" | "es" | "zh" | "fa" | "bg";
const lang = (l: string | null | undefined): Lang =>
  ["en", "es", "zh", "fa", "bg"].includes(l ?? "") ? (l as Lang) : "en";

export interface AssignedText {
  patient: string;
  hospital: string;
  caseNumber: string;
  visitNumber: string;
  when: string | null;
}

/** Template `visit-assigned`: the SMS to the visitor. */
export const ASSIGNED: Record<Lang, (t: AssignedText) => string> = {
  zh: (t) =>
    `探访任务 ${t.visitNumber}：患者 ${t.patient}，医院 ${t.hospital}，赔案 ${t.caseNumber}${t.when ? `，时间 ${t.when}` : ""}。`,
  en: (t) =>
    `Visit ${t.visitNumber}: patient ${t.patient}, hospital ${t.hospital}, case ${t.caseNumber}${t.when ? `, at ${t.when}` : ""}.`,
  es: (t) =>
    `Visita ${t.visitNumber}: paciente ${t.patient}, hospital ${t.hospital}, expediente ${t.caseNumber}${t.when ? `, el ${t.when}` : ""}.`,
  bg: (t) =>
    `Посещение ${t.visitNumber}: пациент ${t.patient}, болница ${t.hospital}, досие ${t.caseNumber}${t.when ? `, на ${t.when}` : ""}.`,
  fa: (t) =>
    `بازدید ${t.visitNumber}: بیمار ${t.patient}، بیمارستان ${t.hospital}، پرونده ${t.caseNumber}${t.when ? `، زمان ${t.when}` : ""}.`,
};

export interface InstructionsText {
  patient: string;
  provider: string;
  when: string;
  number: string;
}

/** Template `appointment-instructions`: the e-mail to the patient. */
export const INSTRUCTIONS: Record<Lang, { subject: string; body: (t: InstructionsText) => string }> = {
  en: {
    subject: "Your appointment: instructions before the visit",
    body: (t) =>
      `Dear ${t.patient},\n\nyour appointment ${t.number} at ${t.provider} is on ${t.when}.\nPlease bring your ID and insurance card, arrive 15 minutes early, and bring any previous results.\n`,
  },
  es: {
    subject: "Su hora: instrucciones antes de la visita",
    body: (t) =>
      `Estimado/a ${t.patient}:\n\nsu hora ${t.number} en ${t.provider} es el ${t.when}.\nTraiga su cédula y credencial del seguro, llegue 15 minutos antes y traiga sus exámenes anteriores.\n`,
  },
  zh: {
    subject: "您的预约：就诊前须知",
    body: (t) =>
      `${t.patient}，您好：\n\n您在 ${t.provider} 的预约 ${t.number} 时间为 ${t.when}。\n请携带身份证和保险卡，提前15分钟到达，并带上以往的检查结果。\n`,
  },
  bg: {
    subject: "Вашият час: инструкции преди посещението",
    body: (t) =>
      `Уважаеми/а ${t.patient},\n\nвашият час ${t.number} при ${t.provider} е на ${t.when}.\nМоля, носете лична карта и здравноосигурителна карта, елате 15 минути по-рано и носете предишни резултати.\n`,
  },
  fa: {
    subject: "نوبت شما: راهنمای پیش از مراجعه",
    body: (t) =>
      `${t.patient} گرامی،\n\nنوبت ${t.number} شما در ${t.provider} در تاریخ ${t.when} است.\nلطفاً کارت شناسایی و کارت بیمه را همراه داشته باشید، ۱۵ دقیقه زودتر مراجعه کنید و نتایج قبلی را بیاورید.\n`,
  },
};

/** A time in the site's zone, written the way the recipient's language writes it. */
export function formatWhen(at: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang(language) === "zh" ? "zh-CN" : lang(language), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(at);
}

export const patientName = (p: Patient): string => `${p.firstName} ${p.lastName}`;

/** 是否短信提示: the visitor learns of the task by SMS, queued in the outbox with the change. */
export async function queueAssignmentSms(
  em: EntityManager,
  args: {
    visit: Visit;
    visitor: User;
    patient: Patient;
    hospital: Organization;
    caseNumber: string | null;
    version: number;
  },
): Promise<void> {
  const { visit, visitor } = args;
  if (!visitor.phone)
    throw new DomainError(VisitErrorCode.VISITOR_HAS_NO_PHONE, "The visitor has no mobile phone for the SMS.", [
      "notifySms",
    ]);
  const language = lang(visitor.language);
  await enqueueNotification(em, {
    channel: "SMS",
    recipient: visitor.phone,
    template: "visit-assigned",
    language,
    body: ASSIGNED[language]({
      patient: patientName(args.patient),
      hospital: args.hospital.name,
      caseNumber: args.caseNumber ?? "—",
      visitNumber: visit.number,
      when: visit.scheduledAt ? formatWhen(visit.scheduledAt, language, args.hospital.timeZone) : null,
    }),
    dedupeKey: `visit-assigned:${visit.id}:${visitor.id}:${args.version}`,
    organizationId: refId(visitor.organization),
    // The visitor works at the hospital: its evening, not the operator's head office's.
    recipientTimeZone: args.hospital.timeZone,
    relatedType: "Visit",
    relatedId: visit.id,
  });
}

/** Dental seed step 9: preparation instructions by e-mail, only with the patient's consent. */
export async function queueAppointmentInstructions(
  em: EntityManager,
  args: { visit: Visit; patient: Patient; provider: Organization },
): Promise<void> {
  const { visit, patient, provider } = args;
  if (!patient.email || !patient.emailConsent || !visit.scheduledAt) return;
  const language = lang(patient.language);
  const text = INSTRUCTIONS[language];
  await enqueueNotification(em, {
    channel: "EMAIL",
    recipient: patient.email,
    template: "appointment-instructions",
    language,
    subject: text.subject,
    body: text.body({
      patient: patientName(patient),
      provider: provider.name,
      when: formatWhen(visit.scheduledAt, language, provider.timeZone),
      number: visit.number,
    }),
    dedupeKey: `appointment-instructions:${visit.id}:${visit.scheduledAt.toISOString()}`,
    organizationId: provider.id,
    patientId: patient.id,
    relatedType: "Visit",
    relatedId: visit.id,
  });
}

export interface ReturnedText {
  visitNumber: string;
  reason: string;
}

/** Template `visit-returned`: the reviewer sent the visit back (回退) to its visitor. */
export const RETURNED: Record<Lang, (t: ReturnedText) => string> = {
  zh: (t) => `探访任务 ${t.visitNumber} 已被审核退回：${t.reason}。请补充后重新提交。`,
  en: (t) => `Visit ${t.visitNumber} was returned by the reviewer: ${t.reason}. Please complete it and submit again.`,
  es: (t) => `La visita ${t.visitNumber} fue devuelta por el revisor: ${t.reason}. Complétela y envíela de nuevo.`,
  bg: (t) => `Посещение ${t.visitNumber} е върнато от проверяващия: ${t.reason}. Допълнете го и го изпратете отново.`,
  fa: (t) => `بازدید ${t.visitNumber} توسط بازبین اعاده شد: ${t.reason}. لطفاً آن را تکمیل و دوباره ارسال کنید.`,
};

/** The visitor of a returned visit hears of it by SMS (or e-mail without a phone), once per return. */
export async function queueReturnedNotice(em: EntityManager, visit: Visit, visitor: User): Promise<void> {
  const language = lang(visitor.language);
  const body = RETURNED[language]({ visitNumber: visit.number, reason: visit.returnReason ?? "—" });
  await enqueueNotification(em, {
    channel: visitor.phone ? "SMS" : "EMAIL",
    recipient: visitor.phone ?? visitor.email,
    template: "visit-returned",
    language,
    subject: visitor.phone ? null : body.split(":")[0]!,
    body,
    dedupeKey: `visit-returned:${visit.id}:${visit.returnCount}`,
    organizationId: refId(visitor.organization),
    relatedType: "Visit",
    relatedId: visit.id,
  });
}
