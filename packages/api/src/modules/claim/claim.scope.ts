/**
 * Claim visibility (SPEC §1, §8): a partner (agency, hospital) sees the claims it registered,
 * their lines and payments. Staff: BILLING sees every claim, line and payment (collections
 * and settlement are its work); a REVIEWER the claims submitted for review (SUBMITTED on,
 * including those returned and resubmitted) with their lines, not the payments; a VISITOR
 * none. ADMIN and OPERATOR see all.
 */
import { defineScope, partnerOrStaff, rawWhere } from "../../platform/scoping/scope.js";
import { caseStaffSources } from "../case/case.scope.js";
import { policyStaffSources } from "../policy/policy.scope.js";

/** SQL on a claim alias `c`: the claims a reviewer works on. */
const SUBMITTED_CLAIM = (c: string) =>
  `(${c}.status not in ('DRAFT', 'CANCELLED') or ${c}.first_submitted_at is not null)`;

defineScope(
  "Claim",
  partnerOrStaff((p) => ({ registeredBy: p.organizationId }), {
    BILLING: () => "ALL",
    REVIEWER: () => rawWhere(SUBMITTED_CLAIM),
  }),
);
defineScope(
  "ClaimLine",
  partnerOrStaff((p) => ({ claim: { registeredBy: p.organizationId } }), {
    BILLING: () => "ALL",
    REVIEWER: () =>
      rawWhere((a) => `exists (select 1 from claim c where c.id = ${a}.claim_id and ${SUBMITTED_CLAIM("c")})`),
  }),
);
defineScope(
  "Payment",
  partnerOrStaff((p) => ({ organization: p.organizationId }), { BILLING: () => "ALL" }),
);

// A claim brings its case (and so its patient) and its policy.
caseStaffSources.BILLING.push({ from: "claim cl", key: "cl.case_id", where: () => ({ sql: "true", params: [] }) });
caseStaffSources.REVIEWER.push({
  from: "claim cl",
  key: "cl.case_id",
  where: () => ({ sql: SUBMITTED_CLAIM("cl"), params: [] }),
});
policyStaffSources.BILLING.push({ from: "claim cl", key: "cl.policy_id", where: () => ({ sql: "true", params: [] }) });
policyStaffSources.REVIEWER.push({
  from: "claim cl",
  key: "cl.policy_id",
  where: () => ({ sql: SUBMITTED_CLAIM("cl"), params: [] }),
});
