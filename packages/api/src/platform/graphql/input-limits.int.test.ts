import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../logger.js";
import { sessionTimeouts } from "../db/orm.js";
import { issueOrder, newPatient, startKit, type Kit } from "../../modules/order/order.fixtures.js";
import { Patient } from "../../modules/patient/patient.entity.js";
import { INPUT_LIMITS } from "./input-limits.js";
import { LIST_COST } from "./list-cost.js";
import { initOrm } from "../../app.js";

/**
 * Issue 14 item 4: one request must not be able to freeze the API — free text is capped,
 * LIKE wildcards match literally, a search over patients only looks at the caller's,
 * statements have a timeout, and list sizes count in the query cost.
 */
let kit: Kit;
let literal: Patient;
let lookalike: Patient;
let literalOrder: string;
let lookalikeOrder: string;
// 100 characters with LIKE wildcards in them: as wildcards they would match `lookalike` too.
const LITERAL_NAME = `Pct%Under_Score\\${"x".repeat(100 - "Pct%Under_Score\\".length - "Ana ".length)}`;

async function caseFor(patient: Patient): Promise<string> {
  const res = await kit.q<{ registerCase: { case: { id: string } } }>(
    `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } userErrors { code } } }`,
    { i: { patientId: patient.id, kind: "OUTPATIENT", incidentDate: "2026-01-10" } },
    kit.operator,
  );
  return res.registerCase.case.id;
}

beforeAll(async () => {
  kit = await startKit();
  literal = await newPatient(kit.fx);
  literal.firstName = "Ana";
  literal.lastName = LITERAL_NAME;
  lookalike = await newPatient(kit.fx);
  lookalike.firstName = "Ana";
  lookalike.lastName = LITERAL_NAME.replace("%", "-percent-").replace("_", "-").replace("\\", "/");
  await kit.fx.em.flush();
  literalOrder = (await issueOrder(kit, { caseId: await caseFor(literal) })).id;
  // Lab B's: lab A must never find it, whatever it searches.
  lookalikeOrder = (await issueOrder(kit, { caseId: await caseFor(lookalike), providerId: kit.labB.id })).id;
});
afterAll(async () => kit?.api.close());

const ORDERS = `query($s: String) { orders(first: 20, filter: { search: $s }) { nodes { id } } }`;

async function search(text: string, token: string) {
  return kit.api.gql<{ orders: { nodes: { id: string }[] } }>(ORDERS, { s: text }, token);
}

describe("free-text length caps", () => {
  it("refuses the ~79 KB `%_` search with a 400 and BAD_USER_INPUT before any SQL runs", async () => {
    const res = await search("%_".repeat(39_500), kit.labAKey);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/filter\.search is at most 100 characters/);
    expect(res.data?.orders ?? null).toBeNull();
  });

  it(`accepts ${INPUT_LIMITS.search} characters and refuses ${INPUT_LIMITS.search + 1}, as a variable or a literal`, async () => {
    const ok = await search("a".repeat(INPUT_LIMITS.search), kit.operator);
    expect(ok.status).toBe(200);
    expect(ok.errors).toBeUndefined();
    const over = await kit.api.gql(
      `{ patients(first: 1, filter: { search: "${"a".repeat(INPUT_LIMITS.search + 1)}" }) { totalCount } }`,
      {},
      kit.operator,
    );
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("caps the other strings of a filter and any string anywhere, nested inputs included", async () => {
    const filterString = await kit.api.gql(
      `query($n: String) { patients(first: 1, filter: { customerNumber: $n }) { totalCount } }`,
      { n: "1".repeat(INPUT_LIMITS.filterString + 1) },
      kit.operator,
    );
    expect(filterString.status).toBe(400);
    expect(filterString.errors?.[0]?.extensions?.field).toEqual(["filter", "customerNumber"]);
    const note = await kit.api.gql(
      `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { userErrors { code } } }`,
      { i: { id: literalOrder, event: "CONFIRM", expectedVersion: 1, reason: "r".repeat(INPUT_LIMITS.reason + 1) } },
      kit.labAKey,
    );
    expect(note.status).toBe(400);
    expect(note.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", maxLength: INPUT_LIMITS.reason });
  });
});

describe("LIKE wildcards in a search match literally", () => {
  it("a 100-character search with % _ and \\ finds the patient named so, not a lookalike", async () => {
    const text = `Ana ${LITERAL_NAME}`;
    expect(text).toHaveLength(100);
    const res = await search(text, kit.operator);
    expect(res.errors).toBeUndefined();
    expect(res.data.orders.nodes.map((n) => n.id)).toEqual([literalOrder]);
    const patients = await kit.api.gql<{ patients: { nodes: { id: string }[] } }>(
      `query($s: String) { patients(first: 20, filter: { search: $s }) { nodes { id } } }`,
      { s: LITERAL_NAME },
      kit.operator,
    );
    expect(patients.data.patients.nodes.map((n) => n.id)).toEqual([literal.id]);
    // A bare wildcard is a character to look for, not "anything".
    const wildcard = await search("%", kit.operator);
    expect(wildcard.data.orders.nodes.map((n) => n.id)).toEqual([literalOrder]);
  });
});

describe("a partner's search looks only at its own patients", () => {
  it("finds its order by the patient's name and never another lab's patient", async () => {
    const own = await search(`Ana ${LITERAL_NAME}`, kit.labAKey);
    expect(own.data.orders.nodes.map((n) => n.id)).toEqual([literalOrder]);
    const foreignName = "Ana Pct-percent-Under-Score";
    const foreign = await search(foreignName, kit.labAKey);
    expect(foreign.data.orders.nodes).toEqual([]);
    const theirs = await search(foreignName, kit.labBKey);
    expect(theirs.data.orders.nodes.map((n) => n.id)).toEqual([lookalikeOrder]);
    const cases = await kit.api.gql<{ cases: { nodes: unknown[] } }>(
      `query($s: String) { cases(first: 20, filter: { search: $s }) { nodes { id } } }`,
      { s: foreignName },
      kit.labAKey,
    );
    expect(cases.data.cases.nodes).toEqual([]);
  });

  it("runs the name match inside the partner's patient scope, not over every tenant's patients", async () => {
    // MikroORM hands knex its statements with the values already inlined; the compiled read
    // path binds them ($1, $2…), so put each value back where it is used.
    const statements: { sql: string }[] = [];
    const knex = kit.api.orm.em.getConnection().getKnex();
    const listen = (q: { sql: string; bindings?: unknown[] }) =>
      statements.push({
        sql: q.sql.replace(/\$(\d+)/g, (all, n: string) =>
          q.bindings && Number(n) <= q.bindings.length ? `'${String(q.bindings[Number(n) - 1])}'` : all,
        ),
      });
    knex.on("query", listen);
    try {
      await search("Ana", kit.labAKey);
    } finally {
      knex.removeListener("query", listen);
    }
    const withSearch = statements.filter((s) => /first_name.*ilike/is.test(s.sql));
    expect(withSearch.length).toBeGreaterThan(0);
    for (const s of withSearch) {
      // The patient subquery (alias "vis") carries the Patient scope rule: the medical_case
      // sources that grant lab A its patients, for lab A's id.
      const at = s.sql.indexOf(`from "patient" as "vis"`);
      expect(at, s.sql).toBeGreaterThanOrEqual(0);
      const sub = s.sql.slice(at);
      expect(sub).toMatch(/registered_by_id/);
      expect(sub).toContain(kit.labA.id);
    }
  });
});

describe("statement timeouts on the pool", () => {
  it("every connection of the API's pool carries statement_timeout and idle_in_transaction_session_timeout", async () => {
    const conn = kit.api.orm.em.getConnection();
    const [st] = await conn.execute<{ statement_timeout: string }[]>("show statement_timeout");
    const [idle] = await conn.execute<{ idle_in_transaction_session_timeout: string }[]>(
      "show idle_in_transaction_session_timeout",
    );
    expect(st?.statement_timeout).toBe("15s");
    expect(idle?.idle_in_transaction_session_timeout).toBe("30s");
  });

  it("Postgres cancels a statement that runs past the configured timeout", async () => {
    const url = kit.api.config.DATABASE_URL;
    const orm = await initOrm(
      url,
      { pool: { min: 0, max: 1 }, ...sessionTimeouts({ statementMs: 300, idleInTransactionMs: 1000 }) },
      createLogger("silent", "timeout-test"),
    );
    try {
      await expect(orm.em.getConnection().execute("select pg_sleep(5)")).rejects.toMatchObject({ code: "57014" });
      // The connection survives the cancellation and serves the next statement.
      const [row] = await orm.em.getConnection().execute<{ one: number }[]>("select 1 as one");
      expect(row?.one).toBe(1);
    } finally {
      await orm.close(true);
    }
  });
});

describe("list sizes and string lengths count in the query cost", () => {
  const nested = (first: number) =>
    `{ patients(first: ${first}) { nodes { id policies { id members { id firstName lastName } } } } }`;

  it(`refuses nested lists whose product is over ${LIST_COST.maxCost} with 400 QUERY_TOO_COMPLEX`, async () => {
    const res = await kit.api.gql(nested(100), {}, kit.operator);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors?.[0]?.extensions?.cost).toBeGreaterThan(LIST_COST.maxCost);
  });

  it("lets the same shape through with a small page", async () => {
    const res = await kit.api.gql(nested(5), {}, kit.operator);
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it("counts `first` given as a variable", async () => {
    const res = await kit.api.gql(
      `query($n: Int) { patients(first: $n) { nodes { id policies { id members { id firstName lastName } } } } }`,
      { n: 100 },
      kit.operator,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});
