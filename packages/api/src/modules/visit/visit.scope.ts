/**
 * Visit visibility (SPEC §1): a partner sees the visits at its organisation (field visits at
 * its hospital, appointments at its clinic or lab); a staff member whose only role is
 * VISITOR sees the visits assigned to them; other staff see all.
 */
import { defineScope, type ScopeCondition } from "../../platform/scoping/scope.js";
import type { Principal } from "../../platform/auth/principal.js";
import { caseVisibilitySources } from "../case/case.scope.js";
import { patientVisibilitySources } from "../reference/patient/patient.scope.js";

export function isVisitorOnly(p: Principal): boolean {
  return p.kind === "STAFF" && p.roles.length > 0 && p.roles.every((r) => r === "VISITOR");
}

function visitCondition(p: Principal): ScopeCondition {
  if (p.kind === "PARTNER") return { site: p.organizationId };
  if (p.kind !== "STAFF") return "NONE";
  return isVisitorOnly(p) ? { assignee: p.userId } : "ALL";
}

defineScope("Visit", visitCondition);

defineScope("VisitLiabilityLink", (p) => {
  const cond = visitCondition(p);
  return typeof cond === "string" ? cond : { visit: cond };
});

// A provider sees the case and the patient of an appointment booked at its organisation.
caseVisibilitySources.push({
  from: "visit v",
  key: "v.case_id",
  where: (org) => ({ sql: "v.site_id = ? and v.case_id is not null", params: [org] }),
});
patientVisibilitySources.push({
  from: "visit v",
  key: "v.patient_id",
  where: (org) => ({ sql: "v.site_id = ?", params: [org] }),
});
