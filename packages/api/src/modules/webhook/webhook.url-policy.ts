import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { WebhookErrorCode } from "./webhook.errors.js";

export interface UrlPolicy {
  /** Production refuses plain http. */
  requireHttps: boolean;
  /** Tests and local development may deliver to loopback and private networks. */
  allowPrivate: boolean;
  /** Resolves a host name to every address it has (injectable for tests). */
  resolve?: (host: string) => Promise<string[]>;
}

/** Reads the policy from the environment: WEBHOOK_ALLOW_PRIVATE=true allows private targets. */
export function urlPolicyFromEnv(nodeEnv: string, env: Record<string, string | undefined> = process.env): UrlPolicy {
  return { requireHttps: nodeEnv === "production", allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === "true" };
}

const resolveAll = async (host: string): Promise<string[]> =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Only globally routable unicast addresses are acceptable: everything else (loopback,
 * RFC 1918, link-local incl. cloud metadata 169.254.169.254, unique-local, CGNAT,
 * multicast, reserved) would let a partner make our servers call our own network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/**
 * The first address of the URL's host that is not public, or null when all are. The
 * delivery worker asks again before every attempt, because DNS can change after the
 * URL was accepted.
 */
export async function firstNonPublicAddress(url: URL, resolve = resolveAll): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  if (addresses.length === 0) return host;
  return addresses.find((a) => !isPublicAddress(a)) ?? null;
}

export type DeliveryTarget = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

/**
 * The one address a delivery connects to: the host is resolved once, every address it
 * has is checked (unless `allowPrivate`), and the caller connects to the first — never
 * asking DNS again, so a name that answers a public address to the check and a private
 * one to the connection (DNS rebinding) reaches nothing but the checked address.
 */
export async function resolveDeliveryTarget(
  url: URL,
  allowPrivate: boolean,
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<DeliveryTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch (err) {
    return { ok: false, reason: `${host} does not resolve (${(err as { code?: string }).code ?? "error"})` };
  }
  const valid = addresses.filter((a) => ipaddr.isValid(a));
  if (valid.length === 0) return { ok: false, reason: `${host} does not resolve` };
  const blocked = allowPrivate ? undefined : valid.find((a) => !isPublicAddress(a));
  if (blocked) return { ok: false, reason: `refused: ${host} resolves to a non-public address (${blocked})` };
  const address = valid[0]!;
  return { ok: true, address, family: ipaddr.parse(address).kind() === "ipv6" ? 6 : 4 };
}

/**
 * Checks a webhook URL before it is stored: scheme, no credentials, and every address
 * the host resolves to (a host with one public and one private address is refused).
 * Throws DomainError INVALID_WEBHOOK_URL with the reason.
 */
export async function assertDeliverableUrl(raw: string, policy: UrlPolicy): Promise<URL> {
  const fail = (why: string): never => {
    throw new DomainError(WebhookErrorCode.INVALID_WEBHOOK_URL, `url ${why}.`, ["url"]);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("is not a valid absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") fail("must use https");
  if (policy.requireHttps && url.protocol !== "https:") fail("must use https");
  if (url.username || url.password) fail("must not contain credentials");
  if (raw.length > 2000) fail("is at most 2000 characters");
  if (policy.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await (policy.resolve ?? resolveAll)(host);
  } catch {
    return fail(`host ${host} does not resolve`);
  }
  if (addresses.length === 0) fail(`host ${host} does not resolve`);
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked) fail(`resolves to a private, loopback or reserved address (${blocked})`);
  return url;
}
