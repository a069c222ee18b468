import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { fieldCipher } from "../crypto/field-encryption.js";
import { Patient } from "../../modules/patient/patient.entity.js";
import { Policy, PolicyMember } from "../../modules/policy/policy.entity.js";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";
import { AuditEvent } from "./audit-event.entity.js";
import { forkFor } from "../db/orm.js";
import { SYSTEM } from "../auth/principal.js";

/**
 * Issue 14 item 11: one REVIEWER query reading many national ids wrote one audit row per
 * field with one flush each (2,030 rows in 10–15 s). The rows are now collected per
 * request and written by one INSERT; nested lists are bounded like pages. The reader here is
 * an ADMIN: since staff row rules, a REVIEWER reads only the patients of what it reviews.
 */
const PATIENTS = 60;
let api: TestApi;
let admin: string;
let policyId: string;

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  const user = await fx.user(["ADMIN"]);
  admin = await loginAs(api.gql, user.email, user.password);
  const insurer = await fx.organization(OrganizationKind.INSURER);
  const policy = fx.em.create(Policy, {
    insurer,
    number: "POL-AUDIT-1",
    holderName: "Group holder",
    type: "GROUP",
    status: "ACTIVE",
    validFrom: "2026-01-01",
    validTo: "2026-12-31",
    coverageRate: "0.8000",
    deductible: "0",
    currency: "CLP",
  } as never);
  fx.em.persist(policy);
  for (let i = 0; i < PATIENTS; i++) {
    const nationalId = String(8_000_000_000 + i);
    const patient = fx.em.create(Patient, {
      customerNumber: String(20_000_000 + i),
      firstName: "Audit",
      lastName: `Reader ${i}`,
      nationalIdEnc: fieldCipher().encrypt(nationalId),
      nationalIdIndex: fieldCipher().blindIndex(nationalId),
    } as never);
    fx.em.persist(patient);
    fx.em.persist(fx.em.create(PolicyMember, { policy, patient } as never));
  }
  await fx.em.flush();
  policyId = policy.id;
});
afterAll(async () => api?.close());

/** Runs `body` and returns the INSERT statements into audit_event the API ran meanwhile. */
async function auditInserts(body: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const knex = api.orm.em.getConnection().getKnex();
  const listen = (q: { sql: string }) => {
    if (/insert\s+into\s+"?audit_event"?/i.test(q.sql)) statements.push(q.sql);
  };
  knex.on("query", listen);
  try {
    await body();
  } finally {
    knex.removeListener("query", listen);
  }
  return statements;
}

const countReads = (requestId: string) =>
  forkFor(api.orm, SYSTEM).count(AuditEvent, { action: "patient.read.nationalId", requestId });

describe("a request's read audits are one insert", () => {
  it(`an ADMIN page of ${PATIENTS} national ids writes ${PATIENTS} audit rows with one INSERT`, async () => {
    let requestId = "";
    const inserts = await auditInserts(async () => {
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: `{ patients(first: 100) { nodes { id nationalId } } }` }),
      });
      requestId = res.headers.get("x-request-id") ?? "";
      const body = (await res.json()) as { data: { patients: { nodes: { nationalId: string }[] } } };
      expect(body.data.patients.nodes).toHaveLength(PATIENTS);
      expect(body.data.patients.nodes.every((n) => /^8\d{9}$/.test(n.nationalId))).toBe(true);
    });
    expect(inserts).toHaveLength(1);
    // The rows are written before the response leaves: no waiting needed.
    expect(await countReads(requestId)).toBe(PATIENTS);
  });

  it("the same patient read by two paths of one query is one audit row", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        query: `query($p: ID!) { policy(id: $p) { members(first: 10) { id nationalId } }
                  patients(first: 10, filter: { policyId: $p }) { nodes { id nationalId } } }`,
        variables: { p: policyId },
      }),
    });
    const body = (await res.json()) as { errors?: unknown; data: { policy: { members: { id: string }[] } } };
    expect(body.errors).toBeUndefined();
    const ids = new Set(body.data.policy.members.map((m) => m.id));
    const rows = await forkFor(api.orm, SYSTEM).find(AuditEvent, {
      action: "patient.read.nationalId",
      requestId: res.headers.get("x-request-id")!,
    });
    // Both lists are the 10 oldest members/newest patients; each distinct patient once.
    expect(rows.length).toBe(new Set(rows.map((r) => r.entityId)).size);
    for (const id of ids) expect(rows.some((r) => r.entityId === id)).toBe(true);
  });

  it("a read without sensitive fields writes no audit row", async () => {
    const inserts = await auditInserts(() => api.gql(`{ patients(first: 100) { nodes { id } } }`, {}, admin));
    expect(inserts).toEqual([]);
  });
});

describe("nested lists are bounded", () => {
  it("members takes first ≤ 100 and returns at most that many", async () => {
    const five = await api.gql<{ policy: { members: unknown[] } }>(
      `query($p: ID!) { policy(id: $p) { members(first: 5) { id } } }`,
      { p: policyId },
      admin,
    );
    expect(five.data.policy.members).toHaveLength(5);
    const over = await api.gql(
      `query($p: ID!) { policy(id: $p) { members(first: 101) { id } } }`,
      { p: policyId },
      admin,
    );
    expect(over.errors?.[0]?.extensions?.code).toBe("PAGE_SIZE_OUT_OF_RANGE");
    expect(over.status).toBe(400);
  });

  it("policies × members × national ids over the cost limit is refused before any read", async () => {
    const before = await forkFor(api.orm, SYSTEM).count(AuditEvent, {});
    const res = await api.gql(
      `{ policies(first: 100) { nodes { members(first: 100) { id nationalId firstName lastName } } } }`,
      {},
      admin,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(await forkFor(api.orm, SYSTEM).count(AuditEvent, {})).toBe(before);
  });
});
