import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

export interface PinnedResponse {
  statusCode: number;
}

/**
 * POSTs `body` to `url` over a connection to `address` — the one the SSRF check passed
 * (resolveDeliveryTarget) — instead of letting the HTTP client resolve the name again.
 * The URL's host still goes in the Host header and, for https, in SNI and the certificate
 * check, so the partner's server sees an ordinary request for its name. Redirects are not
 * followed (a 3xx is the answer), and the whole exchange is bounded by `timeoutMs`.
 */
export function pinnedPost(
  url: URL,
  address: string,
  family: 4 | 6,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PinnedResponse> {
  // Node may ask for every address (autoSelectFamily): either way, only the checked one.
  const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ statusCode: res.statusCode ?? 0 }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
