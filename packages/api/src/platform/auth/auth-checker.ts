import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import { GraphQLError } from "graphql";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";
import type { AppContext } from "../graphql/context.js";
import { PARTNER_KINDS, STAFF_ROLES, type PartnerKind, type StaffRole } from "./principal.js";

/**
 * One AuthChecker for the schema. `@Authorized()` = any signed-in principal;
 * `@Authorized("OPERATOR", "LAB")` = staff with one of those roles (ADMIN always) or a
 * partner of one of those kinds; "STAFF" = any staff; "PARTNER" = any partner;
 * "PARTNER_ADMIN" = a partner acting as its organisation's administrator: its API key, or
 * its signed-in user holding PARTNER_ADMIN (a PARTNER_STAFF user may not mint keys or
 * endpoints that would outlive their own account).
 * Row-level rules are not here: they live in the scoping filter and the state machines.
 */
export type AccessRole = StaffRole | PartnerKind | "STAFF" | "PARTNER" | "PARTNER_ADMIN";

export class AuthChecker implements AuthCheckerInterface<AppContext, AccessRole> {
  check({ context }: ResolverData<AppContext>, roles: AccessRole[]): boolean {
    const p = context.principal;
    if (p.kind === "ANONYMOUS") throw unauthenticated();
    if (p.kind === "SYSTEM") return true;
    if (roles.length === 0) return true;
    // Refused: our FORBIDDEN carries HTTP 403 (type-graphql's own error for `false` would answer 200).
    if (!allows(p, roles)) throw forbidden();
    return true;
  }
}

function allows(p: Exclude<AppContext["principal"], { kind: "ANONYMOUS" | "SYSTEM" }>, roles: AccessRole[]): boolean {
  if (p.kind === "STAFF") {
    if (p.roles.includes("ADMIN") || roles.includes("STAFF")) return true;
    return roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r) && p.roles.includes(r as StaffRole));
  }
  if (roles.includes("PARTNER")) return true;
  if (roles.includes("PARTNER_ADMIN") && (!p.userId || (p.partnerRoles ?? []).includes("PARTNER_ADMIN"))) return true;
  return roles.some((r) => (PARTNER_KINDS as readonly string[]).includes(r) && r === p.organizationKind);
}

export function unauthenticated(message = "Sign in or send an API key."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: TopLevelErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message = "You are not allowed to do this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: TopLevelErrorCode.FORBIDDEN, http: { status: 403 } } });
}
