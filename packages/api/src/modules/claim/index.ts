import type { DomainModule } from "../../platform/composition/module.js";
import { visitApproved } from "../visit/visit.events.js";
import { ClaimFieldsResolver, ClaimLineFieldsResolver } from "./claim-fields.resolver.js";
import { createClaimsForApprovedVisit } from "./claim-from-visit.js";
import { ClaimLine } from "./claim-line.entity.js";
import { Claim } from "./claim.entity.js";
import { ClaimResolver } from "./claim.resolver.js";
import { registerClaimScopes } from "./claim.scope.js";
import { registerClaimReads } from "./claim.read.js";

/** Claims: lifecycle, lines, the claim engine (engine/), deadlines. */
export const claimModule: DomainModule = {
  name: "claim",
  entities: [Claim, ClaimLine],
  resolvers: [ClaimResolver, ClaimFieldsResolver, ClaimLineFieldsResolver],
  register(hooks) {
    registerClaimScopes(hooks);
    registerClaimReads(hooks);
    // 分案 → 理赔: an approved field visit gets one DRAFT claim per liability link.
    hooks.add(visitApproved, async (em, visitId, principal) => {
      await createClaimsForApprovedVisit(em, visitId, principal);
    });
  },
};
