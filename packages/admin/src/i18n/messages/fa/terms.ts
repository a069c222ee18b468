import type { TermMessages } from "../types";

export const terms: TermMessages = {
  specialties: {
    traumatology: "ارتوپدی و تروما",
    psychiatry: "روان‌پزشکی",
    audiology: "شنوایی‌شناسی",
    dentistry: "دندان‌پزشکی",
    general: "پزشکی عمومی",
    radiology: "پرتوشناسی",
    laboratory: "آزمایشگاه",
    interconsultation: "مشاوره تخصصی",
  },
  form: {
    title: "گزارش %{specialty} (فرم نسخه %{version})",
    fields: {
      diagnosis: "تشخیص",
      affectedSegment: "ناحیه آسیب‌دیده",
      functionalLoss: "از دست رفتن عملکرد (٪)",
      rangeOfMotionDegrees: "دامنه حرکت (درجه)",
      requiresSurgery: "نیاز به جراحی",
      examinedAt: "تاریخ معاینه",
      notes: "یادداشت‌ها",
      icd10: "کد ICD-10",
      gafScore: "امتیاز ارزیابی کلی عملکرد",
      workCapacity: "توان کاری",
      sessions: "تعداد جلسات",
      leftEarDb: "گوش چپ (دسی‌بل)",
      rightEarDb: "گوش راست (دسی‌بل)",
      hearingLossType: "نوع کم‌شنوایی",
      tinnitus: "وزوز گوش",
    },
    values: {
      affectedSegment: {
        SPINE: "ستون فقرات",
        UPPER_LIMB: "اندام فوقانی",
        LOWER_LIMB: "اندام تحتانی",
        PELVIS: "لگن",
        HEAD: "سر",
        THORAX: "قفسه سینه",
      },
      workCapacity: { FULL: "کامل", PARTIAL: "جزئی", NONE: "هیچ" },
      hearingLossType: { NONE: "ندارد", CONDUCTIVE: "انتقالی", SENSORINEURAL: "حسی‌عصبی", MIXED: "مختلط" },
    },
  },
  caps: { DEDUCTIBLE: "فرانشیز", PER_CLAIM_LIMIT: "سقف هر خسارت", ANNUAL_LIMIT: "سقف سالانه" },
  actor_kinds: { STAFF: "کارمند", PARTNER: "شریک", SYSTEM: "سامانه" },
};
