import type { TermMessages } from "../types";

export const terms: TermMessages = {
  specialties: {
    traumatology: "Травматология",
    psychiatry: "Психиатрия",
    audiology: "Аудиология",
    dentistry: "Дентална медицина",
    general: "Обща медицина",
    radiology: "Рентгенология",
    laboratory: "Лаборатория",
    interconsultation: "Консултация",
  },
  form: {
    title: "Доклад по %{specialty} (формуляр, версия %{version})",
    fields: {
      diagnosis: "Диагноза",
      affectedSegment: "Засегнат сегмент",
      functionalLoss: "Функционална загуба (%)",
      rangeOfMotionDegrees: "Обхват на движение (градуси)",
      requiresSurgery: "Нужда от операция",
      examinedAt: "Дата на прегледа",
      notes: "Бележки",
      icd10: "Код по МКБ-10",
      gafScore: "Оценка по скалата за общо функциониране",
      workCapacity: "Работоспособност",
      sessions: "Сесии",
      leftEarDb: "Ляво ухо (дБ)",
      rightEarDb: "Дясно ухо (дБ)",
      hearingLossType: "Вид загуба на слуха",
      tinnitus: "Шум в ушите",
    },
    values: {
      affectedSegment: {
        SPINE: "Гръбначен стълб",
        UPPER_LIMB: "Горен крайник",
        LOWER_LIMB: "Долен крайник",
        PELVIS: "Таз",
        HEAD: "Глава",
        THORAX: "Гръден кош",
      },
      workCapacity: { FULL: "Пълна", PARTIAL: "Частична", NONE: "Няма" },
      hearingLossType: { NONE: "Няма", CONDUCTIVE: "Проводна", SENSORINEURAL: "Сензоневрална", MIXED: "Смесена" },
    },
  },
  caps: { DEDUCTIBLE: "Самоучастие", PER_CLAIM_LIMIT: "Лимит за претенция", ANNUAL_LIMIT: "Годишен лимит" },
  actor_kinds: { STAFF: "Служител", PARTNER: "Партньор", SYSTEM: "Система" },
};
