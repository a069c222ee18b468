import type { EntityManager } from "@mikro-orm/postgresql";
import { SYSTEM } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Organization } from "../organization/organization.entity.js";
import { noticeLanguage, type Localized, type NoticeText } from "../notification/notice-language.js";
import { enqueueNotification } from "../notification/outbox.js";
import { OPEN_FOR_EDIT } from "./claim.enums.js";

export interface ClaimOverdueVars {
  number: string;
  /** The delivery deadline, a calendar day (YYYY-MM-DD). */
  due: string;
}

/** Template `claim-overdue`, to the registering organisation (the agency, خسارت seed step 5). */
export const CLAIM_OVERDUE: Localized<(v: ClaimOverdueVars) => NoticeText> = {
  es: (v) => ({
    subject: `Reclamo ${v.number} vencido`,
    body: `El reclamo ${v.number} debía entregarse a la oficina de revisión a más tardar el ${v.due} (15 días hábiles desde su registro) y no se ha entregado.`,
  }),
  en: (v) => ({
    subject: `Claim ${v.number} is overdue`,
    body: `Claim ${v.number} was due at the review office by ${v.due} (15 working days after registration) and has not been delivered.`,
  }),
  zh: (v) => ({
    subject: `理赔 ${v.number} 已逾期`,
    body: `理赔 ${v.number} 应于 ${v.due} 前（登记后 15 个工作日内）提交审核，目前尚未提交。`,
  }),
  fa: (v) => ({
    subject: `مهلت تحویل خسارت ${v.number} گذشته است`,
    body: `پرونده خسارت ${v.number} می‌بایست تا ${v.due} (۱۵ روز کاری پس از ثبت) به دفتر رسیدگی به اسناد پزشکی تحویل داده می‌شد و هنوز تحویل نشده است.`,
  }),
  bg: (v) => ({
    subject: `Претенция ${v.number} е просрочена`,
    body: `Претенция ${v.number} трябваше да бъде подадена за преглед до ${v.due} (15 работни дни след регистрацията) и все още не е подадена.`,
  }),
};

interface FlaggedRow {
  id: string;
  number: string;
  registered_by_id: string;
  delivery_due_at: Date;
}

/**
 * Flags one claim that is still DRAFT or RETURNED after its deliveryDueAt, once, and
 * queues one message to the registering organisation (dedupe key claim-overdue:<id>:<due>).
 * A RETURN clears the flag and moves the deadline, so the new deadline can raise it again.
 * Called by the expiration worker with a SYSTEM EntityManager inside its transaction.
 *
 * A conditional UPDATE does the check and the write in one statement, so two workers
 * racing on the same claim flag it once. It leaves `version` alone on purpose: the flag
 * is the system's annotation, and bumping the version would make the agency's
 * in-flight correction of the same claim fail as stale.
 *
 * Returns true when this call flagged the claim.
 */
export async function flagOverdueClaim(em: EntityManager, claimId: string, now: Date): Promise<boolean> {
  const rows = await em.execute<FlaggedRow[]>(
    `update claim set overdue_flagged_at = ?
      where id = ? and overdue_flagged_at is null and delivery_due_at < ? and status in (${OPEN_FOR_EDIT.map(() => "?").join(", ")})
      returning id, number, registered_by_id, delivery_due_at`,
    [now, claimId, now, ...OPEN_FOR_EDIT],
  );
  const row = rows[0];
  if (!row) return false;

  const org = await em.findOne(Organization, { id: row.registered_by_id }, { filters: false });
  const recipient = org?.email ?? org?.phone ?? null;
  if (org && recipient) {
    const language = noticeLanguage(org.language);
    const { subject, body } = CLAIM_OVERDUE[language]({
      number: row.number,
      due: new Date(row.delivery_due_at).toISOString().slice(0, 10),
    });
    await enqueueNotification(em, {
      channel: org.email ? "EMAIL" : "SMS",
      recipient,
      template: "claim-overdue",
      language,
      subject,
      body,
      // One notice per deadline: a RETURN opens a new window whose own overdue gets its own notice.
      dedupeKey: `claim-overdue:${row.id}:${new Date(row.delivery_due_at).toISOString()}`,
      organizationId: org.id,
      relatedType: "Claim",
      relatedId: row.id,
    });
  }
  recordAudit(em, SYSTEM, null, {
    action: "claim.overdue",
    entityType: "Claim",
    entityId: row.id,
    changes: { overdueFlaggedAt: now.toISOString(), notified: !!recipient },
  });
  await em.flush();
  return true;
}
