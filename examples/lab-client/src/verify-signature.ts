import { Webhook } from "standardwebhooks";

/**
 * Checks a Clinigraph webhook request by the Standard Webhooks scheme, with the
 * `standardwebhooks` package. `rawBody` must be the exact bytes received (before any JSON
 * parsing), `headers` the request's headers (webhook-id, webhook-timestamp,
 * webhook-signature), `secret` the whsec_… value shown when the endpoint was created (or
 * its secret last rotated). The library refuses timestamps more than 5 minutes from your
 * clock, so a captured request cannot be replayed later.
 */
export function verifyClinigraphWebhook(
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): boolean {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  try {
    new Webhook(secret).verify(rawBody, {
      "webhook-id": header("webhook-id") ?? "",
      "webhook-timestamp": header("webhook-timestamp") ?? "",
      "webhook-signature": header("webhook-signature") ?? "",
    });
    return true;
  } catch {
    return false;
  }
}
