/**
 * Claim visibility (SPEC §1, §8): a partner (agency, clinic, hospital) sees the claims it
 * registered, their lines and payments; an insurer the claims under its policies, with their
 * lines, payments and cases (it records its remittances against them). Staff: BILLING sees every claim, line and payment (collections
 * and settlement are its work); a REVIEWER the claims submitted for review (SUBMITTED on,
 * including those returned and resubmitted) with their lines, not the payments; a VISITOR
 * none. ADMIN and OPERATOR see all.
 */
import type { Hooks } from "../../platform/composition/hooks.js";
import { partnerOrStaff, rawWhere } from "../../platform/scoping/scope.js";
import { caseStaffVisibility, caseVisibility } from "../case/case.scope.js";
import { policyStaffVisibility } from "../policy/policy.scope.js";
import { auditStaffVisibility } from "../audit/audit.scope.js";

/** SQL on a claim alias `c`: the claims a reviewer works on. */
export const SUBMITTED_CLAIM = (c: string) =>
  `(${c}.status not in ('DRAFT', 'CANCELLED') or ${c}.first_submitted_at is not null)`;

/** SQL on a claim alias: the claim is under a policy of insurer `?`. */
const UNDER_INSURER = (c: string) =>
  `exists (select 1 from policy po where po.id = ${c}.policy_id and po.insurer_id = ?)`;

/** SQL on a claim alias: an insurer's claim, i.e. registered by it or under its policies (params: org, org). */
export const INSURER_CLAIM = (c: string) => `(${c}.registered_by_id = ? or ${UNDER_INSURER(c)})`;

export function registerClaimScopes(hooks: Hooks): void {
  hooks.defineScope(
    "Claim",
    partnerOrStaff(
      (p) =>
        p.organizationKind === "INSURER"
          ? rawWhere(INSURER_CLAIM, [p.organizationId, p.organizationId])
          : { registeredBy: p.organizationId },
      {
        BILLING: () => "ALL",
        REVIEWER: () => rawWhere(SUBMITTED_CLAIM),
      },
    ),
  );
  hooks.defineScope(
    "ClaimLine",
    partnerOrStaff(
      (p) =>
        p.organizationKind === "INSURER"
          ? rawWhere(
              (a) => `exists (select 1 from claim c where c.id = ${a}.claim_id and ${INSURER_CLAIM("c")})`,
              [p.organizationId, p.organizationId],
            )
          : { claim: { registeredBy: p.organizationId } },
      {
        BILLING: () => "ALL",
        REVIEWER: () =>
          rawWhere((a) => `exists (select 1 from claim c where c.id = ${a}.claim_id and ${SUBMITTED_CLAIM("c")})`),
      },
    ),
  );
  hooks.defineScope(
    "Payment",
    partnerOrStaff(
      (p) =>
        p.organizationKind === "INSURER"
          ? rawWhere(
              (a) =>
                `(${a}.organization_id = ? or exists (select 1 from claim c where c.id = ${a}.claim_id and ${UNDER_INSURER("c")}))`,
              [p.organizationId, p.organizationId],
            )
          : { organization: p.organizationId },
      { BILLING: () => "ALL" },
    ),
  );

  // An insurer sees the cases (and so the patients) of the claims under its policies.
  hooks.add(caseVisibility, {
    from: "claim icl join policy ipo on ipo.id = icl.policy_id",
    key: "icl.case_id",
    where: (org) => ({ sql: "ipo.insurer_id = ?", params: [org] }),
  });

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

  // A reviewer reads the audit trail of the claims it reviews.
  hooks.add(auditStaffVisibility.REVIEWER, {
    from: "claim acl",
    key: "acl.id",
    where: () => ({ sql: SUBMITTED_CLAIM("acl"), params: [] }),
  });

  // An agency sees the cases of the claims it registered.
  hooks.add(caseVisibility, {
    from: "claim cl",
    key: "cl.case_id",
    where: (org) => ({ sql: "cl.registered_by_id = ?", params: [org] }),
  });
}
