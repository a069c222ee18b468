import type { RaMessages } from "../types";

/** react-admin messages that the Persian pack leaves with English words in them. */
export const ra: RaMessages = {
  ra: {
    notification: { data_provider_error: "خطای ارائه‌دهنده داده. جزئیات را در کنسول مرورگر ببینید." },
    validation: { regex: "باید با قالب مشخص‌شده (عبارت باقاعده) مطابقت داشته باشد: %{pattern}" },
    guesser: { empty: { message: "لطفاً ارائه‌دهنده داده را بررسی کنید" } },
  },
};
