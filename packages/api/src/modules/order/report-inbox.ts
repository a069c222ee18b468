import type { EntityManager } from "@mikro-orm/postgresql";
import { noticeLanguage, type Localized, type NoticeText } from "../notification/notice-language.js";
import { enqueueNotifications, type OutboxMessage } from "../notification/outbox.js";
import { REPORT_DIGEST_TEMPLATE, REPORT_INBOX_RULE, awaitingSql } from "./report-inbox.rule.js";

const RULE = REPORT_INBOX_RULE.digest;

export interface DigestVars {
  /** Reports that arrived in the window (all, not only the listed ones). */
  count: number;
  /** "ORD-2026-000123 (final)" lines, at most RULE.maxListed. */
  lines: string[];
  /** How many more than listed. */
  more: number;
  consoleUrl: string;
}

const KIND: Localized<Record<string, string>> = {
  es: { PRELIMINARY: "preliminar", FINAL: "final" },
  en: { PRELIMINARY: "preliminary", FINAL: "final" },
  zh: { PRELIMINARY: "初步", FINAL: "最终" },
  fa: { PRELIMINARY: "مقدماتی", FINAL: "نهایی" },
  bg: { PRELIMINARY: "предварителен", FINAL: "окончателен" },
};

const list = (v: DigestVars, more: string) => [...v.lines, ...(v.more > 0 ? [more] : [])].join("\n");

/** Template `report-digest`, by e-mail to operator staff. */
export const REPORT_DIGEST: Localized<(v: DigestVars) => NoticeText> = {
  es: (v) => ({
    subject: `${v.count} informe(s) nuevo(s) por revisar`,
    body: `Llegaron ${v.count} informe(s) de prestadores en la última hora:\n${list(v, `… y ${v.more} más`)}\nRevíselos en ${v.consoleUrl}`,
  }),
  en: (v) => ({
    subject: `${v.count} new report(s) to review`,
    body: `${v.count} report(s) arrived from providers in the last hour:\n${list(v, `… and ${v.more} more`)}\nReview them at ${v.consoleUrl}`,
  }),
  zh: (v) => ({
    subject: `${v.count} 份新报告待审阅`,
    body: `过去一小时收到合作方的 ${v.count} 份报告：\n${list(v, `…… 另有 ${v.more} 份`)}\n请在 ${v.consoleUrl} 审阅`,
  }),
  fa: (v) => ({
    subject: `${v.count} گزارش جدید برای بررسی`,
    body: `در یک ساعت گذشته ${v.count} گزارش از ارائه‌دهندگان رسید:\n${list(v, `… و ${v.more} مورد دیگر`)}\nدر ${v.consoleUrl} بررسی کنید`,
  }),
  bg: (v) => ({
    subject: `${v.count} нов(и) доклад(а) за преглед`,
    body: `През последния час пристигнаха ${v.count} доклад(а) от изпълнители:\n${list(v, `… и още ${v.more}`)}\nПрегледайте ги на ${v.consoleUrl}`,
  }),
};

interface DigestRow {
  user_id: string;
  email: string;
  language: string;
  number: string;
  kind: string;
}

/** The window a run at `now` covers: the whole period before the period `now` falls in. */
export function digestWindow(now: Date): { from: Date; to: Date } {
  const period = RULE.periodMinutes * 60_000;
  const to = new Date(Math.floor(now.getTime() / period) * period);
  return { from: new Date(to.getTime() - period), to };
}

/**
 * Queues one digest e-mail per operator staff member (REPORT_INBOX_RULE.digest) naming the
 * reports that arrived in the window and still await the operator, among the orders of
 * their branches (head office: all). The dedupe key names the recipient and the window, so
 * a retried or doubled run (two worker replicas) queues each digest once. Returns how many
 * messages were queued now.
 */
export async function queueReportDigests(em: EntityManager, now: Date, consoleUrl: string): Promise<number> {
  const { from, to } = digestWindow(now);
  const rows = await em.getConnection().execute<DigestRow[]>(
    `select u.id as user_id, u.email, u.language, o.number, r.kind
       from app_user u
       join organization org on org.id = u.organization_id and org.kind = 'OPERATOR'
       join order_report r on r.created_at >= ? and r.created_at < ?
       join attention_order o on o.id = r.order_id
       join medical_case c on c.id = o.case_id
      where u.active and jsonb_exists_any(u.roles, ?::text[]) and ${awaitingSql("r", "o")}
        and (not exists (select 1 from user_branch ub where ub.user_id = u.id)
             or exists (select 1 from user_branch ub where ub.user_id = u.id and ub.branch_id = c.branch_id))
      order by u.id, r.created_at, r.id`,
    [from, to, `{${RULE.roles.join(",")}}`],
  );
  const byUser = new Map<string, DigestRow[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const messages: OutboxMessage[] = [...byUser.values()].map((reports) => {
    const { user_id, email } = reports[0]!;
    const language = noticeLanguage(reports[0]!.language);
    const listed = reports.slice(0, RULE.maxListed);
    const { subject, body } = REPORT_DIGEST[language]({
      count: reports.length,
      lines: listed.map((r) => `${r.number} (${KIND[language][r.kind] ?? r.kind})`),
      more: reports.length - listed.length,
      consoleUrl,
    });
    return {
      channel: "EMAIL",
      recipient: email,
      template: REPORT_DIGEST_TEMPLATE,
      language,
      subject,
      body,
      dedupeKey: `${REPORT_DIGEST_TEMPLATE}:${user_id}:${from.toISOString()}`,
      relatedType: "User",
      relatedId: user_id,
    };
  });
  const ids = await enqueueNotifications(em, messages);
  return ids.filter((id) => id !== null).length;
}
