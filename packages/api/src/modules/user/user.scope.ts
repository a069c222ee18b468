import { partnerOrStaff, rawWhere } from "../../platform/scoping/scope.js";
import type { Hooks } from "../../platform/composition/hooks.js";

export function registerUserScopes(hooks: Hooks): void {
  /**
   * Staff directory (names, e-mails, phones): a partner sees only its own organisation's
   * users (key and partner user alike), never the operator's staff. ADMIN and
   * OPERATOR see every user; a VISITOR or BILLING user only themselves; a REVIEWER also the
   * visitors of the visits it reviews (the visit's assignee).
   */
  hooks.defineScope(
    "User",
    partnerOrStaff((p) => ({ organization: p.organizationId }), {
      VISITOR: (p) => ({ id: p.userId }),
      BILLING: (p) => ({ id: p.userId }),
      REVIEWER: (p) =>
        rawWhere(
          (a) => `(${a}.id = ? or ${a}.id in (select v.assignee_id from visit v where v.kind = 'FIELD_VISIT'
          and v.status in ('IN_REVIEW', 'RETURNED', 'COMPLETED')))`,
          [p.userId],
        ),
    }),
  );

  // Which hospitals a visitor covers: the operators' assignment tool; a visitor sees their own.
  hooks.defineScope(
    "VisitorHospital",
    partnerOrStaff(() => "NONE", { VISITOR: (p) => ({ visitor: p.userId }) }),
  );
}
