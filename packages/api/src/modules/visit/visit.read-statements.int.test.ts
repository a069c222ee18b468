import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import { startReadWorld, statementRecorder, type ReadWorld } from "../../test-support/read-world.fixtures.js";
import { CaseKind } from "../case/case.entity.js";
import { CaseService } from "../case/case.service.js";

let world: ReadWorld;
/** The credential's look-up on a cache miss (the one statement a read may add). */
const AUTH_LOOKUP = /\bfrom app_user u\b[^;]*?\bwhere u\.id\b|\bapi_key\b/;
let recorder: ReturnType<typeof statementRecorder>;

beforeAll(async () => {
  world = await startReadWorld();
  // 100 more inpatient cases at the hospital, each opening its field visit.
  const em = forkFor(world.api.orm, SYSTEM);
  for (let i = 0; i < 100; i++)
    await new CaseService(em, SYSTEM, null).register({
      patientId: world.w.patient.id,
      kind: CaseKind.INPATIENT,
      incidentDate: "2026-02-01",
      registeredById: world.w.hospital.id,
      hospitalId: world.w.hospital.id,
    });
  recorder = statementRecorder(world.api);
}, 600_000);
afterAll(async () => {
  recorder?.stop();
  await world?.api.close();
});

const VISITS = `query($n: Int) { visits(first: $n) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { id number status availableTransitions caseId bankAccount assignee { id name }
    entries { actorName } documents { id documentType { code } }
    case { id number branchId branch { code } registeredBy { id name }
      patient { id firstName nationalId declaredPolicyVerified availableTransitions } }
    patient { id lastName } site { id name }
    liabilityLinks { id policyId policy { number deductible } liability { code annualLimit } }
    history { event toStatus actorName } }
} }`;
const CASES = `query($n: Int) { cases(first: $n) {
  totalCount edges { cursor node { id number scanKey availableTransitions hospital { id name }
    patient { id nationalId policies { number deductible } history { event } }
    history { event actorName } branch { id code } documents { id fileName } orders { id status } } }
} }`;
/** The audit rows of clear sensitive reads: one insert when the request ends, a write the read owes (read-audit.ts). */
const AUDIT_INSERT = /^insert into audit_event\b/;

describe("a compiled visit or case read", () => {
  for (const [name, query] of [
    ["visits", VISITS],
    ["cases", CASES],
  ] as const)
    it(`is one SQL statement for ${name} at page sizes 10, 50 and 100: partner key, staff, branch session`, async () => {
      for (const who of ["hospital", "operator", "operatorTEH"]) {
        const token = world.principals[who]!;
        await recorder.run(query, { n: 5 }, token); // the first request of a key or session may look it up
        for (const size of [10, 50, 100]) {
          const { body, sql } = await recorder.run(query, { n: size }, token);
          const page = (body as { data: Record<string, { nodes?: unknown[]; edges?: unknown[] }> }).data[name]!;
          expect((page.nodes ?? page.edges)!.length, `${who} ${name}`).toBe(size);
          const reads = sql.filter((q) => !AUTH_LOOKUP.test(q) && !AUDIT_INSERT.test(q.trim()));
          expect(reads, `${who} ${name} page of ${size}: ${sql.map((q) => q.slice(0, 200)).join(" ;; ")}`).toHaveLength(
            1,
          );
          // A session whose user just changed (its branches were set) is not cached for a while.
          const audit = sql.filter((q) => AUDIT_INSERT.test(q.trim())).length;
          expect(audit, `${who} ${name} page of ${size}`).toBeLessThanOrEqual(1);
          expect(sql.length - audit, `${who} ${name} page of ${size}`).toBeLessThanOrEqual(
            who === "operatorTEH" ? 2 : 1,
          );
        }
      }
    });

  it("is one SQL statement for visit(id) and case(id) asked together with everything nested", async () => {
    const query = `query($v: ID!, $c: ID!) {
      visit(id: $v) { id status bankAccount case { id patient { id nationalId } } patient { id } site { id }
        liabilityLinks { id policy { id } liability { id } } history { event actorName } assignee { id }
        entries { actorName changes { field before after } } documents { id } }
      case(id: $c) { id status patient { id } registeredBy { id } hospital { id } history { event } branch { id }
        documents { id } orders { id } } }`;
    const vars = { v: world.visitIds[2], c: world.caseIds[2] };
    await recorder.run(query, vars, world.principals.operator!);
    const { body, sql } = await recorder.run(query, vars, world.principals.operator!);
    expect((body as { data: { visit: { liabilityLinks: unknown[] } } }).data.visit.liabilityLinks).toHaveLength(2);
    expect(sql).toHaveLength(1);
  });
});
