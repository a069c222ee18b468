import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildWorld,
  ALL_CALLERS,
  DOOR_CALLERS,
  PARTNER_CALLERS,
  STAFF_CALLERS,
  errorCodes,
  type Caller,
  type CallResult,
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
import { ACCESS_POLICY, PARTNER_ROWS, mayCall } from "./access-policy.fixtures.js";

/**
 * The access matrix (SPEC §7): every operation of schema.graphql, called as every kind of
 * caller with a minimal valid input, answered as ACCESS_POLICY declares; foreign rows
 * answer exactly like missing ones; every successful mutation leaves an audit row.
 */
let world: World;
let ids: Record<IdKind, string>;
const ops: Operation[] = operationsOf(publishedSchema());
const results = new Map<string, CallResult>();
const key = (op: string, caller: Caller) => `${op}/${caller}`;

const isDoor = (c: Caller) => (DOOR_CALLERS as readonly string[]).includes(c) && c !== "ANONYMOUS";
const describeCaller = (c: Caller) =>
  c === "ANONYMOUS"
    ? { anonymous: true }
    : (STAFF_CALLERS as readonly string[]).includes(c)
      ? { staffRole: c }
      : { partnerKind: c === "FOREIGN_CLINIC" ? "CLINIC" : c };

beforeAll(async () => {
  world = await buildWorld();
  ids = await sampleIds(world);
  // Queries first, then mutations; the damaging mutations target expendable rows.
  for (const kind of ["query", "mutation"] as const)
    for (const caller of ALL_CALLERS)
      for (const op of ops.filter((o) => o.kind === kind)) {
        const c = buildCall(op, (k) => ids[k]);
        results.set(key(op.name, caller), await world.call(caller, c.query, c.variables));
      }
}, 600_000);
afterAll(async () => world?.api.close());

describe("access matrix", () => {
  it("declares a policy for every operation of schema.graphql and of the served schema, and for nothing else", async () => {
    const published = ops.map((o) => o.name).sort();
    const served = await world.call(
      "ADMIN",
      `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`,
    );
    const s = served.data?.__schema as {
      queryType: { fields: { name: string }[] };
      mutationType: { fields: { name: string }[] };
    };
    const live = [...s.queryType.fields, ...s.mutationType.fields].map((f) => f.name);
    const declared = Object.keys(ACCESS_POLICY);
    expect(
      published.filter((n) => !declared.includes(n)),
      "operations without a policy entry",
    ).toEqual([]);
    expect(
      live.filter((n) => !declared.includes(n)),
      "served operations without a policy entry",
    ).toEqual([]);
    expect(
      declared.filter((n) => !published.includes(n) && !live.includes(n)),
      "policy entries for no operation",
    ).toEqual([]);
  });

  it("answers every operation as the policy says for every caller, and never with an internal error", () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const policy = ACCESS_POLICY[op.name];
      if (!policy) continue;
      for (const caller of ALL_CALLERS) {
        const r = results.get(key(op.name, caller))!;
        const codes = errorCodes(r);
        const got = codes.includes("UNAUTHENTICATED")
          ? "UNAUTHENTICATED"
          : codes.includes("FORBIDDEN")
            ? "FORBIDDEN"
            : "ALLOWED";
        const expected = isDoor(caller)
          ? "UNAUTHENTICATED"
          : mayCall(policy, describeCaller(caller))
            ? "ALLOWED"
            : caller === "ANONYMOUS"
              ? "UNAUTHENTICATED"
              : "FORBIDDEN";
        if (got !== expected)
          wrong.push(`${op.name} as ${caller}: expected ${expected}, got ${got} ${JSON.stringify(r.errors ?? r.data)}`);
        if (codes.includes("INTERNAL_SERVER_ERROR") || r.status >= 500)
          wrong.push(`${op.name} as ${caller}: internal error`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("shows partners exactly their own orders, cases, visits and claims", async () => {
    const wrong: string[] = [];
    for (const caller of [...PARTNER_CALLERS, "FOREIGN_CLINIC"] as const) {
      const org = world.orgIds[caller];
      for (const [kind, sql] of Object.entries(PARTNER_ROWS)) {
        const own = new Set(
          (await world.sql<{ id: string }>(sql, Array(sql.split("?").length - 1).fill(org))).map((r) => r.id),
        );
        const list = await world.call(caller, `{ ${kind}s(first: 100) { totalCount nodes { id } } }`);
        const page = list.data?.[`${kind}s`] as { totalCount: number; nodes: { id: string }[] };
        if (page.totalCount !== own.size)
          wrong.push(`${caller} ${kind}s: totalCount ${page.totalCount}, owns ${own.size}`);
        for (const n of page.nodes) if (!own.has(n.id)) wrong.push(`${caller} sees foreign ${kind} ${n.id}`);
        const sample = ids[kind as IdKind];
        const one = await world.call(caller, `query($id: ID!) { ${kind}(id: $id) { id } }`, { id: sample });
        if ((one.data?.[kind] !== null) !== own.has(sample))
          wrong.push(`${caller} ${kind}(id) disagrees with ownership`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers a foreign row exactly like a missing one, for every operation that takes an id", async () => {
    const scopedKinds = (Object.values(GET_BY_ID) as IdKind[]).filter(
      (k) => !["organization", "serviceCode", "workCalendar", "user"].includes(k),
    );
    const normalise = (r: CallResult) =>
      JSON.stringify({ s: r.status, d: r.data, e: r.errors }).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        "<id>",
      );
    const wrong: string[] = [];
    let compared = 0;
    for (const caller of [...PARTNER_CALLERS, "FOREIGN_CLINIC"] as const) {
      const invisible = new Set<IdKind>();
      for (const k of scopedKinds) {
        const q = Object.entries(GET_BY_ID).find(([, v]) => v === k)![0];
        const r = await world.call(caller, `query($id: ID!) { ${q}(id: $id) { id } }`, { id: ids[k] });
        if (r.data?.[q] === null) invisible.add(k);
      }
      for (const op of ops) {
        let usesForeign = false;
        const missing = buildCall(op, (k) => (invisible.has(k) ? ((usesForeign = true), crypto.randomUUID()) : ids[k]));
        if (!usesForeign) continue;
        const foreign = buildCall(op, (k) => ids[k]);
        const a = await world.call(caller, foreign.query, foreign.variables);
        const b = await world.call(caller, missing.query, missing.variables);
        compared += 1;
        if (normalise(a) !== normalise(b))
          wrong.push(`${op.name} as ${caller}:\n foreign ${normalise(a)}\n missing ${normalise(b)}`);
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it("writes an audit event for every mutation that succeeded", async () => {
    const wrong: string[] = [];
    let succeeded = 0;
    for (const op of ops.filter((o) => o.kind === "mutation")) {
      const policy = ACCESS_POLICY[op.name];
      for (const caller of ALL_CALLERS) {
        const r = results.get(key(op.name, caller))!;
        const payload = r.data?.[op.name] as { userErrors?: unknown[] } | undefined;
        if (r.errors?.length || !payload || (payload.userErrors ?? []).length > 0) continue;
        if (typeof policy?.audit === "object") continue;
        succeeded += 1;
        const rows = await world.sql<{ action: string }>(`select action from audit_event where request_id = ?`, [
          r.requestId,
        ]);
        if (!rows.some((row) => row.action.startsWith(String(policy?.audit ?? ""))))
          wrong.push(`${op.name} as ${caller}: ${JSON.stringify(rows)}`);
      }
    }
    expect(succeeded).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});
