import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/**
 * Webhooks are signed by the Standard Webhooks scheme (standardwebhooks.com): headers
 * `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<id>.<timestamp>.<raw body>">`, keyed with the bytes of the `whsec_<base64>` secret.
 * Partners verify with any Standard Webhooks library; this is the one signer (the workers
 * deliver with it, docs/partners.md §12).
 */

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes, shown once. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export interface SignedWebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/**
 * The signature headers of one delivery. `messageId` is the event id, the same on every
 * retry, so receivers deduplicate by it. Secrets issued before the Standard Webhooks switch
 * are base64url; Node decodes both alphabets, so they still sign (CHANGELOG: rotate them
 * if your library refuses the old form).
 */
export function signWebhook(secret: string, messageId: string, at: Date, rawBody: string): SignedWebhookHeaders {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(key, { format: "raw" }).sign(messageId, at, rawBody),
  };
}

/** What partners receive: ids and state only; details come from the GraphQL API. */
export interface WebhookPayload {
  id: string;
  type: string;
  occurredAt: string;
  object: { type: string; id: string; status: string; version: number };
}
