import type { NextFunction, Request, Response } from "express";
import type { Principal } from "../auth/principal.js";
import { hasScope, missingScopeMessage, scopeForMethod } from "../auth/scopes.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

/**
 * How a route family answers a missing scope in its own format (FHIR answers an
 * OperationOutcome); keyed by path prefix, registered by the module that mounts the routes.
 */
export type ScopeDenialFormats = Map<string, (res: Response, status: 403, message: string) => void>;

/**
 * API key scopes for every REST route (/files, /exports and any added later), by method:
 * GET and HEAD need `read`, anything else `write`. Mounted before the routes so none can
 * forget it; a request that does not authenticate passes on, and its route answers 401.
 */
export function restScopeGuard(
  principalOf: (req: Request) => Promise<Principal>,
  formats: ScopeDenialFormats = new Map(),
) {
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
    for (const [prefix, answer] of formats)
      if (req.path === prefix || req.path.startsWith(`${prefix}/`))
        return answer(res, 403, missingScopeMessage(needed));
    res
      .status(403)
      .json({ errors: [{ message: missingScopeMessage(needed), extensions: { code: TopLevelErrorCode.FORBIDDEN } }] });
  };
}
