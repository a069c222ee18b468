import type { Localized, NoticeText } from "@clinigraph/api/domain";

export const ENDPOINT_DISABLED_TEMPLATE = "webhook.endpoint_disabled";

export interface EndpointDisabledVars {
  url: string;
  endpointId: string;
}

// The GraphQL snippets stay in English in every language: partners paste them as they are.
const reenable = (v: EndpointDisabledVars) =>
  `updateWebhookEndpoint(input: { id: "${v.endpointId}", active: true, … })`;
const missed = "webhookDeliveries(filter: { status: [FAILED] })";

/** Template `webhook.endpoint_disabled`: the e-mail to the organisation whose endpoint was switched off. */
export const ENDPOINT_DISABLED: Localized<(v: EndpointDisabledVars) => NoticeText> = {
  es: (v) => ({
    subject: "Clinigraph: endpoint de webhook desactivado",
    body:
      `Todas las entregas a su endpoint de webhook ${v.url} han fallado durante 24 horas, así que dejamos de enviarle eventos.\n` +
      `Corrija el endpoint, reactívelo con ${reenable(v)} ` +
      `y use redeliverWebhook para las entregas que no recibió (${missed}).`,
  }),
  en: (v) => ({
    subject: "Clinigraph webhook endpoint disabled",
    body:
      `Every delivery to your webhook endpoint ${v.url} has failed for 24 hours, so we stopped sending to it.\n` +
      `Fix the endpoint, re-enable it with ${reenable(v)} ` +
      `and use redeliverWebhook for the deliveries you missed (${missed}).`,
  }),
  zh: (v) => ({
    subject: "Clinigraph：Webhook 端点已停用",
    body:
      `发往您的 Webhook 端点 ${v.url} 的推送已连续失败 24 小时，我们已停止向其发送。\n` +
      `请修复该端点，用 ${reenable(v)} 重新启用，` +
      `并用 redeliverWebhook 补发您错过的推送（${missed}）。`,
  }),
  fa: (v) => ({
    subject: "Clinigraph: نشانی وب‌هوک شما غیرفعال شد",
    body:
      `همهٔ ارسال‌ها به نشانی وب‌هوک شما ${v.url} به مدت ۲۴ ساعت ناموفق بوده است، بنابراین ارسال به آن را متوقف کردیم.\n` +
      `لطفاً نشانی را اصلاح کنید، آن را با ${reenable(v)} دوباره فعال کنید ` +
      `و برای ارسال‌هایی که دریافت نکرده‌اید از redeliverWebhook استفاده کنید (${missed}).`,
  }),
  bg: (v) => ({
    subject: "Clinigraph: уебхук адресът ви е деактивиран",
    body:
      `Всички доставки до вашия уебхук адрес ${v.url} са неуспешни от 24 часа, затова спряхме да изпращаме към него.\n` +
      `Отстранете проблема, активирайте адреса отново с ${reenable(v)} ` +
      `и използвайте redeliverWebhook за пропуснатите доставки (${missed}).`,
  }),
};
