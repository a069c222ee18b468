import type { AppMessages } from "../types";

export const reference_pages: AppMessages["clinigraph"]["reference_pages"] = {
  document: {
    file: "فایل",
    filed_under: "بایگانی‌شده در",
    scan_key: "کلید اسکن",
    attached_by_staff: "پیوست‌شده توسط کارکنان اپراتور، %{when}",
    attached_by_partner: "پیوست‌شده توسط %{organization}، %{when}",
    details: "%{format} · %{size}",
    checksum: "چکیدهٔ فایل",
    history: "نسخه‌ها",
    current: "جاری",
    this_one: "همین سند",
    replaced: "جایگزین‌شده در %{when}",
    removed: "حذف‌شده در %{when}: %{reason}",
    open: "باز کردن",
    claim: "خسارت",
    visit: "بازدید",
  },
  user: {
    head_office: "دفتر مرکزی (همهٔ شعبه‌ها)",
    covered_hospitals: "بیمارستان‌های تحت پوشش",
    never_signed_in: "هرگز وارد نشده",
    activity: "فعالیت در گزارش ممیزی",
    deactivate: "غیرفعال کردن",
    deactivate_title: "%{name} غیرفعال شود؟",
    deactivate_content: "دیگر نمی‌تواند وارد شود و نشست‌های باز او همین حالا پایان می‌یابد.",
    deactivated: "کاربر غیرفعال شد",
  },
  calendar: {
    holidays: "تعطیلات رسمی",
    previous_year: "سال قبل",
    next_year: "سال بعد",
    none: "برای %{year} تعطیلی رسمی ثبت نشده است.",
    days: "%{smart_count} روز |||| %{smart_count} روز",
    closures: "تعطیلی‌های %{year}",
    open_days: "روزهای کاری اضافه در %{year}",
    weekdays: "یکشنبه,دوشنبه,سه‌شنبه,چهارشنبه,پنجشنبه,جمعه,شنبه",
  },
  service_code: {
    not_used: "هنوز در هیچ دستوری درخواست یا در هیچ خسارتی صورت‌حساب نشده است.",
  },
};
