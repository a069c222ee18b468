import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * The API checks a URL when it is registered; DNS can change afterwards, so every
 * attempt checks again that the host resolves only to public unicast addresses
 * (the same rule as the API's webhook.url-policy.ts).
 */
export async function blockedAddress(url: URL): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = ipaddr.isValid(host)
    ? [host]
    : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  if (addresses.length === 0) return host;
  return addresses.find((a) => !ipaddr.isValid(a) || ipaddr.process(a).range() !== "unicast") ?? null;
}
