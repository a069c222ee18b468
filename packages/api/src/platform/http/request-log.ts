import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";
import { actorOf, type Principal } from "../auth/principal.js";

/** What the GraphQL layer learns about a request, for its log line (see apollo.ts). */
export interface GraphQLLogFields {
  operationName: string | null;
  operationType: string | null;
}

/** Keys whose values are never logged, at any depth of the GraphQL variables. */
const SECRET_KEY = /pass(word|phrase)?|token|secret|api[-_]?key|authorization|cookie|nationalId|bankAccount/i;
/** Query-string parameters that may carry a credential (the queue dashboard takes ?token=). */
const SECRET_PARAM = /^(token|access_token|key|api[-_]?key|secret|password)$/i;
const MAX_DEPTH = 6;
const MAX_ITEMS = 20;
const MAX_STRING = 200;

/** A copy of GraphQL variables fit for a log line: secrets redacted, sizes bounded. */
export function redactVariables(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[deep]";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redactVariables(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) ? "[redacted]" : redactVariables(v, depth + 1);
  return out;
}

/** The URL as logged: credentials in the query string replaced, the rest as sent. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split("&")
    .map((part) => {
      const eq = part.indexOf("=");
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      } catch {
        // A malformed escape: judge the key as sent.
      }
      return SECRET_PARAM.test(key) ? `${rawKey}=[redacted]` : part;
    });
  return `${url.slice(0, q)}?${parts.join("&")}`;
}

const REQUEST_ID = /^[\w-]{1,64}$/;

function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers["x-request-id"];
  const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (res as Response).locals.requestId = id;
  res.setHeader("x-request-id", id);
  return id;
}

function principalFields(p: Principal | undefined) {
  if (!p) return undefined;
  const { actorId, organizationId } = actorOf(p);
  return { kind: p.kind, organizationId, actorId };
}

function graphqlFields(req: Request, res: Response, logger: Logger) {
  const body = req.body as { operationName?: unknown; variables?: unknown } | undefined;
  const resolved = res.locals.graphql as GraphQLLogFields | undefined;
  if (!resolved && !req.originalUrl.startsWith("/graphql")) return undefined;
  return {
    operationName: resolved?.operationName ?? (typeof body?.operationName === "string" ? body.operationName : null),
    operationType: resolved?.operationType ?? null,
    // Variables only at debug: they carry patient data, which info-level logs never hold.
    ...(logger.isLevelEnabled("debug") && body?.variables ? { variables: redactVariables(body.variables) } : {}),
  };
}

/**
 * One line per HTTP request (pino-http): method, URL, status, duration, request id (the
 * caller's `x-request-id` when it is sane, else a new one, echoed in the response), the
 * GraphQL operation and the principal's kind and organisation. No headers are logged,
 * so bearer keys, cookies and x-api-key never reach the log.
 */
export function requestLogger(logger: Logger): RequestHandler {
  const extra = (req: IncomingMessage, res: ServerResponse) => {
    const r = req as Request;
    const s = res as Response;
    return {
      principal: principalFields(s.locals.principal as Principal | undefined),
      graphql: graphqlFields(r, s, logger),
    };
  };
  return pinoHttp({
    logger,
    genReqId: requestIdOf,
    quietReqLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Probes hit these every few seconds; /readyz logs by itself when it is not ready.
    autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    // A caller's bad request (an over-limit query, a malformed cursor, a body too large:
    // 400, 413, 429) is worth a look but is not our fault: warn, never error. Refused
    // credentials and missing rows (401, 403, 404) are routine.
    customLogLevel: (_req, res, err) =>
      res.statusCode === 503
        ? "warn"
        : err || res.statusCode >= 500
          ? "error"
          : res.statusCode >= 400 && ![401, 403, 404].includes(res.statusCode)
            ? "warn"
            : "info",
    customSuccessObject: (req, res, val: Record<string, unknown>) => ({ ...val, ...extra(req, res) }),
    // The 5xx line needs no synthetic "failed with status code" error and its stack.
    customErrorObject: (req, res, err, val: Record<string, unknown>) => ({
      res: val.res,
      responseTime: val.responseTime,
      ...extra(req, res),
      ...(err.message.startsWith("failed with status code") ? {} : { err }),
    }),
    customSuccessMessage: (req, res) => (res.writableEnded ? "request completed" : "request aborted"),
    customErrorMessage: () => "request failed",
  }) as unknown as RequestHandler;
}
