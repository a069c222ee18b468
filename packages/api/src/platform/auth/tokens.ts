import { SignJWT, jwtVerify, errors } from "jose";
import { createHash, randomBytes } from "node:crypto";
const ISSUER = "clinigraph";
const AUDIENCE = "clinigraph-api";

/**
 * What an access token says. No roles and no active flag: those are read per request
 * (staff-sessions.ts), so a demotion or deactivation applies at once. `sid` names the
 * session (the refresh token family) so that ending it ends its access tokens too.
 */
export interface AccessClaims {
  sub: string;
  sid: string;
  org: string;
  email: string;
  /** The branch the session chose (机构选择); checked against the user's branches per request. */
  br?: string | null;
}

export async function signAccessToken(secret: string, claims: AccessClaims, ttlSeconds: number): Promise<string> {
  return new SignJWT({ sid: claims.sid, org: claims.org, email: claims.email, br: claims.br ?? null })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setJti(randomSecret(12))
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: "EXPIRED" | "INVALID" };

/**
 * Tokens that verified, with their expiry: the signature check (HMAC through WebCrypto) was
 * ~8 % of the API's busy time on a cheap read, for a token the same console sends on every
 * request. A token is the same string only if it is the same token; what may change while
 * it lives (roles, an ended session, the chosen branch) is read per request anyway
 * (staff-sessions.ts), and its expiry is checked on every use. Per secret, bounded.
 */
const verified = new Map<string, Map<string, { claims: AccessClaims; exp: number }>>();
const MAX_VERIFIED = 10_000;

export async function verifyAccessToken(secret: string, token: string): Promise<VerifyResult> {
  let memo = verified.get(secret);
  if (!memo) verified.set(secret, (memo = new Map()));
  const known = memo.get(token);
  if (known) {
    if (known.exp * 1000 > Date.now()) return { ok: true, claims: known.claims };
    memo.delete(token);
    return { ok: false, reason: "EXPIRED" };
  }
  const result = await verifySignedToken(secret, token);
  if (result.ok && typeof result.exp === "number") {
    if (memo.size >= MAX_VERIFIED) memo.clear();
    memo.set(token, { claims: result.claims, exp: result.exp });
  }
  return result.ok ? { ok: true, claims: result.claims } : result;
}

async function verifySignedToken(
  secret: string,
  token: string,
): Promise<{ ok: true; claims: AccessClaims; exp?: number } | { ok: false; reason: "EXPIRED" | "INVALID" }> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    // A token without a session id (issued before sessions could be ended) is refused: the
    // console refreshes it, and nobody keeps a token that logout could not end.
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || typeof payload.org !== "string")
      return { ok: false, reason: "INVALID" };
    return {
      ok: true,
      exp: payload.exp,
      claims: {
        sub: payload.sub,
        sid: payload.sid,
        org: payload.org,
        email: String(payload.email ?? ""),
        br: typeof payload.br === "string" ? payload.br : null,
      },
    };
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWTExpired ? "EXPIRED" : "INVALID" };
  }
}

/** Opaque random secrets (refresh tokens, API keys) are stored only as sha256. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** API keys look like `ck_<8-char prefix>_<secret>`; the prefix finds the row, the hash proves the secret. */
export const API_KEY_PATTERN = /^ck_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/;

export function newApiKeySecret(): { prefix: string; secret: string; full: string } {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = randomBytes(8);
  const prefix = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  const secret = randomSecret(32);
  return { prefix, secret, full: `ck_${prefix}_${secret}` };
}
