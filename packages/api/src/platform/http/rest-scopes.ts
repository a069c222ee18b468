import type { NextFunction, Request, Response } from "express";
import type { Principal } from "../auth/principal.js";
import { hasScope, missingScopeMessage, scopeForMethod } from "../auth/scopes.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

/**
 * API key scopes for every REST route (/files, /exports and any added later), by method:
 * GET and HEAD need `read`, anything else `write`. Mounted before the routes so none can
 * forget it; a request that does not authenticate passes on, and its route answers 401.
 */
export function restScopeGuard(principalOf: (req: Request) => Promise<Principal>) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.path.startsWith("/graphql") || !req.headers.authorization) return next();
    let principal: Principal;
    try {
      principal = await principalOf(req);
    } catch {
      return next();
    }
    const needed = scopeForMethod(req.method);
    if (hasScope(principal, needed)) return next();
    // The upload body is not read: close the connection rather than drain it.
    if (!req.complete) res.setHeader("connection", "close");
    res
      .status(403)
      .json({ errors: [{ message: missingScopeMessage(needed), extensions: { code: TopLevelErrorCode.FORBIDDEN } }] });
  };
}
