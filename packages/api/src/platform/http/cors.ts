import type { NextFunction, Request, RequestHandler, Response } from "express";

const ALLOWED_HEADERS =
  "authorization, content-type, x-api-key, x-request-id, idempotency-key, apollo-require-preflight";
const EXPOSED_HEADERS = "x-request-id, retry-after";

/**
 * Cross-origin access for the configured browser origins only (CORS_ORIGINS). Credentials
 * are bearer tokens in a header, never cookies, so `Access-Control-Allow-Credentials` is
 * not sent: a page on an allowed origin still needs its own token. Other origins get no
 * CORS headers at all, so browsers keep their pages from reading the answers.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((o) => o.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    res.vary("Origin");
    if (!origin || !allowed.has(origin.toLowerCase())) return next();
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
      res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
      res.setHeader("access-control-max-age", "600");
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * express's "trust proxy" from TRUST_PROXY: a hop count, "false"/"off", or a list of
 * addresses, CIDRs or express's names (loopback, linklocal, uniquelocal). "true" would
 * believe any X-Forwarded-For a client writes, so it is refused.
 */
export function trustProxySetting(value: string): number | string | false {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "false" || v === "off" || v === "none") return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === "true" || v === "*")
    throw new Error("TRUST_PROXY=true would trust any client's X-Forwarded-For; name the proxy hops instead.");
  return value;
}
