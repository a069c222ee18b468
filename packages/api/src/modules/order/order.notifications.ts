import type { EntityManager } from "@mikro-orm/postgresql";
import { enqueueNotification } from "../notification/outbox.js";
import { Organization } from "../organization/organization.entity.js";
import { refId } from "../../platform/graphql/loaders.js";
import type { Order } from "./order.entity.js";
import { rejectionLabel } from "./rejection-reasons.js";

const TEXT = {
  es: {
    subject: (n: string) => `Orden ${n} rechazada`,
    body: (n: string, label: string, reason: string) =>
      `La orden de atención ${n} fue rechazada: ${label}. ${reason} Corrija el informe final y reenvíelo.`,
  },
  en: {
    subject: (n: string) => `Order ${n} rejected`,
    body: (n: string, label: string, reason: string) =>
      `Attention order ${n} was rejected: ${label}. ${reason} Correct the final report and resubmit it.`,
  },
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
  const language = org.language === "en" ? "en" : "es";
  const t = TEXT[language];
  const body = t.body(order.number, rejectionLabel(reasonCode, language), reason.trim());
  const common = {
    template: "order-rejected",
    language,
    organizationId: org.id,
    relatedType: "Order",
    relatedId: order.id,
  };
  const key = `order-rejected:${order.id}:${order.rejectionCount}`;
  if (org.email) {
    await enqueueNotification(em, {
      ...common,
      channel: "EMAIL",
      recipient: org.email,
      subject: t.subject(order.number),
      body,
      dedupeKey: `${key}:email`,
    });
  }
  if (org.phone) {
    await enqueueNotification(em, { ...common, channel: "SMS", recipient: org.phone, body, dedupeKey: `${key}:sms` });
  }
}
