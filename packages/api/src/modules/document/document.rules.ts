import { isStaff, type Principal } from "../../platform/auth/principal.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import type { Case } from "../case/case.entity.js";
import type { Claim } from "../claim/claim.entity.js";
import { OPEN_FOR_EDIT } from "../claim/claim.enums.js";
import type { Visit } from "../visit/visit.entity.js";
import { ClaimErrorCode } from "../claim/claim.errors.js";

export type DocumentOwner =
  { kind: "claim"; claim: Claim } | { kind: "visit"; visit: Visit } | { kind: "case"; kase: Case };

/**
 * Who files documents where (SPEC §8 "Documents"), in one place. Reading follows the
 * owner (document.scope.ts); filing is narrower:
 * - a claim's: its registering organisation while it may still edit it (DRAFT, RETURNED);
 *   an insurer that reads the claim files nothing;
 * - a visit's: the visitor assigned to it, or the organisation it takes place at;
 * - a case's own: its registering organisation or its hospital;
 * - OPERATOR (and ADMIN) staff file anywhere, at any stage (materials arriving by post).
 * The owner was read through the caller's scope: a foreign owner already answered NOT_FOUND.
 */
export function assertMayAttach(principal: Principal, owner: DocumentOwner): void {
  const userId = principal.kind === "STAFF" ? principal.userId : null;
  if (isStaff(principal, "OPERATOR") || principal.kind === "SYSTEM") return;
  const org = principal.kind === "PARTNER" ? principal.organizationId : null;
  switch (owner.kind) {
    case "claim":
      if (org && refId(owner.claim.registeredBy) === org) {
        if (OPEN_FOR_EDIT.includes(owner.claim.status)) return;
        throw new DomainError(
          ClaimErrorCode.CLAIM_NOT_EDITABLE,
          `Documents are added to a claim in DRAFT or RETURNED, not ${owner.claim.status}.`,
          ["claimId"],
        );
      }
      break;
    case "visit":
      if (userId && refId(owner.visit.assignee) === userId) return;
      if (org && refId(owner.visit.site) === org) return;
      break;
    case "case":
      if (org && (refId(owner.kase.registeredBy) === org || refId(owner.kase.hospital) === org)) return;
      break;
  }
  throw new DomainError(ClaimErrorCode.NOT_PERMITTED, "You may read this record's documents but not add to them.", [
    `${owner.kind}Id`,
  ]);
}
