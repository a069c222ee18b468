import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Knex } from "@mikro-orm/postgresql";
import { SYSTEM } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import { CaseService } from "../case/case.service.js";
import { CaseKind } from "../case/case.entity.js";
import { newPatient, startKit, type Kit } from "./order.fixtures.js";
import { OrderKind } from "./order.entity.js";
import { OrderService } from "./order.service.js";
import { Report, ReportKind } from "./report.entity.js";

let kit: Kit;
let knex: Knex;
let statements = 0;
const countStatement = () => {
  statements += 1;
};

beforeAll(async () => {
  // The resolvers' path (DataLoaders), kept as the compiled read path's fallback; the compiled
  // path's own count is order.read-statements.int.test.ts.
  process.env.READ_COMPILER = "off";
  kit = await startKit();
  const em = forkFor(kit.api.orm, SYSTEM);
  // 100 orders for lab A spread over 25 cases (25 patients), each with two reports.
  for (let c = 0; c < 25; c++) {
    const patient = await newPatient(kit.fx);
    const kase = await new CaseService(em, SYSTEM, null).register({
      patientId: patient.id,
      kind: CaseKind.OUTPATIENT,
      incidentDate: "2026-01-05",
      registeredById: kit.hospital.id,
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
  // Every statement of every connection of the pool passes through knex's query event.
  knex = kit.api.orm.em.getConnection().getKnex();
  knex.on("query", countStatement);
});
afterAll(async () => {
  delete process.env.READ_COMPILER;
  knex?.removeListener("query", countStatement);
  await kit?.api.close();
});

const PAGE = `query($n: Int) {
  orders(first: $n, orderBy: { field: DUE_AT, direction: ASC }) {
    totalCount
    nodes {
      id number status overdue availableTransitions
      case { id number scanKey patient { id firstName } registeredBy { id name } hospital { id name } }
      provider { id name }
      reports { id kind file { id } }
      lastStatusChange { toStatus event }
      history { event }
      rejection { code }
    }
  }
}`;

async function statementsFor(pageSize: number): Promise<number> {
  statements = 0;
  const data = await kit.q<{ orders: { nodes: { reports: unknown[]; case: { id: string } }[] } }>(
    PAGE,
    { n: pageSize },
    kit.labAKey,
  );
  expect(data.orders.nodes).toHaveLength(pageSize);
  expect(data.orders.nodes.every((n) => n.reports.length === 2 && n.case.id)).toBe(true);
  return statements;
}

describe("a provider's page of orders with case, patient, provider, reports and last status change", () => {
  it("runs the same number of SQL statements for 10, 50 and 100 orders", async () => {
    await statementsFor(5); // warm-up: authentication caches nothing, but the first call may differ in housekeeping
    const counts = [await statementsFor(10), await statementsFor(50), await statementsFor(100)];
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
    // A handful: auth, page, count, cases, patients, organisations, reports, history (no files here).
    expect(counts[0]).toBeLessThanOrEqual(12);
  });
});
