import type { EntityManager } from "@mikro-orm/postgresql";
import { ANONYMOUS, SYSTEM, workingBranch, type Principal, type PartnerKind } from "./principal.js";
import { API_KEY_PATTERN, sha256, verifyAccessToken } from "./tokens.js";
import type { StaffSessions } from "./staff-sessions.js";
import { timingSafeEqual } from "node:crypto";
import { ApiKeyCache, type ApiKeyRow } from "./api-key-cache.js";

export class AuthenticationError extends Error {
  constructor(
    message: string,
    readonly reason: "MALFORMED" | "EXPIRED" | "INVALID" | "REVOKED",
  ) {
    super(message);
    this.name = "AuthenticationError";
  }
}

/**
 * Turns an Authorization header into a principal: `Bearer ck_…` is a partner API key,
 * any other bearer token a staff JWT, no header anonymous. A header that is present but
 * wrong is an error (never silently anonymous), so integrators see why they are refused.
 * Reads with SQL under the SYSTEM scope: authentication happens before there is a principal.
 * A staff token proves who the user is and which session it belongs to; what they may do
 * (roles, active) is read now, through `sessions`, never taken from the token. An API key's
 * row comes through `apiKeys` (a short Redis cache, forgotten on revocation) when given.
 */
export async function authenticate(
  em: EntityManager,
  jwtSecret: string,
  header: string | undefined,
  sessions: StaffSessions,
  apiKeys?: ApiKeyCache,
): Promise<Principal> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AuthenticationError("Authorization header must be 'Bearer <token>'.", "MALFORMED");
  const token = match[1]!;
  if (token.startsWith("ck_")) return authenticateApiKey(em, token, apiKeys);
  const verified = await verifyAccessToken(jwtSecret, token);
  if (!verified.ok)
    throw new AuthenticationError(
      verified.reason === "EXPIRED" ? "Access token expired; refresh it." : "Invalid access token.",
      verified.reason,
    );
  const { user, ended } = await sessions.check(em, verified.claims.sub, verified.claims.sid);
  if (!user?.active) throw new AuthenticationError("User is inactive.", "REVOKED");
  if (ended) throw new AuthenticationError("The session has ended; log in again.", "REVOKED");
  // An older cached state (before partner users existed) has no kind: it was staff.
  if (user.organizationKind && user.organizationKind !== "OPERATOR") {
    if (!user.organizationActive) throw new AuthenticationError("Organisation inactive.", "REVOKED");
    // A partner's own user is the organisation's principal, as its API key is: one scope rule.
    return {
      kind: "PARTNER",
      organizationId: user.organizationId,
      organizationKind: user.organizationKind as PartnerKind,
      userId: verified.claims.sub,
      partnerRoles: user.partnerRoles ?? [],
      scopes: ["read", "write"],
    };
  }
  const branchId = workingBranch(user.branchIds ?? [], verified.claims.br);
  return {
    kind: "STAFF",
    userId: verified.claims.sub,
    organizationId: user.organizationId,
    roles: user.roles,
    email: user.email,
    ...(branchId === undefined ? {} : { branchId }),
  };
}

async function authenticateApiKey(em: EntityManager, token: string, apiKeys?: ApiKeyCache): Promise<Principal> {
  const parsed = API_KEY_PATTERN.exec(token);
  if (!parsed) throw new AuthenticationError("Malformed API key.", "MALFORMED");
  const [, prefix, secret] = parsed;
  const load = async () =>
    (
      await em.execute<ApiKeyRow[]>(
        `select k.id, k.secret_hash, k.revoked_at, k.scopes, k.organization_id, o.kind, o.active
           from api_key k join organization o on o.id = k.organization_id where k.prefix = ?`,
        [prefix],
      )
    )[0] ?? null;
  const row = apiKeys ? await apiKeys.get(prefix!, load) : await load();
  const expected = Buffer.from(row?.secret_hash ?? "0".repeat(64), "hex");
  const actual = Buffer.from(sha256(secret!), "hex");
  if (!row || !timingSafeEqual(expected, actual)) throw new AuthenticationError("Invalid API key.", "INVALID");
  if (row.revoked_at) throw new AuthenticationError("API key revoked.", "REVOKED");
  if (!row.active || row.kind === "OPERATOR") throw new AuthenticationError("Organisation inactive.", "REVOKED");
  // last_used_at at most once a minute per key, so hot keys do not write on every request:
  // the process skips the statement within the minute, the statement refuses across processes.
  if (ApiKeyCache.shouldWriteLastUsed(row.id))
    await em.execute(
      `update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
      [row.id],
    );
  return {
    kind: "PARTNER",
    organizationId: row.organization_id,
    organizationKind: row.kind as PartnerKind,
    apiKeyId: row.id,
    scopes: row.scopes,
  };
}

export { SYSTEM };
