import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Principal } from "../auth/principal.js";
import {
  EXPORT_REQUEST_COST,
  RATE_LIMITED_CODE,
  RateLimitedError,
  type RateLimits,
} from "../rate-limit/rate-limits.js";

export interface RestRateLimitDeps {
  limits: RateLimits;
  principalOf: (req: Request) => Promise<Principal>;
  maxUploadBytes: number;
}

/** The REST error shape with GraphQL's RATE_LIMITED code, status and Retry-After. */
export function answerRateLimited(req: Request, res: Response, err: RateLimitedError): void {
  // An upload refused before its body was read: close instead of draining it.
  if (!req.complete) res.setHeader("connection", "close");
  res.setHeader("retry-after", String(err.retryAfterSeconds));
  res.status(429).json({
    errors: [
      { message: err.message, extensions: { code: RATE_LIMITED_CODE, retryAfterSeconds: err.retryAfterSeconds } },
    ],
  });
}

/** The full path whatever the mount point ("/files" mounted at "/files" has path "/"). */
const routeOf = (req: Request) => (req.baseUrl + req.path).replace(/\/+$/, "");
const isUpload = (req: Request) => req.method === "POST" && routeOf(req) === "/files";

/**
 * What an upload is charged before its body is read: the declared length, capped at the
 * largest file accepted (a larger body is refused unread); without a declared length
 * (chunked) the largest file accepted, since nothing says it is smaller.
 */
export function uploadCharge(req: Request, maxUploadBytes: number): number {
  const declared = Number(req.headers["content-length"]);
  return Number.isFinite(declared) && declared > 0 ? Math.min(declared, maxUploadBytes) : maxUploadBytes;
}

/**
 * The per-principal budgets of /graphql, applied to the REST routes that do work (uploads,
 * downloads, exports) before they run: a principal limited on one door is limited on all.
 * Credential and database problems are left to the route, which answers them as it does.
 */
export function restRateLimit(deps: RestRateLimitDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    let principal: Principal;
    try {
      principal = await deps.principalOf(req);
    } catch {
      next();
      return;
    }
    try {
      const exporting = routeOf(req).startsWith("/exports/");
      await deps.limits.consumeRequest(principal, req.ip, exporting ? EXPORT_REQUEST_COST : 1);
      if (isUpload(req))
        await deps.limits.consumeUploadBytes(principal, req.ip, uploadCharge(req, deps.maxUploadBytes));
    } catch (err) {
      if (err instanceof RateLimitedError) {
        answerRateLimited(req, res, err);
        return;
      }
      next(err);
      return;
    }
    next();
  };
}
