import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures, loginAs } from "../test-support/entities.fixtures.js";
import { PDF_BYTES, uploadFile } from "../modules/order/files/files.fixtures.js";
import { buildWorld, errorCodes, type World } from "./world.fixtures.js";

/**
 * Issue 14, item 7: every staff role read everything. A VISITOR with a few assigned visits
 * read every patient, order (with report files), claim, notification, user phone and daily
 * collection. Each role now reads its own remit (SPEC §8), at every door: GraphQL lists, by
 * id, nested fields, mutations, file downloads and exports.
 */
let world: World;
let ids: (sql: string, params?: unknown[]) => Promise<string[]>;
beforeAll(async () => {
  world = await buildWorld();
  ids = async (sql, params = []) => (await world.sql<{ id: string }>(sql, params)).map((r) => r.id);
  // The demo template may be seeded first (or by another file, this one waiting).
}, 900_000);
afterAll(async () => world?.api.close());

const page = async (caller: "VISITOR" | "BILLING" | "REVIEWER" | "ADMIN", list: string) => {
  const r = await world.call(caller, `{ ${list}(first: 100) { totalCount nodes { id } } }`);
  const p = r.data?.[list] as { totalCount: number; nodes: { id: string }[] } | undefined;
  if (!p) throw new Error(`${list} as ${caller}: ${JSON.stringify(r.errors)}`);
  return { total: p.totalCount, ids: p.nodes.map((n) => n.id) };
};
const get = (caller: "VISITOR" | "BILLING" | "REVIEWER" | "ADMIN", path: string) =>
  fetch(`${world.api.url}${path}`, { headers: { authorization: `Bearer ${world.tokens[caller]}` } });

describe("a VISITOR", () => {
  let visitorId: string;
  let assigned: string[];
  beforeAll(async () => {
    visitorId = world.staffUserIds.VISITOR;
    assigned = await ids(`select id from visit where assignee_id = ?`, [visitorId]);
  });

  it("reads only its assigned visits and their patients, no orders, no claims, no collections", async () => {
    expect(assigned.length).toBeGreaterThan(0);
    const allPatients = await ids(`select id from patient`);
    const ownPatients = await ids(`select distinct patient_id id from visit where assignee_id = ?`, [visitorId]);
    expect(allPatients.length).toBeGreaterThan(ownPatients.length);

    expect((await page("VISITOR", "visits")).ids.sort()).toEqual([...assigned].sort());
    const patients = await page("VISITOR", "patients");
    expect(patients.total).toBe(ownPatients.length);
    expect(patients.ids.every((id) => ownPatients.includes(id))).toBe(true);
    expect((await page("VISITOR", "orders")).total).toBe(0);
    expect((await page("VISITOR", "claims")).total).toBe(0);
    expect((await page("ADMIN", "orders")).total).toBeGreaterThan(0);

    const other = (
      await ids(`select id from patient where id not in (select patient_id from visit where assignee_id = ?) limit 1`, [
        visitorId,
      ])
    )[0]!;
    const one = await world.call("VISITOR", `query($id: ID!) { patient(id: $id) { id } }`, { id: other });
    expect(one.data?.patient).toBeNull();

    const collections = await world.call("VISITOR", `{ dailyCollections(date: "2026-03-02") { organizationId } }`);
    expect(errorCodes(collections)).toEqual(["FORBIDDEN"]);
    for (const q of [`{ monthlyStatistics { totalCount } }`, `{ auditEvents { totalCount } }`])
      expect(errorCodes(await world.call("VISITOR", q))).toEqual(["FORBIDDEN"]);
  });

  it("reads what its visits need through nested fields: case, patient, hospital, the patient's policies", async () => {
    const r = await world.call(
      "VISITOR",
      `{ visits(first: 100) { nodes { id case { id patient { id } } patient { id policies { id } } site { id } order { id } } } }`,
    );
    const nodes = (r.data?.visits as { nodes: Record<string, unknown>[] }).nodes;
    expect(nodes.length).toBe(assigned.length);
    for (const v of nodes) {
      expect(v.patient).not.toBeNull();
      expect(v.site).not.toBeNull();
      expect(v.order).toBeNull();
    }
    const held = await ids(
      `select distinct pm.policy_id id from policy_member pm join visit v on v.patient_id = pm.patient_id where v.assignee_id = ?`,
      [visitorId],
    );
    const shown = nodes.flatMap((v) => ((v.patient as { policies: { id: string }[] }).policies ?? []).map((p) => p.id));
    expect(new Set(shown)).toEqual(new Set(held));
  });

  it("sees only the outbox messages sent to it about its visits, and no other user's phone", async () => {
    const mine = await ids(
      `select n.id from notification n join app_user u on u.phone = n.recipient
        where u.id = ? and n.related_type = 'Visit' and n.related_id in (select id from visit where assignee_id = ?)`,
      [visitorId, visitorId],
    );
    const outbox = await page("VISITOR", "notifications");
    expect(outbox.ids.sort()).toEqual(mine.sort());
    expect((await page("ADMIN", "notifications")).total).toBeGreaterThan(mine.length);
    const users = await world.call("VISITOR", `{ users(first: 100) { nodes { id phone } } }`);
    expect((users.data?.users as { nodes: { id: string }[] }).nodes.map((u) => u.id)).toEqual([visitorId]);
  });

  it("cannot download an order's report file: 404 as for a missing file", async () => {
    const order = (
      await ids(`select id from attention_order where provider_id = ? and status = 'IN_EVALUATION'`, [world.orgIds.LAB])
    )[0]!;
    const upload = await uploadFile(world.api.url, world.tokens.LAB, PDF_BYTES, "report.pdf", "application/pdf");
    expect(upload.status).toBe(201);
    const attached = await world.call(
      "LAB",
      `mutation($i: AttachOrderReportInput!) { attachOrderReport(input: $i) { userErrors { code } } }`,
      { i: { orderId: order, kind: "PRELIMINARY", fileId: upload.body.id } },
    );
    expect(attached.data?.attachOrderReport).toEqual({ userErrors: [] });
    expect((await get("ADMIN", `/files/${String(upload.body.id)}`)).status).toBe(200);
    const foreign = await get("VISITOR", `/files/${String(upload.body.id)}`);
    const missing = await get("VISITOR", `/files/${crypto.randomUUID()}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
  });

  it("exports only its visits, and no statistics", async () => {
    const csv = await (await get("VISITOR", `/exports/visits.csv`)).text();
    expect(csv.trim().split(/\r?\n/).length - 1).toBe(assigned.length);
    expect((await get("VISITOR", `/exports/monthly-statistics.csv?month=2026-03`)).status).toBe(403);
  });

  it("answers a mutation on another visitor's visit exactly like one on a missing visit", async () => {
    const others = await ids(`select id from visit where assignee_id <> ? and status = 'SCHEDULED'`, [visitorId]);
    expect(others.length).toBeGreaterThan(0);
    const save = (id: string) =>
      world.call(
        "VISITOR",
        `mutation($i: SaveVisitFindingsInput!) { saveVisitFindings(input: $i) { visit { id } userErrors { code field } } }`,
        { i: { id, expectedVersion: 1, findings: { ward: "7B" } } },
      );
    const foreign = await save(others[0]!);
    const missing = await save(crypto.randomUUID());
    expect(foreign.data?.saveVisitFindings).toEqual(missing.data?.saveVisitFindings);
    expect(JSON.stringify(foreign.data)).toContain("NOT_FOUND");
  });
});

describe("BILLING", () => {
  it("reads every claim, the orders where billing acts, the visits that produced a claim; no outbox", async () => {
    expect((await page("BILLING", "claims")).total).toBe((await ids(`select id from claim`)).length);
    const billable = await ids(`select id from attention_order where status in ('VALIDATED_FOR_BILLING', 'BILLED')`);
    expect((await page("BILLING", "orders")).total).toBe(billable.length);
    const sourced = await ids(`select distinct source_visit_id id from claim where source_visit_id is not null`);
    expect((await page("BILLING", "visits")).total).toBe(sourced.length);
    expect(errorCodes(await world.call("BILLING", `{ notifications { totalCount } }`))).toEqual(["FORBIDDEN"]);
    const collections = await world.call("BILLING", `{ dailyCollections(date: "2026-03-02") { organizationId } }`);
    expect(collections.errors).toBeUndefined();
  });
});

describe("a REVIEWER", () => {
  it("reads what is submitted for review: orders from IN_VERIFICATION on, visits in review, submitted claims", async () => {
    const orders = await ids(
      `select id from attention_order where status in ('IN_VERIFICATION', 'REJECTED', 'VALIDATED_FOR_BILLING', 'BILLED')
        or (status = 'VOIDED' and id in (select entity_id from status_change where to_status = 'IN_VERIFICATION'))`,
    );
    expect((await page("REVIEWER", "orders")).total).toBe(orders.length);
    const visits = await ids(
      `select id from visit where kind = 'FIELD_VISIT' and status in ('IN_REVIEW', 'RETURNED', 'COMPLETED')`,
    );
    expect((await page("REVIEWER", "visits")).total).toBe(visits.length);
    const claims = await ids(
      `select id from claim where status not in ('DRAFT', 'CANCELLED') or first_submitted_at is not null`,
    );
    expect((await page("REVIEWER", "claims")).total).toBe(claims.length);
    expect(claims.length).toBeLessThan((await ids(`select id from claim`)).length);
    const draft = (await ids(`select id from claim where status = 'DRAFT' and first_submitted_at is null`))[0]!;
    const one = await world.call("REVIEWER", `query($id: ID!) { claim(id: $id) { id } }`, { id: draft });
    expect(one.data?.claim).toBeNull();
  });

  it("reads the audit trail of that work only, not the operator's whole trail", async () => {
    const reviewed = `select id from attention_order where status in ('IN_VERIFICATION', 'REJECTED', 'VALIDATED_FOR_BILLING', 'BILLED')
        or (status = 'VOIDED' and id in (select entity_id from status_change where to_status = 'IN_VERIFICATION'))
      union all select id from visit where kind = 'FIELD_VISIT' and status in ('IN_REVIEW', 'RETURNED', 'COMPLETED')
      union all select id from claim where status not in ('DRAFT', 'CANCELLED') or first_submitted_at is not null`;
    const theirs = await ids(`select id from audit_event where entity_id in (${reviewed})`);
    const all = await ids(`select id from audit_event`);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(all.length);
    expect((await page("REVIEWER", "auditEvents")).total).toBe(theirs.length);
    expect((await page("ADMIN", "auditEvents")).total).toBe(all.length);
    // An event about anything else (a user, a key, a draft) is not there, even asked for by id.
    const [other] = await world.sql<{ entity_id: string }>(
      `select entity_id from audit_event where entity_id is not null and entity_id not in (${reviewed}) limit 1`,
    );
    const byEntity = `query($id: ID!) { auditEvents(filter: { entityId: $id }) { totalCount } }`;
    const asReviewer = await world.call("REVIEWER", byEntity, { id: other!.entity_id });
    const asAdmin = await world.call("ADMIN", byEntity, { id: other!.entity_id });
    expect((asReviewer.data?.auditEvents as { totalCount: number }).totalCount).toBe(0);
    expect((asAdmin.data?.auditEvents as { totalCount: number }).totalCount).toBeGreaterThan(0);
  });
});

describe("a user with several roles", () => {
  it("sees the union of its roles' rows", async () => {
    const fx = new Fixtures(world.api.orm);
    const user = await fx.user(["VISITOR", "BILLING"]);
    await fx.em.flush();
    const visit = (await ids(`select id from visit where assignee_id is not null and status = 'SCHEDULED'`))[0]!;
    await world.sql(`update visit set assignee_id = ? where id = ?`, [user.id, visit]);
    const token = await loginAs((q, v) => world.api.gql(q, v) as never, user.email, user.password);
    const r = await fetch(`${world.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ visits(first: 100) { totalCount } claims { totalCount } }` }),
    });
    const data = ((await r.json()) as { data: { visits: { totalCount: number }; claims: { totalCount: number } } })
      .data;
    const sourced = await ids(`select id from visit where id = ? or id in (select source_visit_id from claim)`, [
      visit,
    ]);
    expect(data.visits.totalCount).toBe(sourced.length);
    expect(data.claims.totalCount).toBe((await ids(`select id from claim`)).length);
  });
});
