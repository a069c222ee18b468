import { defineScope } from "../../../platform/scoping/scope.js";
import { patientVisibilitySources } from "../patient/patient.scope.js";
import type { Principal } from "../../../platform/auth/principal.js";

/** Staff see every policy; an insurer its own; other partners none (coverage is the insurer's business). */
function insurerOrg(p: Principal): string | "ALL" | "NONE" {
  if (p.kind === "STAFF" || p.kind === "SYSTEM") return "ALL";
  if (p.kind === "PARTNER" && p.organizationKind === "INSURER") return p.organizationId;
  return "NONE";
}

defineScope("Policy", (p) => {
  const org = insurerOrg(p);
  return org === "ALL" || org === "NONE" ? org : { insurer: org };
});

for (const child of ["Liability", "PolicyMember", "PolicyNetworkProvider"]) {
  defineScope(child, (p) => {
    const org = insurerOrg(p);
    return org === "ALL" || org === "NONE" ? org : { policy: { insurer: org } };
  });
}

/**
 * An insurer sees the patients who declared one of its policy numbers at intake, so it can
 * verify the declaration and confirm it (addPolicyMember); the registering partner chose
 * to name that insurer. Nobody else learns anything from a declared number.
 */
patientVisibilitySources.push({
  from: "patient dp join policy dpo on dpo.number = dp.declared_policy_number",
  key: "dp.id",
  where: (org) => ({ sql: "dpo.insurer_id = ?", params: [org] }),
});
