import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Knex } from "@mikro-orm/postgresql";
import { SYSTEM } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import { CaseKind } from "../case/case.entity.js";
import { CaseService } from "../case/case.service.js";
import { OrderKind } from "./order.entity.js";
import { newPatient, startKit, type Kit } from "./order.fixtures.js";
import { OrderService } from "./order.service.js";
import { Report, ReportKind } from "./report.entity.js";
import { READ_PATH_HEADER } from "../../platform/read-compiler/plugin.js";

let kit: Kit;
let knex: Knex;
const statements: string[] = [];
const record = (q: { sql: string }) => statements.push(q.sql);

beforeAll(async () => {
  kit = await startKit();
  const em = forkFor(kit.api.orm, SYSTEM);
  // 100 orders for lab A over 25 cases (half of them at the hospital), two reports each.
  for (let c = 0; c < 25; c++) {
    const patient = await newPatient(kit.fx);
    const kase = await new CaseService(em, SYSTEM, null).register({
      patientId: patient.id,
      kind: CaseKind.OUTPATIENT,
      incidentDate: "2026-01-05",
      registeredById: c % 2 ? kit.hospital.id : kit.labA.id,
    });
    for (let i = 0; i < 4; i++) {
      const order = await new OrderService(em, SYSTEM, null, kit.api.config).issue({
        caseId: kase.id,
        providerId: kit.labA.id,
        kind: OrderKind.EXAM,
        specialty: "traumatology",
        serviceCodes: ["TRAUMA-01"],
      });
      em.persist(em.create(Report, { order, kind: ReportKind.PRELIMINARY, form: { n: 1 } }));
      em.persist(em.create(Report, { order, kind: ReportKind.FINAL, form: { n: 2 } }));
    }
    await em.flush();
  }
  knex = kit.api.orm.em.getConnection().getKnex();
  knex.on("query", record);
});
afterAll(async () => {
  knex?.removeListener("query", record);
  await kit?.api.close();
});

const PAGE = `query($n: Int) {
  orders(first: $n, orderBy: { field: CREATED_AT, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id number status overdue availableTransitions amount
      case { id number scanKey patient { id firstName } registeredBy { id name } hospital { id name } }
      provider { id name }
      reports { id kind file { id } }
      lastStatusChange { toStatus event }
      history { event }
    }
  }
}`;

async function run(token: string, pageSize: number) {
  statements.length = 0;
  const res = await fetch(`${kit.api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: PAGE, variables: { n: pageSize } }),
  });
  const body = (await res.json()) as { data: { orders: { nodes: { reports: unknown[] }[] } } };
  expect(res.headers.get(READ_PATH_HEADER)).toBe("compiled");
  expect(body.data.orders.nodes).toHaveLength(pageSize);
  expect(body.data.orders.nodes.every((n) => n.reports.length === 2)).toBe(true);
  return [...statements];
}

describe("a compiled order read", () => {
  it("is one SQL statement at page sizes 10, 50 and 100, for a partner key and a staff token", async () => {
    for (const token of [kit.labAKey, kit.operator]) {
      await run(token, 5); // the first request of a key or session may look it up
      for (const size of [10, 50, 100]) expect(await run(token, size), `page of ${size}`).toHaveLength(1);
    }
  });

  it("adds at most the credential's look-up when it is not cached", async () => {
    const fresh = (await kit.fx.apiKey(kit.labA)).secret;
    const first = await run(fresh, 10);
    // The key's look-up and its last_used_at, then the read.
    expect(first.filter((s) => !/\bapi_key\b/.test(s))).toHaveLength(1);
    expect(await run(fresh, 10)).toHaveLength(1);
  });

  it("reads a partner's page as a UNION of its scope's index-ordered branches", async () => {
    const [statement] = await run(kit.labAKey, 50);
    expect(statement).toMatch(/\) union \(/);
    const [staff] = await run(kit.operator, 50);
    expect(staff).not.toMatch(/ union /);
  });
});
