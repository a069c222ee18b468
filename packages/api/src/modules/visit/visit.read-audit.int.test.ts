import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReadWorld, type ReadPath, type ReadWorld } from "../../test-support/read-world.fixtures.js";

let world: ReadWorld;

beforeAll(async () => {
  world = await startReadWorld();
}, 300_000);
afterAll(async () => world?.api.close());

type Row = Record<string, string | null>;

/** The audit rows of sensitive reads one request wrote (all but the request id, which differs by path). */
async function auditedBy(path: ReadPath, query: string, vars: Record<string, unknown>, token: string) {
  const conn = world.api.orm.em.getConnection();
  const READS = `select id, action, entity_type, entity_id, actor_kind, actor_id, actor_organization_id
    from audit_event where action in ('visit.read.bankAccount', 'patient.read.nationalId')`;
  const before = new Set((await conn.execute<Row[]>(READS)).map((r) => r.id));
  const res = await world.read(path, query, vars, token);
  const rows = (await conn.execute<Row[]>(READS))
    .filter((r) => !before.has(r.id))
    .map(({ id: _id, ...rest }) => JSON.stringify(rest))
    .sort();
  return { rows, res };
}

const QUERIES: [string, string, (w: ReadWorld) => Record<string, unknown>][] = [
  [
    "visit by id",
    `query($id: ID!) { visit(id: $id) { id bankAccount patient { id nationalId } } }`,
    (w) => ({ id: w.visitIds[2] }),
  ],
  [
    "a page of visits, the same patient reached twice",
    `{ visits(first: 20) { nodes { id bankAccount patient { nationalId } case { patient { nationalId } } } } }`,
    () => ({}),
  ],
  ["a page of patients", `{ patients(first: 50) { nodes { id nationalId a: nationalId } } }`, () => ({})],
  [
    "a claim's case's patient",
    `query($id: ID!) { claim(id: $id) { id case { patient { nationalId } } } }`,
    (w) => ({ id: w.claimIds[0] }),
  ],
];

describe("the compiled twin of the read audit", () => {
  it("writes the same audit rows as the resolvers for every principal: clear reads audited, masked ones not", async () => {
    let clear = 0;
    for (const [name, query, varsOf] of QUERIES)
      for (const [who, token] of Object.entries(world.principals)) {
        const vars = varsOf(world);
        const compiled = await auditedBy("compiled", query, vars, token);
        expect(compiled.res.answeredBy, `${who} ${name}`).toBe("compiled");
        const orm = await auditedBy("orm", query, vars, token);
        expect(compiled.res.body, `${who} ${name}`).toEqual(orm.res.body);
        expect(compiled.rows, `${who} ${name}`).toEqual(orm.rows);
        clear += compiled.rows.length;
      }
    // The property has something to compare: ADMIN, billing and reviewers read in clear.
    expect(clear).toBeGreaterThan(5);
  }, 600_000);

  it("audits ADMIN's clear reads and none of an operator's masked ones", async () => {
    const Q = `query($id: ID!) { visit(id: $id) { id bankAccount patient { id nationalId } } }`;
    const admin = await auditedBy("compiled", Q, { id: world.visitIds[2] }, world.principals.admin!);
    expect(admin.rows.map((r) => (JSON.parse(r) as Row).action).sort()).toEqual([
      "patient.read.nationalId",
      "visit.read.bankAccount",
    ]);
    const operator = await auditedBy("compiled", Q, { id: world.visitIds[2] }, world.principals.operator!);
    expect(operator.res.answeredBy).toBe("compiled");
    expect(operator.rows).toEqual([]);
    const visit = (operator.res.body as { data: { visit: { bankAccount: string; patient: { nationalId: string } } } })
      .data.visit;
    expect(visit.bankAccount).toBe("•••• 5678");
    expect(visit.patient.nationalId).toBe("••••••••");
  });
});
