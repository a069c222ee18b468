import type { Bundle, BundleEntry, BundleLink, Resource, ResourceType } from "@medplum/fhirtypes";
import { randomUUID } from "node:crypto";
import type { Request, Response } from "express";
import { ReadAudit } from "../../platform/audit/read-audit.js";
import { AuthenticationError } from "../../platform/auth/authenticate.js";
import type { Principal } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import type { Runtime } from "../../platform/http/app.js";
import { answerDatabaseUnavailable } from "../../platform/http/database-unavailable.js";
import { restRateLimit } from "../../platform/http/rest-rate-limit.js";
import { capabilityStatement } from "./fhir.capability.js";
import { OperatorSystems } from "./fhir.codes.js";
import { operationOutcome } from "./fhir.outcome.js";
import { checkFormat, FhirError, parseSearch, type ParsedSearch, type Query } from "./fhir.query.js";
import type { FhirContext } from "./fhir.resource.js";
import { resourceDef } from "./fhir.resources.js";
import { historyOf, readMany, readResource, searchResources } from "./fhir.store.js";

/**
 * FHIR R4 read and search at /fhir/R4 (docs/fhir.md): metadata, read, search-type and
 * history-instance over the same rows and scope rules as GraphQL. Errors are
 * OperationOutcomes; everything is application/fhir+json.
 */
export const FHIR_BASE = "/fhir/R4";
const FHIR_JSON = "application/fhir+json; charset=utf-8";

const baseUrl = (req: Request) => `${req.protocol}://${req.get("host")}${FHIR_BASE}`;

function send(res: Response, status: number, body: Resource): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify(body));
}

function acceptable(req: Request): void {
  const format = req.query._format;
  if (typeof format === "string") checkFormat(format);
  const accept = req.headers.accept;
  if (accept && !/(\*\/\*|application\/(\*|json|fhir\+json))/.test(accept))
    throw new FhirError(406, "not-supported", `Only application/fhir+json is served (Accept: ${accept}).`);
}

async function principalOf(runtime: Runtime, req: Request): Promise<Principal> {
  try {
    const principal = await runtime.principalOf(req);
    if (principal.kind !== "ANONYMOUS") return principal;
  } catch (err) {
    if (!(err instanceof AuthenticationError)) throw err;
    throw new FhirError(401, "login", err.message);
  }
  throw new FhirError(401, "login", "Send an API key or a staff access token as Authorization: Bearer.");
}

type Handler = (req: Request, res: Response, ctx: FhirContext) => Promise<void>;

/** Signs the caller in, runs the interaction, writes the read audit rows, answers errors as OperationOutcomes. */
function interaction(runtime: Runtime, handler: Handler) {
  const systems = new OperatorSystems(runtime.config.FHIR_SYSTEM_BASE);
  return async (req: Request, res: Response): Promise<void> => {
    try {
      acceptable(req);
      const principal = await principalOf(runtime, req);
      const requestId = String(res.locals.requestId ?? randomUUID());
      const readAudit = new ReadAudit(runtime.orm, principal, requestId);
      const ctx: FhirContext = {
        em: forkFor(runtime.orm, principal),
        principal,
        systems,
        readAudit,
        serverUrl: `${req.protocol}://${req.get("host")}`,
      };
      await handler(req, res, ctx);
    } catch (err) {
      if (err instanceof FhirError) {
        if (err.status === 401) res.setHeader("www-authenticate", "Bearer");
        send(res, err.status, operationOutcome(err.issue, err.message));
        return;
      }
      if (answerDatabaseUnavailable(runtime, req, res, err)) return;
      runtime.logger.error({ err }, "FHIR interaction failed");
      if (!res.headersSent) send(res, 500, operationOutcome("exception", "Internal server error."));
    }
  };
}

/** Sends a resource or bundle once the audit rows of its sensitive reads are written (as /graphql does). */
async function answer(res: Response, ctx: FhirContext, body: Resource): Promise<void> {
  await ctx.readAudit.flush();
  send(res, 200, body);
}

function typeOf(req: Request) {
  const type = String(req.params.type);
  const def = resourceDef(type);
  if (!def)
    throw new FhirError(404, "not-supported", `Resource type ${type} is not served here; see ${FHIR_BASE}/metadata.`);
  return def;
}

function pageUrl(req: Request, type: string, query: Query, offset: number, count: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === "_offset" || k === "_count" || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  params.set("_count", String(count));
  params.set("_offset", String(offset));
  return `${baseUrl(req)}/${type}?${params.toString()}`;
}

function links(req: Request, type: string, query: Query, search: ParsedSearch, total: number): BundleLink[] {
  const { offset, count } = search;
  const out: BundleLink[] = [{ relation: "self", url: pageUrl(req, type, query, offset, count) }];
  if (count > 0 && offset + count < total)
    out.push({ relation: "next", url: pageUrl(req, type, query, offset + count, count) });
  if (count > 0 && offset > 0)
    out.push({ relation: "previous", url: pageUrl(req, type, query, Math.max(0, offset - count), count) });
  return out;
}

const entryOf = (req: Request, r: Resource, mode: "match" | "include"): BundleEntry => ({
  fullUrl: `${baseUrl(req)}/${r.resourceType}/${r.id}`,
  resource: r,
  search: { mode },
});

export function fhirRoutes(runtime: Runtime): void {
  const { app } = runtime;
  // A key without the read scope is told so the way FHIR clients parse errors.
  runtime.scopeDenialFormats.set(FHIR_BASE, (res, status, message) =>
    send(res, status, operationOutcome("forbidden", message)),
  );
  app.use(
    FHIR_BASE,
    restRateLimit({ limits: runtime.rateLimits, principalOf: runtime.principalOf, maxUploadBytes: 0 }),
  );

  // Public, as FHIR clients read it before they sign in.
  app.get(`${FHIR_BASE}/metadata`, (req, res) => {
    try {
      acceptable(req);
      send(res, 200, capabilityStatement(baseUrl(req), new Date().toISOString()));
    } catch (err) {
      if (!(err instanceof FhirError)) throw err;
      send(res, err.status, operationOutcome(err.issue, err.message));
    }
  });

  app.get(
    `${FHIR_BASE}/:type`,
    interaction(runtime, async (req, res, ctx) => {
      const def = typeOf(req);
      const query = req.query as Query;
      const search = parseSearch(def, query);
      const page = await searchResources(def, search, ctx, (type: ResourceType, ids: string[]) => {
        const target = resourceDef(type);
        return target ? readMany(target, ids, ctx) : Promise.resolve([]);
      });
      const bundle: Bundle = {
        resourceType: "Bundle",
        type: "searchset",
        total: page.total,
        link: links(req, def.type, query, search, page.total),
        entry: [
          ...page.matches.map((r) => entryOf(req, r, "match")),
          ...page.included.map((r) => entryOf(req, r, "include")),
        ],
      };
      if (bundle.entry!.length === 0) delete bundle.entry;
      await answer(res, ctx, bundle);
    }),
  );

  app.get(
    `${FHIR_BASE}/:type/:id`,
    interaction(runtime, async (req, res, ctx) => {
      const def = typeOf(req);
      const resource = await readResource(def, String(req.params.id), ctx);
      if (!resource) throw new FhirError(404, "not-found", `${def.type}/${String(req.params.id)} is not known.`);
      await answer(res, ctx, resource);
    }),
  );

  app.get(
    `${FHIR_BASE}/:type/:id/_history`,
    interaction(runtime, async (req, res, ctx) => {
      const def = typeOf(req);
      const versions = await historyOf(def, String(req.params.id), ctx);
      if (!versions) throw new FhirError(404, "not-found", `${def.type}/${String(req.params.id)} is not known.`);
      const url = `${def.type}/${String(req.params.id)}`;
      const bundle: Bundle = {
        resourceType: "Bundle",
        type: "history",
        total: versions.length,
        link: [{ relation: "self", url: `${baseUrl(req)}/${url}/_history` }],
        entry: versions.map(({ resource, change }) => ({
          fullUrl: `${baseUrl(req)}/${url}`,
          resource,
          request: { method: change && change.fromStatus === null ? "POST" : "PUT", url },
          response: {
            status: change && change.fromStatus === null ? "201" : "200",
            lastModified: resource.meta?.lastUpdated,
          },
        })),
      };
      await answer(res, ctx, bundle);
    }),
  );

  // Anything else under the base (writes, operations, other paths): not served.
  app.all(new RegExp(`^${FHIR_BASE.replace(/\//g, "\\/")}(\\/.*)?$`), (req, res) => {
    send(
      res,
      req.method === "GET" ? 404 : 405,
      operationOutcome("not-supported", `${req.method} ${req.path} is not served; see ${FHIR_BASE}/metadata.`),
    );
  });
}
