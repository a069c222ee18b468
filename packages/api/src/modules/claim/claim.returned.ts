import type { EntityManager } from "@mikro-orm/postgresql";
import { refId } from "../../platform/graphql/loaders.js";
import { Organization } from "../organization/organization.entity.js";
import { noticeLanguage, type Localized, type NoticeText } from "../notification/notice-language.js";
import { enqueueNotification } from "../notification/outbox.js";
import { deliveryDueAt } from "./claim.deadline.js";
import { returnReasonsText } from "./return-reasons.js";
import type { Claim, ClaimReturnReason } from "./claim.entity.js";

export interface ClaimReturnedVars {
  number: string;
  /** The new delivery deadline, a calendar day (YYYY-MM-DD) in the agency's time zone. */
  due: string;
  /** The reviewer's reasons in the notice's language (returnReasonsText), joined by "; ". */
  reasons: string;
}

/** Template `claim-returned`, to the registering organisation (Persian seed clauses 6–7: اعاده با ذکر دلایل). */
export const CLAIM_RETURNED: Localized<(v: ClaimReturnedVars) => NoticeText> = {
  es: (v) => ({
    subject: `Reclamo ${v.number} devuelto`,
    body: `La oficina de revisión devolvió el reclamo ${v.number}: ${v.reasons}. Corríjalo y vuelva a entregarlo a más tardar el ${v.due} (15 días hábiles desde la devolución).`,
  }),
  en: (v) => ({
    subject: `Claim ${v.number} returned`,
    body: `The review office returned claim ${v.number}: ${v.reasons}. Correct it and deliver it again by ${v.due} (15 working days from the return).`,
  }),
  zh: (v) => ({
    subject: `理赔 ${v.number} 已退回`,
    body: `审核部门退回了理赔 ${v.number}：${v.reasons}。请补正后于 ${v.due} 前（退回后 15 个工作日内）重新提交。`,
  }),
  fa: (v) => ({
    subject: `پرونده خسارت ${v.number} اعاده شد`,
    body: `دفتر رسیدگی به اسناد پزشکی پرونده خسارت ${v.number} را اعاده کرد: ${v.reasons}. پس از تکمیل مدارک و ویرایش اطلاعات، آن را تا ${v.due} (۱۵ روز کاری از تاریخ اعاده) مجدداً تحویل دهید.`,
  }),
  bg: (v) => ({
    subject: `Претенция ${v.number} е върната`,
    body: `Отделът за преглед върна претенция ${v.number}: ${v.reasons}. Коригирайте я и я подайте отново до ${v.due} (15 работни дни от връщането).`,
  }),
};

/** The local calendar day of an instant in a time zone, YYYY-MM-DD. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/**
 * RETURN gives the registering organisation 15 fresh working days of its calendar from
 * the return (clause 7 sends the corrected file back "under clause 5"). The deadline
 * moves, the overdue flag clears so that only the new deadline can raise it again, a new
 * window is recorded, and the organisation is told by e-mail or SMS in its language.
 * Runs inside the RETURN transition, in its transaction.
 */
export async function reopenDeliveryWindow(
  em: EntityManager,
  claim: Claim,
  reasons: readonly ClaimReturnReason[],
  now: Date,
): Promise<void> {
  const org = await em.findOneOrFail(Organization, { id: refId(claim.registeredBy)! }, { filters: false });
  const due = await deliveryDueAt(em, org, now);
  claim.deliveryDueAt = due;
  claim.overdueFlaggedAt = null;
  claim.deliveryWindows = [
    ...claim.deliveryWindows,
    { opensBy: "RETURN", opensAt: now.toISOString(), dueAt: due.toISOString() },
  ];

  const recipient = org.email ?? org.phone ?? null;
  if (!recipient) return;
  const language = noticeLanguage(org.language);
  const { subject, body } = CLAIM_RETURNED[language]({
    number: claim.number,
    due: localDay(due, org.timeZone),
    reasons: returnReasonsText(reasons, language),
  });
  await enqueueNotification(em, {
    channel: org.email ? "EMAIL" : "SMS",
    recipient,
    template: "claim-returned",
    language,
    subject,
    body,
    // One notice per return: the window count tells this return from the previous ones.
    dedupeKey: `claim-returned:${claim.id}:${claim.deliveryWindows.length}`,
    organizationId: org.id,
    relatedType: "Claim",
    relatedId: claim.id,
  });
}

/** SUBMIT closes the open window; the first SUBMIT also records deliveredOnTime as before. */
export function closeDeliveryWindow(claim: Claim, now: Date): void {
  const open = claim.deliveryWindows.at(-1);
  if (!open || open.deliveredAt) return;
  claim.deliveryWindows = [...claim.deliveryWindows.slice(0, -1), { ...open, deliveredAt: now.toISOString() }];
}
