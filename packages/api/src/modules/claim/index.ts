import type { EntityClass } from "@mikro-orm/core";
import "./claim.scope.js";
import { caseVisibilitySources } from "../case/case.scope.js";
import { visitApprovedHandlers } from "../visit/visit.events.js";
import { ClaimLine } from "./claim-line.entity.js";
import { Claim } from "./claim.entity.js";
import { ClaimFieldsResolver, ClaimLineFieldsResolver } from "./claim-fields.resolver.js";
import { createClaimsForApprovedVisit } from "./claim-from-visit.js";
import { ClaimResolver } from "./claim.resolver.js";

export { flagOverdueClaim } from "./claim.overdue.js";
export { claimMachine } from "./claim.machine.js";

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [ClaimResolver, ClaimFieldsResolver, ClaimLineFieldsResolver];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [Claim, ClaimLine];

// An agency sees the cases of the claims it registered.
caseVisibilitySources.push({
  from: "claim cl",
  key: "cl.case_id",
  where: (org) => ({ sql: "cl.registered_by_id = ?", params: [org] }),
});

// 分案 → 理赔: an approved field visit gets one DRAFT claim per liability link.
visitApprovedHandlers.push(async (em, visitId, principal) => {
  await createClaimsForApprovedVisit(em, visitId, principal);
});
