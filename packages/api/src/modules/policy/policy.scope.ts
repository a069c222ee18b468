import type { Hooks } from "../../platform/composition/hooks.js";
import {
  grantedTo,
  partnerOrStaff,
  ROW_ROLES,
  staffSourcePoints,
  staffSourcesIn,
  staffThrough,
  type RowRole,
  type StaffRowRule,
} from "../../platform/scoping/scope.js";
import { patientStaffVisibility, patientVisibility } from "../patient/patient.scope.js";

/**
 * Staff with a restricted role see the policies their work needs: a VISITOR those held by
 * the patients of their visits (to link liabilities), BILLING those of claims, a REVIEWER
 * those of what it reviews. The visit and claim modules add these sources.
 */
export const policyStaffVisibility = staffSourcePoints("policy");

// An insurer sees its own policies; other partners none (coverage is the insurer's business).
const insurerOnly =
  (cond: (org: string) => Record<string, unknown>) => (p: { organizationKind: string; organizationId: string }) =>
    p.organizationKind === "INSURER" ? cond(p.organizationId) : "NONE";

export function registerPolicyScopes(hooks: Hooks): void {
  const policyStaffSources = staffSourcesIn(hooks, policyStaffVisibility);
  const patientStaffSources = staffSourcesIn(hooks, patientStaffVisibility);
  hooks.defineScope(
    "Policy",
    partnerOrStaff(
      insurerOnly((org) => ({ insurer: org })),
      staffThrough(policyStaffSources, (a) => `${a}.id`),
    ),
  );

  for (const child of ["Liability", "PolicyNetworkProvider"])
    hooks.defineScope(
      child,
      partnerOrStaff(
        insurerOnly((org) => ({ policy: { insurer: org } })),
        staffThrough(policyStaffSources, (a) => `${a}.policy_id`),
      ),
    );

  // A membership names a patient: staff see it only when they see both its policy and its patient.
  const memberRules: Partial<Record<RowRole, StaffRowRule>> = {};
  for (const role of ROW_ROLES)
    memberRules[role] = (p, mode) => ({
      $and: [
        grantedTo(policyStaffSources[role], (a) => `${a}.policy_id`, p.userId, mode),
        grantedTo(patientStaffSources[role], (a) => `${a}.patient_id`, p.userId, mode),
      ],
    });
  hooks.defineScope(
    "PolicyMember",
    partnerOrStaff(
      insurerOnly((org) => ({ policy: { insurer: org } })),
      memberRules,
    ),
  );

  /**
   * An insurer sees the patients who declared one of its policy numbers at intake, so it can
   * verify the declaration and confirm it (addPolicyMember); the registering partner chose
   * to name that insurer. Nobody else learns anything from a declared number.
   */
  hooks.add(patientVisibility, {
    from: "patient dp join policy dpo on dpo.number = dp.declared_policy_number",
    key: "dp.id",
    where: (org) => ({ sql: "dpo.insurer_id = ?", params: [org] }),
  });
}
