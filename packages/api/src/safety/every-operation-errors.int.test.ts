import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNamedType, isInputObjectType, isNonNullType } from "graphql";
import {
  buildWorld,
  PARTNER_CALLERS,
  STAFF_CALLERS,
  type Caller,
  type CallResult,
  type PartnerCaller,
  type World,
} from "./world.fixtures.js";
import {
  buildCall,
  GET_BY_ID,
  operationsOf,
  publishedSchema,
  type IdKind,
  type Operation,
} from "./operations.fixtures.js";
import { sampleIds } from "./samples.fixtures.js";
import { foreignIdsFor, type ForeignIds } from "./foreign-ids.fixtures.js";
import { ACCESS_POLICY, mayCall } from "./access-policy.fixtures.js";
import { ApiKey } from "../modules/api-key/api-key.entity.js";
import { Organization } from "../modules/organization/organization.entity.js";
import { Fixtures } from "../test-support/entities.fixtures.js";
import { TOP_LEVEL_ERRORS, TopLevelErrorCode } from "../platform/errors/top-level.errors.js";

/**
 * Issue 21 item 2: one error model for every operation of schema.graphql, each called with a
 * foreign id, a stale version, a malformed input and a key without the scope it needs. Every
 * answer has one of two shapes: a payload whose `userErrors` carry a stable code, a message
 * and a field path (HTTP 200), or top-level `errors` whose `extensions.code` fixes the HTTP
 * status (docs/partners.md §8). Never an internal error, never a code without its status.
 */
let world: World;
let samples: Record<IdKind, string>;
const schema = publishedSchema();
const ops: Operation[] = operationsOf(schema);
const USER_ERROR_CODES = new Set(
  (schema.getType("UserErrorCode") as import("graphql").GraphQLEnumType).getValues().map((v) => v.value as string),
);
const scopedKeys: Record<"read" | "write", string> = { read: "", write: "" };
/** Rows the sample table has no kind for, made here: input type → id. */
const extraRows: Record<string, string> = {};

beforeAll(async () => {
  world = await buildWorld();
  samples = await sampleIds(world);
  const fx = new Fixtures(world.api.orm);
  const org = await fx.em.findOneOrFail(Organization, world.orgIds.AGENCY);
  for (const scope of ["read", "write"] as const) {
    const { key, secret } = await fx.apiKey(org);
    await fx.em.nativeUpdate(ApiKey, { id: key.id }, { scopes: [scope] });
    scopedKeys[scope] = secret;
  }
  // A loopback target, allowed for this one call (the endpoint is never delivered to).
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  const hook = await world.call(
    "AGENCY",
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { webhookEndpoint { id } userErrors { code } } }`,
    { i: { url: "http://127.0.0.1:9/hook", events: ["CLAIM_STATUS_CHANGED"] } },
  );
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  extraRows.UpdateWebhookEndpointInput = (
    hook.data?.createWebhookEndpoint as { webhookEndpoint: { id: string } }
  ).webhookEndpoint.id;
}, 600_000);
afterAll(async () => world?.api.close());

const STAFF_DESCRIPTION = (c: Caller) =>
  (STAFF_CALLERS as readonly string[]).includes(c) ? { staffRole: c } : { partnerKind: c };

/** The first caller the access policy lets call the operation: staff first, then partners. */
function allowedCaller(op: Operation): Caller | null {
  const policy = ACCESS_POLICY[op.name];
  if (!policy) return null;
  return [...STAFF_CALLERS, ...PARTNER_CALLERS].find((c) => mayCall(policy, STAFF_DESCRIPTION(c))) ?? null;
}

/** The HTTP status a top-level code answers with (docs/partners.md §8). */
function statusOf(code: string): number[] {
  if (USER_ERROR_CODES.has(code)) return [400]; // a query's bad input has no payload to carry it
  const row = TOP_LEVEL_ERRORS[code as keyof typeof TopLevelErrorCode];
  if (!row) return [];
  return row.http.split(/\D+/).filter(Boolean).map(Number);
}

/** What is wrong with the shape of one answer; [] when it follows the error model. */
function shapeProblems(op: Operation, r: CallResult): string[] {
  const problems: string[] = [];
  if (r.status >= 500) problems.push(`HTTP ${r.status}`);
  for (const e of r.errors ?? []) {
    const code = e.extensions?.code;
    if (typeof code !== "string") problems.push(`top-level error without extensions.code: ${e.message}`);
    else if (code === TopLevelErrorCode.INTERNAL_SERVER_ERROR) problems.push(`internal error`);
    else if (!statusOf(code).includes(r.status)) problems.push(`${code} answered with HTTP ${r.status}`);
  }
  const payload = r.data?.[op.name] as { userErrors?: unknown } | null | undefined;
  if (op.kind === "mutation" && !r.errors?.length) {
    if (r.status !== 200) problems.push(`payload with HTTP ${r.status}`);
    const userErrors = (payload?.userErrors ?? null) as { code: unknown; message: unknown; field: unknown }[] | null;
    if (!Array.isArray(userErrors)) problems.push("payload without userErrors");
    for (const u of userErrors ?? []) {
      if (typeof u.code !== "string" || !USER_ERROR_CODES.has(u.code))
        problems.push(`userError code ${String(u.code)}`);
      if (typeof u.message !== "string" || !u.message) problems.push(`userError ${String(u.code)} without message`);
      if (u.field !== null && !(Array.isArray(u.field) && u.field.every((s) => typeof s === "string")))
        problems.push(`userError ${String(u.code)} field ${JSON.stringify(u.field)}`);
    }
  }
  return problems.map((p) => `${op.name}: ${p}`);
}

const userErrorCodes = (op: Operation, r: CallResult): string[] =>
  ((r.data?.[op.name] as { userErrors?: { code: string }[] } | null)?.userErrors ?? []).map((u) => u.code);
const topCodes = (r: CallResult): string[] => (r.errors ?? []).map((e) => String(e.extensions?.code));

async function callWithKey(secret: string, query: string, variables: Record<string, unknown>): Promise<CallResult> {
  const res = await fetch(`${world.api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: CallResult["errors"] };
  return { status: res.status, requestId: "", data: body.data ?? null, errors: body.errors };
}

/** Whether an operation's arguments name a row by id anywhere (top level or one input level down). */
function takesId(op: Operation): boolean {
  return op.field.args.some((a) => {
    const named = getNamedType(a.type);
    if (named.name === "ID") return isNonNullType(a.type);
    return (
      isInputObjectType(named) &&
      Object.values(named.getFields()).some((f) => getNamedType(f.type).name === "ID" && isNonNullType(f.type))
    );
  });
}

/**
 * What the minimal sample input lacks for these operations to reach their row lookups (the
 * sample fills required fields only), so a foreign id is answered by the lookup, not by a
 * check of the input's shape.
 */
const VALID_INPUT: Record<string, (ids: (k: IdKind) => string) => Record<string, unknown>> = {
  attachOrderReport: (ids) => ({ fileId: ids("file") }),
  attachDocument: (ids) => ({ caseId: ids("case") }),
  registerClaim: (ids) => ({ caseId: ids("case"), policyId: ids("policy") }),
  scheduleAppointment: () => ({ scheduledAt: "2030-06-03T10:00:00.000Z" }),
};

/** The first partner the access policy lets call the operation: the one a foreign row is foreign to. */
function allowedPartner(op: Operation): PartnerCaller | null {
  const policy = ACCESS_POLICY[op.name];
  if (!policy) return null;
  return PARTNER_CALLERS.find((c) => mayCall(policy, { partnerKind: c })) ?? null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** An answer with its ids blanked: what a caller could tell a foreign row from a missing one by. */
function answerOf(r: CallResult): string {
  const errors = (r.errors ?? []).map((e) => ({
    code: e.extensions?.code,
    message: e.message,
    field: e.extensions?.field,
  }));
  return JSON.stringify({ status: r.status, errors, data: r.data }).replace(UUID, "<id>");
}

function takesVersion(op: Operation): boolean {
  return op.field.args.some((a) => {
    const named = getNamedType(a.type);
    return isInputObjectType(named) && "expectedVersion" in named.getFields();
  });
}

describe("the error model, over every operation", () => {
  it("refuses a key without the operation's scope with FORBIDDEN and HTTP 403, whatever the operation", async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const c = buildCall(op, (k) => samples[k]);
      const key = op.kind === "mutation" ? scopedKeys.read : scopedKeys.write;
      const r = await callWithKey(key, c.query, c.variables);
      wrong.push(...shapeProblems(op, r));
      if (r.status !== 403 || topCodes(r).join() !== "FORBIDDEN")
        wrong.push(`${op.name}: HTTP ${r.status} ${topCodes(r).join()} without the scope`);
      if (r.data?.[op.name] != null) wrong.push(`${op.name}: answered data without the scope`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers an id of no row at all as missing: NOT_FOUND or null, never another status", async () => {
    const wrong: string[] = [];
    for (const op of ops.filter(takesId)) {
      const caller = allowedCaller(op);
      if (!caller) continue;
      const c = buildCall(op, () => randomUUID());
      const r = await world.call(caller, c.query, c.variables);
      wrong.push(...shapeProblems(op, r));
      if (op.kind === "query" && op.name in GET_BY_ID && (r.data?.[op.name] !== null || r.errors?.length))
        wrong.push(`${op.name}: a missing row is not null (${JSON.stringify(r.errors ?? r.data)})`);
      if (op.kind === "mutation" && !r.errors?.length && userErrorCodes(op, r).length === 0)
        wrong.push(`${op.name}: accepted ids of no row`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers a real row of another organisation exactly as an id of no row, for every partner operation taking an id", async () => {
    const wrong: string[] = [];
    const foreign = new Map<PartnerCaller, ForeignIds>();
    let compared = 0;
    for (const op of ops.filter(takesId)) {
      const caller = allowedPartner(op);
      if (!caller) continue;
      if (!foreign.has(caller)) foreign.set(caller, await foreignIdsFor(world, caller, samples));
      const rows = foreign.get(caller)!;
      const used = new Set<IdKind>();
      buildCall(op, (kind) => {
        used.add(kind);
        return samples[kind];
      });
      // One kind at a time, every other id a row of the caller's own in both calls, so the answer is about that id.
      for (const kind of [...used].filter((k) => rows.real.has(k))) {
        const withId = (id: string) => {
          const ids = (k: IdKind) => (k === kind ? id : rows.own(k));
          const c = buildCall(op, ids);
          const patch = VALID_INPUT[op.name];
          if (patch) c.variables.input = { ...(c.variables.input as object), ...patch(ids) };
          return c;
        };
        const withForeign = withId(rows.id(kind));
        const asForeign = await world.call(caller, withForeign.query, withForeign.variables);
        const missing = withId(randomUUID());
        const asMissing = await world.call(caller, missing.query, missing.variables);
        wrong.push(...shapeProblems(op, asForeign));
        const a = answerOf(asForeign);
        const b = answerOf(asMissing);
        if (a !== b) wrong.push(`${op.name} as ${caller} with a foreign ${kind}:\n  foreign ${a}\n  missing ${b}`);
        // A mutation must have looked the row up, not stopped at an unrelated check first.
        if (op.kind === "mutation" && !userErrorCodes(op, asForeign).includes("NOT_FOUND"))
          wrong.push(
            `${op.name} as ${caller} with a foreign ${kind}: ${userErrorCodes(op, asForeign).join()}, not NOT_FOUND`,
          );
        compared += 1;
      }
    }
    expect(wrong).toEqual([]);
    // The demo region gives foreign orders, cases, visits, claims, patients, policies, documents,
    // files and keys: some 30 (operation, id) pairs. Far fewer means the rows were not found.
    expect(compared).toBeGreaterThanOrEqual(25);
  });

  it("answers a stale expectedVersion with STALE_VERSION on the field expectedVersion", async () => {
    const wrong: string[] = [];
    for (const op of ops.filter((o) => o.kind === "mutation" && takesVersion(o))) {
      const caller = allowedCaller(op);
      if (!caller) continue;
      const c = buildCall(op, (k) => samples[k]);
      const input = c.variables.input as Record<string, unknown>;
      const extra = extraRows[getNamedType(op.field.args.find((a) => a.name === "input")!.type).name];
      const stale = { ...input, ...(extra ? { id: extra } : {}), expectedVersion: 987_654 };
      const r = await world.call(extra ? "AGENCY" : caller, c.query, { ...c.variables, input: stale });
      wrong.push(...shapeProblems(op, r));
      const errors = (r.data?.[op.name] as { userErrors?: { code: string; field: string[] | null }[] } | null)
        ?.userErrors;
      const found = errors?.find((e) => e.code === "STALE_VERSION");
      if (!found) wrong.push(`${op.name} as ${caller}: ${JSON.stringify(r.errors ?? errors)}`);
      else if (JSON.stringify(found.field) !== JSON.stringify(["expectedVersion"]))
        wrong.push(`${op.name}: STALE_VERSION field ${JSON.stringify(found.field)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers a malformed id with a userError (mutations) or HTTP 400 BAD_USER_INPUT (queries), with a code", async () => {
    const wrong: string[] = [];
    for (const op of ops.filter(takesId)) {
      const caller = allowedCaller(op);
      if (!caller) continue;
      const c = buildCall(op, () => "not-an-id");
      const r = await world.call(caller, c.query, c.variables);
      wrong.push(...shapeProblems(op, r));
      const refused =
        userErrorCodes(op, r).length > 0 ||
        (r.status === 400 && topCodes(r).length > 0) ||
        (op.kind === "query" && r.data?.[op.name] === null);
      if (!refused) wrong.push(`${op.name}: took a malformed id (${JSON.stringify(r.errors ?? r.data)})`);
    }
    expect(wrong).toEqual([]);
  });
});
