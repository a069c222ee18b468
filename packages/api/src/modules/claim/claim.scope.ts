/**
 * Claim visibility (SPEC §1, §8): a partner (agency, hospital) sees the claims it registered,
 * their lines and payments. Staff: BILLING sees every claim, line and payment (collections
 * and settlement are its work); a REVIEWER the claims submitted for review (SUBMITTED on,
 * including those returned and resubmitted) with their lines, not the payments; a VISITOR
 * none. ADMIN and OPERATOR see all.
 */
import type { Hooks } from "../../platform/composition/hooks.js";
import { partnerOrStaff, rawWhere } from "../../platform/scoping/scope.js";
import { caseStaffVisibility, caseVisibility } from "../case/case.scope.js";
import { policyStaffVisibility } from "../policy/policy.scope.js";

/** SQL on a claim alias `c`: the claims a reviewer works on. */
const SUBMITTED_CLAIM = (c: string) =>
  `(${c}.status not in ('DRAFT', 'CANCELLED') or ${c}.first_submitted_at is not null)`;

export function registerClaimScopes(hooks: Hooks): void {
  hooks.defineScope(
    "Claim",
    partnerOrStaff((p) => ({ registeredBy: p.organizationId }), {
      BILLING: () => "ALL",
      REVIEWER: () => rawWhere(SUBMITTED_CLAIM),
    }),
  );
  hooks.defineScope(
    "ClaimLine",
    partnerOrStaff((p) => ({ claim: { registeredBy: p.organizationId } }), {
      BILLING: () => "ALL",
      REVIEWER: () =>
        rawWhere((a) => `exists (select 1 from claim c where c.id = ${a}.claim_id and ${SUBMITTED_CLAIM("c")})`),
    }),
  );
  hooks.defineScope(
    "Payment",
    partnerOrStaff((p) => ({ organization: p.organizationId }), { BILLING: () => "ALL" }),
  );

  // A claim brings its case (and so its patient) and its policy.
  hooks.add(caseStaffVisibility.BILLING, {
    from: "claim cl",
    key: "cl.case_id",
    where: () => ({ sql: "true", params: [] }),
  });
  hooks.add(caseStaffVisibility.REVIEWER, {
    from: "claim cl",
    key: "cl.case_id",
    where: () => ({ sql: SUBMITTED_CLAIM("cl"), params: [] }),
  });
  hooks.add(policyStaffVisibility.BILLING, {
    from: "claim cl",
    key: "cl.policy_id",
    where: () => ({ sql: "true", params: [] }),
  });
  hooks.add(policyStaffVisibility.REVIEWER, {
    from: "claim cl",
    key: "cl.policy_id",
    where: () => ({ sql: SUBMITTED_CLAIM("cl"), params: [] }),
  });

  // An agency sees the cases of the claims it registered.
  hooks.add(caseVisibility, {
    from: "claim cl",
    key: "cl.case_id",
    where: (org) => ({ sql: "cl.registered_by_id = ?", params: [org] }),
  });
}
