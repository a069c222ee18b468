import type { Hooks } from "../../platform/composition/hooks.js";
import { partnerOrStaff, rawWhere } from "../../platform/scoping/scope.js";

export function registerNotificationScopes(hooks: Hooks): void {
  // The outbox holds phones, e-mails and message text: a VISITOR sees the messages sent to
  // them about their own visits; BILLING and REVIEWER are refused the outbox outright.
  hooks.defineScope(
    "Notification",
    partnerOrStaff((p) => ({ organizationId: p.organizationId }), {
      VISITOR: (p) =>
        rawWhere(
          (a) => `(${a}.related_type = 'Visit' and ${a}.related_id in (select v.id from visit v where v.assignee_id = ?)
          and ${a}.recipient = (select u.phone from app_user u where u.id = ?))`,
          [p.userId, p.userId],
        ),
    }),
  );
}
