import { createHmac, randomBytes } from "node:crypto";

/** Signing secrets are shown once; the prefix makes a leaked one easy to spot in logs. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** `Clinigraph-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function signatureHeader(secret: string, timestamp: number, rawBody: string): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/** What partners receive: ids and state only; details come from the GraphQL API. */
export interface WebhookPayload {
  id: string;
  type: string;
  occurredAt: string;
  object: { type: string; id: string; status: string; version: number };
}
