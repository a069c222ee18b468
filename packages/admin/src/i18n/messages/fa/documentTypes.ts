import type { AppMessages } from "../types";

/** The console screen of the configurable document types (ADMIN). */
export const document_type_admin: AppMessages["clinigraph"]["document_type_admin"] = {
  create: "نوع مدرک جدید",
  edit: "ویرایش",
  code: "کد",
  code_hint: "حروف بزرگ، رقم و زیرخط؛ بعداً قابل تغییر نیست.",
  name: "نام",
  description: "توضیح",
  required_for: "پیش از ارسال خسارت‌های این نوع الزامی است",
  active: "فعال",
  position: "ترتیب",
  saved: "نوع مدرک ذخیره شد",
};
