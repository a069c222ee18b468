import type { ApiKeyScope } from "./scopes.js";
import { ActorKind } from "./actor-kind.js";

/**
 * Who is calling. Every read and write is scoped by this value (see platform/scoping).
 */
export const STAFF_ROLES = ["ADMIN", "OPERATOR", "REVIEWER", "VISITOR", "BILLING"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PARTNER_KINDS = ["CLINIC", "LAB", "HOSPITAL", "INTERCONSULTANT", "AGENCY", "INSURER"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** What a partner organisation's own user may do in its organisation (the console's partner portal). */
export const PARTNER_ROLES = ["PARTNER_ADMIN", "PARTNER_STAFF"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export type Principal =
  | { kind: "ANONYMOUS" }
  | {
      kind: "STAFF";
      userId: string;
      organizationId: string;
      roles: StaffRole[];
      email: string;
      /**
       * The branch (分公司) this session works in: absent for head-office staff (every
       * branch), a branch id when the user belongs to one or chose one, null while a
       * member of several has not chosen (sees no branch's rows until they do).
       */
      branchId?: string | null;
    }
  | {
      kind: "PARTNER";
      organizationId: string;
      organizationKind: PartnerKind;
      /** The key that called; absent when a partner user signed in (then `userId` says who). */
      apiKeyId?: string;
      /**
       * A partner organisation's own user (console login). Rows are scoped by the
       * organisation alone, so a user sees and may do exactly what the organisation's key may.
       */
      userId?: string;
      partnerRoles?: PartnerRole[];
      scopes: ApiKeyScope[];
    }
  | { kind: "SYSTEM" };

export const ANONYMOUS: Principal = { kind: "ANONYMOUS" };
export const SYSTEM: Principal = { kind: "SYSTEM" };

export type StaffPrincipal = Extract<Principal, { kind: "STAFF" }>;
export type PartnerPrincipal = Extract<Principal, { kind: "PARTNER" }>;

export function isStaff(p: Principal, ...roles: StaffRole[]): p is StaffPrincipal {
  if (p.kind !== "STAFF") return false;
  if (roles.length === 0) return true;
  // ADMIN may do anything a staff role may do.
  return p.roles.includes("ADMIN") || roles.some((r) => p.roles.includes(r));
}

export function isPartner(p: Principal, ...kinds: PartnerKind[]): p is PartnerPrincipal {
  return p.kind === "PARTNER" && (kinds.length === 0 || kinds.includes(p.organizationKind));
}

/** The branch a staff session is confined to: undefined for head office, null when not chosen yet. */
export function branchOf(p: Principal): string | null | undefined {
  return p.kind === "STAFF" ? p.branchId : undefined;
}

/**
 * The branch a session works in, from the user's branches (read per request) and the one
 * the session chose: head office (no branches) works in all, a member of one works in it,
 * a member of several in the one chosen, if it is still theirs.
 */
export function workingBranch(
  memberOf: readonly string[],
  chosen: string | null | undefined,
): string | null | undefined {
  if (memberOf.length === 0) return undefined;
  if (memberOf.length === 1) return memberOf[0]!;
  return chosen && memberOf.includes(chosen) ? chosen : null;
}

/** A stable string naming the principal, for idempotency keys, rate limits and audit. */
export function principalKey(p: Principal): string {
  switch (p.kind) {
    case "STAFF":
      return `user:${p.userId}`;
    case "PARTNER":
      return `org:${p.organizationId}`;
    case "SYSTEM":
      return "system";
    case "ANONYMOUS":
      return "anonymous";
  }
}

export function actorOf(p: Principal): { actorKind: ActorKind; actorId: string | null; organizationId: string | null } {
  switch (p.kind) {
    case "STAFF":
      return { actorKind: ActorKind.STAFF, actorId: p.userId, organizationId: p.organizationId };
    case "PARTNER":
      return p.userId
        ? { actorKind: ActorKind.PARTNER_USER, actorId: p.userId, organizationId: p.organizationId }
        : { actorKind: ActorKind.PARTNER, actorId: p.apiKeyId ?? null, organizationId: p.organizationId };
    case "SYSTEM":
      return { actorKind: ActorKind.SYSTEM, actorId: null, organizationId: null };
    case "ANONYMOUS":
      return { actorKind: ActorKind.ANONYMOUS, actorId: null, organizationId: null };
  }
}
