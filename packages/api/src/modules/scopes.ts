/**
 * The row-scoping table (SPEC §1, §8): which rows of each entity a principal may see.
 * Partners see only rows that belong to their organisation; ADMIN and OPERATOR staff see
 * everything; VISITOR, BILLING and REVIEWER staff see what their role's rules grant.
 * Entities not listed here or in a module's *.scope.ts are staff-only bookkeeping.
 */
import { defineScope, partnerOrStaff, rawWhere } from "../platform/scoping/scope.js";

// The organisation directory is public to signed-in principals: partners need the names
// of the operator, hospitals and providers on their own rows.
defineScope("Organization", () => "ALL");
defineScope("ServiceCode", () => "ALL");
defineScope("WorkCalendar", () => "ALL");

// API keys are the administrators' (and each partner's own).
defineScope(
  "ApiKey",
  partnerOrStaff((p) => ({ organization: p.organizationId }), {}),
);

// The outbox holds phones, e-mails and message text: a VISITOR sees the messages sent to
// them about their own visits; BILLING and REVIEWER are refused the outbox outright.
defineScope(
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
