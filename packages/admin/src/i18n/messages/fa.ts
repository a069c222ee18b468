import type { AppMessages } from './types';

export const fa: AppMessages = {
  clinigraph: {
    language: 'زبان',
    errors: { stale_version: 'این رکورد را شخص دیگری تغییر داده است؛ دوباره بارگذاری کنید' },
    transitions: {
      confirm_title: '%{event} %{name}؟',
      confirm_content: 'این کار قابل بازگشت نیست.',
      reason: 'دلیل',
      reason_code: 'کد دلیل',
      reference: 'شماره مرجع',
      success: 'انجام شد: %{event}',
    },
    events: {
      CONFIRM: 'تأیید', START_EVALUATION: 'شروع ارزیابی', SUBMIT_FOR_REVIEW: 'ارسال برای بررسی', APPROVE: 'تصویب',
      REJECT: 'رد', RESUBMIT: 'ارسال مجدد', MARK_BILLED: 'ثبت پرداخت', SUSPEND: 'تعلیق', RESUME: 'ادامه',
      VOID: 'ابطال', SUBMIT: 'ارسال', START_REVIEW: 'شروع بررسی', RETURN: 'برگشت (نقص)', DENY: 'عدم پرداخت',
      SETTLE: 'تسویه', CANCEL: 'لغو', ATTEND: 'حضور یافت', NO_SHOW: 'عدم حضور', CLOSE: 'بستن',
      REOPEN: 'بازگشایی', ACTIVATE: 'فعال‌سازی', DEACTIVATE: 'غیرفعال‌سازی',
    },
  },
  resources: {
    orders: { name: 'دستور' }, cases: { name: 'پرونده' }, visits: { name: 'بازدید' }, claims: { name: 'خسارت' },
    patients: { name: 'بیمه‌شده' }, policies: { name: 'بیمه‌نامه' }, organizations: { name: 'سازمان' },
    users: { name: 'کاربر' }, serviceCodes: { name: 'کد خدمت' }, notifications: { name: 'اعلان' },
    monthlyStatistics: { name: 'آمار ماهانه' }, auditEvents: { name: 'رویداد ممیزی' }, apiKeys: { name: 'کلید API' },
  },
};
