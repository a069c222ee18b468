import { timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { Registry } from "prom-client";

/** The `/metrics` answer: Prometheus text, behind a bearer token when one is configured. */
export function serveMetrics(registry: Registry, token: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    if (token && !sameSecret(req.headers.authorization ?? "", `Bearer ${token}`)) {
      res.status(401).setHeader("www-authenticate", "Bearer").end();
      return;
    }
    res.setHeader("content-type", registry.contentType);
    res.end(await registry.metrics());
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
