/**
 * Visit visibility (SPEC §1, §8): a partner sees the visits at its organisation (field visits
 * at its hospital, appointments at its clinic or lab). Staff: a VISITOR sees the visits
 * assigned to them, a REVIEWER the field visits submitted for review (IN_REVIEW, RETURNED,
 * COMPLETED), BILLING the visits that produced a claim (their payout account); ADMIN and
 * OPERATOR see all. The same roles see the cases, patients and policies those visits need.
 */
import type { Hooks } from "../../platform/composition/hooks.js";
import { partnerOrStaff, rawWhere, type RowRole, type StaffRowRule } from "../../platform/scoping/scope.js";
import { caseStaffVisibility, caseVisibility } from "../case/case.scope.js";
import { patientStaffVisibility, patientVisibility } from "../patient/patient.scope.js";
import { policyStaffVisibility } from "../policy/policy.scope.js";
import { auditStaffVisibility } from "../audit/audit.scope.js";

/** SQL on a visit alias `v`: the field visits a reviewer works on. */
export const REVIEWABLE_VISIT = (v: string) =>
  `(${v}.kind = 'FIELD_VISIT' and ${v}.status in ('IN_REVIEW', 'RETURNED', 'COMPLETED'))`;
/** SQL on a visit alias `v`: the visits whose claims billing pays out. */
export const BILLED_VISIT = (v: string) => `(${v}.id in (select cl.source_visit_id from claim cl))`;

const staffVisitRules: Record<RowRole, StaffRowRule> = {
  VISITOR: (p) => ({ assignee: p.userId }),
  REVIEWER: () => rawWhere(REVIEWABLE_VISIT),
  BILLING: () => rawWhere(BILLED_VISIT),
};

export function registerVisitScopes(hooks: Hooks): void {
  hooks.defineScope(
    "Visit",
    partnerOrStaff((p) => ({ site: p.organizationId }), staffVisitRules),
  );

  hooks.defineScope(
    "VisitLiabilityLink",
    partnerOrStaff((p) => ({ visit: { site: p.organizationId } }), {
      VISITOR: (p) => ({ visit: { assignee: p.userId } }),
      REVIEWER: () =>
        rawWhere((a) => `exists (select 1 from visit v where v.id = ${a}.visit_id and ${REVIEWABLE_VISIT("v")})`),
      BILLING: () =>
        rawWhere((a) => `exists (select 1 from visit v where v.id = ${a}.visit_id and ${BILLED_VISIT("v")})`),
    }),
  );

  // A provider sees the case and the patient of an appointment booked at its organisation.
  hooks.add(caseVisibility, {
    from: "visit v",
    key: "v.case_id",
    where: (org) => ({ sql: "v.site_id = ? and v.case_id is not null", params: [org] }),
  });
  hooks.add(patientVisibility, {
    from: "visit v",
    key: "v.patient_id",
    where: (org) => ({ sql: "v.site_id = ?", params: [org] }),
  });

  // Staff: a visitor's and a reviewer's visits bring their case, their patient and the
  // policies that patient holds (the liability links are chosen among them).
  // A reviewer reads the audit trail of the field visits it reviews.
  hooks.add(auditStaffVisibility.REVIEWER, {
    from: "visit av",
    key: "av.id",
    where: () => ({ sql: REVIEWABLE_VISIT("av"), params: [] }),
  });

  const assigned = (userId: string) => ({ sql: "v.assignee_id = ?", params: [userId] });
  const reviewable = () => ({ sql: REVIEWABLE_VISIT("v"), params: [] });
  for (const [role, where] of [
    ["VISITOR", assigned],
    ["REVIEWER", reviewable],
  ] as const) {
    hooks.add(caseStaffVisibility[role], { from: "visit v", key: "v.case_id", where: (u) => where(u) });
    hooks.add(patientStaffVisibility[role], { from: "visit v", key: "v.patient_id", where: (u) => where(u) });
    hooks.add(policyStaffVisibility[role], {
      from: "policy_member pm join visit v on v.patient_id = pm.patient_id",
      key: "pm.policy_id",
      where: (u) => where(u),
    });
  }
}
