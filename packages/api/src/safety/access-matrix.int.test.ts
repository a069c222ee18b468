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
import { ACCESS_POLICY, PARTNER_ROWS, STAFF_ROWS, mayCall } from "./access-policy.fixtures.js";

/**
 * The access matrix (SPEC §7): every operation of schema.graphql, called as every kind of
 * caller with a minimal valid input, answered as ACCESS_POLICY declares; foreign rows
 * answer exactly like missing ones; every successful mutation leaves an audit row.
 */
let world: World;

/** Staff visibility (STAFF_ROWS): the table of each kind, its list with nested rows, its by-id query. */
const STAFF_TABLES: Record<string, string> = {
  visit: "visit",
  case: "medical_case",
  patient: "patient",
  order: "attention_order",
  claim: "claim",
  payment: "payment",
  user: "app_user",
  notification: "notification",
  document: "document",
};
const STAFF_LISTS: Record<string, string> = {
  visit: `visits(first: 100) { totalCount nodes { id case { id patient { id } } patient { id } order { id } assignee { id } } }`,
  case: `cases(first: 100) { totalCount nodes { id patient { id } orders { id } } }`,
  patient: `patients(first: 100) { totalCount nodes { id } }`,
  order: `orders(first: 100) { totalCount nodes { id case { id patient { id } } } }`,
  claim: `claims(first: 100) { totalCount nodes { id case { id patient { id } } policy { id } payments { id } documents { id } } }`,
  document: `documents(first: 100) { totalCount nodes { id case { id documents { id } } } }`,
  user: `users(first: 100) { totalCount nodes { id } }`,
  notification: `notifications(first: 100) { totalCount nodes { id } }`,
};
const GET_ONE: Record<string, string> = {
  visit: "visit",
  case: "case",
  patient: "patient",
  order: "order",
  claim: "claim",
  user: "user",
  document: "document",
};
/** What a visible row needs and so must show (SPEC §8 "and what those need"); `case?` may be null (an appointment without a case). */
const STAFF_NEEDS: Record<string, string[]> = {
  visit: ["patient", "case?.patient"],
  case: ["patient"],
  order: ["case.patient"],
  claim: ["case.patient", "policy"],
};
const NESTED_KIND: Record<string, string> = {
  case: "case",
  patient: "patient",
  order: "order",
  orders: "order",
  assignee: "user",
  payments: "payment",
  documents: "document",
};
/** Whether `path` (a.b, with `a?` allowing a null a) is missing from a list node. */
function lacks(node: Record<string, unknown>, path: string): boolean {
  let value: unknown = node;
  for (const step of path.split(".")) {
    const optional = step.endsWith("?");
    value = (value as Record<string, unknown>)[optional ? step.slice(0, -1) : step];
    if (value == null) return !optional;
  }
  return false;
}

/** [kind, id] of every row nested in a list node (the node itself excluded). */
function nestedRows(node: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, key));
    if (!value || typeof value !== "object") return;
    const obj = value as Record<string, unknown>;
    if (NESTED_KIND[key] && typeof obj.id === "string") out.push([NESTED_KIND[key]!, obj.id]);
    for (const [k, v] of Object.entries(obj)) walk(v, k);
  };
  for (const [k, v] of Object.entries(node)) walk(v, k);
  return out;
}
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
  // The demo template may be seeded first (or by another file, this one waiting), then ~3,000
  // calls: many minutes on a machine busy with another full run.
}, 1_200_000);
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

  // A removed document (the matrix's removeDocument removes its sample) stays readable by
  // id but leaves lists: a list counts the visible rows that are not removed.
  let removedDocuments = new Set<string>();
  const listed = (kind: string, visible: Set<string>) =>
    kind === "document" ? [...visible].filter((id) => !removedDocuments.has(id)).length : visible.size;
  const loadRemoved = async () => {
    removedDocuments = new Set(
      (await world.sql<{ id: string }>(`select id from document where removed_at is not null`, [])).map((r) => r.id),
    );
  };

  it("shows partners exactly their own orders, cases, visits and claims", async () => {
    await loadRemoved();
    const wrong: string[] = [];
    for (const caller of [...PARTNER_CALLERS, "FOREIGN_CLINIC"] as const) {
      const org = world.orgIds[caller];
      for (const [kind, sql] of Object.entries(PARTNER_ROWS)) {
        const own = new Set(
          (await world.sql<{ id: string }>(sql, Array(sql.split("?").length - 1).fill(org))).map((r) => r.id),
        );
        const list = await world.call(caller, `{ ${kind}s(first: 100) { totalCount nodes { id } } }`);
        const page = list.data?.[`${kind}s`] as { totalCount: number; nodes: { id: string }[] };
        if (page.totalCount !== listed(kind, own))
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

  it("shows each staff role exactly its rows: by id, in lists and in nested fields", { timeout: 300_000 }, async () => {
    await loadRemoved();
    const wrong: string[] = [];
    for (const caller of STAFF_CALLERS) {
      const rules = STAFF_ROWS[caller as keyof typeof STAFF_ROWS] as Record<string, string> | undefined;
      const visible = new Map<string, Set<string>>();
      for (const [kind, table] of Object.entries(STAFF_TABLES)) {
        // ADMIN and OPERATOR see every row; a restricted role only what its rules list.
        const sql = rules ? (rules[kind] ?? `select id from ${table} where false`) : `select id from ${table}`;
        const params = Array(sql.split("?").length - 1).fill(world.staffUserIds[caller]);
        visible.set(kind, new Set((await world.sql<{ id: string }>(sql, params)).map((r) => r.id)));
      }
      const sees = (kind: string, id: string) => visible.get(kind)!.has(id);
      for (const [kind, selection] of Object.entries(STAFF_LISTS)) {
        const op = selection.slice(0, selection.indexOf("("));
        const r = await world.call(caller, `{ ${selection} }`);
        if (!mayCall(ACCESS_POLICY[op]!, { staffRole: caller })) {
          if (!errorCodes(r).includes("FORBIDDEN")) wrong.push(`${caller} ${op}: not refused`);
          continue;
        }
        const page = r.data?.[op] as { totalCount: number; nodes: Record<string, unknown>[] } | undefined;
        if (!page) {
          wrong.push(`${caller} ${op}: ${JSON.stringify(r.errors)}`);
          continue;
        }
        if (page.totalCount !== listed(kind, visible.get(kind)!))
          wrong.push(`${caller} ${op}: totalCount ${page.totalCount}, may see ${visible.get(kind)!.size}`);
        for (const node of page.nodes) {
          // Every nested row shown must be visible to the caller; what the row needs must be there.
          for (const [nestedKind, id] of nestedRows(node))
            if (!sees(nestedKind, id)) wrong.push(`${caller} ${op}: nested ${nestedKind} ${id} out of scope`);
          for (const path of STAFF_NEEDS[kind] ?? [])
            if (lacks(node, path)) wrong.push(`${caller} ${op}: ${kind} ${String(node.id)} lacks ${path}`);
        }
        if (!(kind in GET_ONE)) continue;
        const table = STAFF_TABLES[kind]!;
        const ids = [...visible.get(kind)!];
        const outside = await world.sql<{ id: string }>(
          `select id from ${table} where not (id = any(?::uuid[])) order by id limit 1`,
          [`{${ids.join(",")}}`],
        );
        for (const [id, expected] of [
          [ids[0], true],
          [outside[0]?.id, false],
        ] as const) {
          if (!id) continue;
          const one = await world.call(caller, `query($id: ID!) { ${GET_ONE[kind]}(id: $id) { id } }`, { id });
          if ((one.data?.[GET_ONE[kind]!] != null) !== expected)
            wrong.push(`${caller} ${kind}(id: ${id}): expected ${expected ? "the row" : "null"}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers a foreign row exactly like a missing one, for every operation that takes an id", async () => {
    const scopedKinds = (Object.values(GET_BY_ID) as IdKind[]).filter(
      (k) => !["organization", "serviceCode", "workCalendar", "user", "branch"].includes(k),
    );
    const normalise = (r: CallResult) =>
      JSON.stringify({ s: r.status, d: r.data, e: r.errors }).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        "<id>",
      );
    const wrong: string[] = [];
    let compared = 0;
    for (const caller of [...PARTNER_CALLERS, "FOREIGN_CLINIC", "VISITOR", "BILLING", "REVIEWER"] as const) {
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
  }, 600_000);

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
