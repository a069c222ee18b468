import type { EntityManager } from "@mikro-orm/postgresql";
import { noticeLanguage, type Localized, type NoticeText } from "../notification/notice-language.js";
import { enqueueNotification } from "../notification/outbox.js";
import { Organization } from "../organization/organization.entity.js";
import { refId } from "../../platform/graphql/loaders.js";
import type { Order } from "./order.entity.js";
import { rejectionLabel } from "./rejection-reasons.js";

export interface OrderRejectedVars {
  number: string;
  /** The reason code's label, already in the notice's language. */
  label: string;
  /** The operator's own words, as typed. */
  reason: string;
}

/** Template `order-rejected`, by e-mail and SMS to the provider organisation. */
export const ORDER_REJECTED: Localized<(v: OrderRejectedVars) => NoticeText> = {
  es: (v) => ({
    subject: `Orden ${v.number} rechazada`,
    body: `La orden de atención ${v.number} fue rechazada: ${v.label}. ${v.reason} Corrija el informe final y reenvíelo.`,
  }),
  en: (v) => ({
    subject: `Order ${v.number} rejected`,
    body: `Attention order ${v.number} was rejected: ${v.label}. ${v.reason} Correct the final report and resubmit it.`,
  }),
  zh: (v) => ({
    subject: `工单 ${v.number} 已被驳回`,
    body: `工单 ${v.number} 已被驳回：${v.label}。${v.reason} 请更正最终报告后重新提交。`,
  }),
  fa: (v) => ({
    subject: `دستور ${v.number} رد شد`,
    body: `دستور ${v.number} رد شد: ${v.label}. ${v.reason} لطفاً گزارش نهایی را اصلاح و مجدداً ارسال کنید.`,
  }),
  bg: (v) => ({
    subject: `Направление ${v.number} е отхвърлено`,
    body: `Направление ${v.number} беше отхвърлено: ${v.label}. ${v.reason} Коригирайте окончателния доклад и го изпратете отново.`,
  }),
};

/**
 * Tells the provider organisation why its report was rejected, by e-mail and/or SMS
 * depending on the contacts it has. The dedupe key names the rejection (orders can be
 * rejected more than once), so a retried transaction never queues a second message.
 */
export async function notifyOrderRejected(
  em: EntityManager,
  order: Order,
  reasonCode: string,
  reason: string,
): Promise<void> {
  const org = await em.findOne(Organization, { id: refId(order.provider)! });
  if (!org) return;
  const language = noticeLanguage(org.language);
  const { subject, body } = ORDER_REJECTED[language]({
    number: order.number,
    label: rejectionLabel(reasonCode, language),
    reason: reason.trim(),
  });
  const common = {
    template: "order-rejected",
    language,
    organizationId: org.id,
    relatedType: "Order" as const,
    relatedId: order.id,
  };
  const key = `order-rejected:${order.id}:${order.rejectionCount}`;
  if (org.email) {
    await enqueueNotification(em, {
      ...common,
      channel: "EMAIL",
      recipient: org.email,
      subject,
      body,
      dedupeKey: `${key}:email`,
    });
  }
  if (org.phone) {
    await enqueueNotification(em, { ...common, channel: "SMS", recipient: org.phone, body, dedupeKey: `${key}:sms` });
  }
}
