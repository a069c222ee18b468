import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CHANGE,
  connectionOf,
  expectSameAnswer,
  expectSamePage,
  ORG,
  PAGE_MODE,
  pick,
  POLICY,
  startReadWorld,
  statementRecorder,
  type ReadWorld,
} from "../../test-support/read-world.fixtures.js";

let world: ReadWorld;
let patientIds: string[];

beforeAll(async () => {
  world = await startReadWorld();
  const r = await world.read("orm", `{ patients(first: 100) { nodes { id } } }`, {}, world.principals.admin!);
  patientIds = (r.body as { data: { patients: { nodes: { id: string }[] } } }).data.patients.nodes.map((n) => n.id);
  expect(patientIds.length).toBeGreaterThan(2);
}, 300_000);
afterAll(async () => world?.api.close());

const PATIENT = fc
  .tuple(
    pick([
      "id",
      "customerNumber",
      "firstName",
      "lastName",
      "birthDate",
      "phone",
      "email",
      "language",
      "status",
      "smsConsent",
      "emailConsent",
      "registeredById",
      "nationalId",
      "declaredInsurance",
      "declaredPolicyNumber",
      "declaredPolicyVerified",
      "availableTransitions",
      "version",
      "createdAt",
      "__typename",
    ]),
    fc.option(ORG),
    fc.option(POLICY),
    fc.option(CHANGE),
  )
  .map(
    ([s, r, pol, h]) =>
      `{ ${s} ${r ? `registeredBy ${r}` : ""} ${pol ? `policies ${pol}` : ""} ${h ? `history ${h}` : ""} }`,
  );
const FILTER = fc.record(
  {
    status: fc.subarray(["PROSPECT", "ACTIVE", "INACTIVE"], { minLength: 1 }),
    search: fc.constantFrom("王", "a", "nobody"),
  },
  { requiredKeys: [] },
);
const ORDER_BY = fc.record({
  field: fc.constantFrom("LAST_NAME", "CUSTOMER_NUMBER", "CREATED_AT"),
  direction: fc.constantFrom("ASC", "DESC"),
});
const principal = () => fc.constantFrom(...Object.keys(world.principals));

describe("compiled patient reads equal the resolvers' answers (property)", () => {
  it("for random selections of patient(id), every principal, own and foreign ids", async () => {
    await fc.assert(
      fc.asyncProperty(PATIENT, principal(), fc.nat(), async (sel, who, n) => {
        const id = patientIds[n % patientIds.length];
        await expectSameAnswer(
          world,
          `query($id: ID!) { patient(id: $id) ${sel} }`,
          { id },
          who,
          world.principals[who]!,
        );
      }),
      { numRuns: 30 },
    );
  }, 600_000);

  it("for random patients connections: filters, orderBy, page sizes, offsets and cursors both ways", async () => {
    await fc.assert(
      fc.asyncProperty(
        connectionOf(PATIENT),
        principal(),
        fc.option(FILTER),
        fc.option(ORDER_BY),
        fc.integer({ min: 1, max: 5 }),
        PAGE_MODE,
        fc.nat(),
        async (sel, who, f, o, size, mode, n) =>
          expectSamePage(
            world,
            "patients",
            { filter: "PatientFilter", order: "PatientOrder" },
            sel,
            who,
            world.principals[who]!,
            { f, o },
            size,
            mode,
            n,
          ),
      ),
      { numRuns: 30 },
    );
  }, 600_000);

  it("is one statement for a page of patients with their registering organisation", async () => {
    const recorder = statementRecorder(world.api);
    try {
      const Q = `{ patients(first: 100) { totalCount nodes { id lastName registeredBy { id name } } } }`;
      await recorder.run(Q, {}, world.principals.operator!);
      const { sql } = await recorder.run(Q, {}, world.principals.operator!);
      expect(sql).toHaveLength(1);
    } finally {
      recorder.stop();
    }
  });

  it("compiles nationalId, the declared policy, policies and history for every principal", async () => {
    const Q = `{ patients(first: 100) { nodes { id nationalId declaredPolicyNumber declaredPolicyVerified
      availableTransitions policies { id number deductible } history { event actorName } } } }`;
    const admin = await world.read("compiled", Q, {}, world.principals.admin!);
    expect(admin.answeredBy).toBe("compiled");
    const nodes = (
      admin.body as { data: { patients: { nodes: { nationalId: string | null; policies: unknown[] }[] } } }
    ).data.patients.nodes;
    // The data the property runs over: ids in clear for ADMIN, memberships.
    expect(nodes.filter((n) => n.nationalId?.startsWith("X")).length).toBeGreaterThan(1);
    expect(nodes.some((n) => n.policies.length > 0)).toBe(true);
    for (const who of Object.keys(world.principals)) await expectSameAnswer(world, Q, {}, who, world.principals[who]!);
  });

  it("leaves a national-id lookup (rate-limited, audited) to the resolvers", async () => {
    const query = `query($n: String) { patients(filter: { nationalId: $n }) { nodes { id } } }`;
    const compiled = await world.read("compiled", query, { n: "X1234567" }, world.principals.operator!);
    expect(compiled.answeredBy).toBe("resolvers");
  });
});
