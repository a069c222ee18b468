import { defineScope } from "../../../platform/scoping/scope.js";
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
