import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { NATIONAL_ID_LOOKUP_LIMIT, NATIONAL_ID_MASK } from "./national-id.js";

/**
 * Issue 14 item 5: a Bulgarian ЕГН is YYMMDD + 4 digits, so showing birthDate and the last
 * four digits handed it out whole. Nothing shown may combine into the id; the exact-id
 * filter is for the roles that need it, audited and rate-limited.
 */
let api: TestApi;
let fx: Fixtures;
let clinicKey: string;
let otherClinicKey: string;
let visitorToken: string;
let billingToken: string;
let operatorToken: string;
let adminToken: string;

const EGN = "8804127531";
const LOOKUP = `query($nid: String!) { patients(first: 10, filter: { nationalId: $nid }) { nodes { id } } }`;

async function register(nationalId: string, lastName: string): Promise<string> {
  const res = await api.gql<{ registerPatient: { patient: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id } userErrors { code } } }`,
    { i: { firstName: "Ivana", lastName, birthDate: "1988-04-12", nationalId } },
    clinicKey,
  );
  expect(res.data.registerPatient.userErrors).toEqual([]);
  return res.data.registerPatient.patient!.id;
}

const lookupAudits = async () =>
  api.orm.em
    .getConnection()
    .execute<{ actor_id: string; changes: unknown; entity_id: string | null }[]>(
      `select actor_id, changes, entity_id from audit_event where action = 'patient.lookup.nationalId'`,
    );

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  clinicKey = (await fx.apiKey(await fx.organization(OrganizationKind.CLINIC))).secret;
  otherClinicKey = (await fx.apiKey(await fx.organization(OrganizationKind.CLINIC))).secret;
  const token = async (role: "VISITOR" | "BILLING" | "OPERATOR" | "ADMIN") => {
    const u = await fx.user([role]);
    return loginAs(api.gql, u.email, u.password);
  };
  visitorToken = await token("VISITOR");
  billingToken = await token("BILLING");
  operatorToken = await token("OPERATOR");
  adminToken = await token("ADMIN");
});
afterAll(async () => api?.close());

describe("what a national id shows", () => {
  it("never lets birthDate and the shown value rebuild a Bulgarian ЕГН", async () => {
    const id = await register(EGN, "Masked");
    // A VISITOR or BILLING user with no work on this patient does not see it at all (staff
    // row rules); an OPERATOR sees it with the mask; the registering clinic, which entered
    // it, reads its own entry in full (platform/auth/sensitive-fields.ts).
    for (const token of [visitorToken, billingToken]) {
      const hidden = await api.gql<{ patient: unknown }>(`query($id: ID!) { patient(id: $id) { id } }`, { id }, token);
      expect(hidden.data.patient).toBeNull();
    }
    for (const token of [operatorToken]) {
      const res = await api.gql<{ patient: { birthDate: string; nationalId: string } }>(
        `query($id: ID!) { patient(id: $id) { birthDate nationalId } }`,
        { id },
        token,
      );
      const { birthDate, nationalId } = res.data.patient;
      expect(birthDate).toBe("1988-04-12");
      expect(nationalId).toBe(NATIONAL_ID_MASK);
      // Not one digit of the id, so YYMMDD from birthDate plus anything shown is never the id.
      expect(nationalId).not.toMatch(/\d/);
      expect(`${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${nationalId}`).not.toContain(
        EGN.slice(6),
      );
    }
    for (const token of [adminToken, clinicKey]) {
      const full = await api.gql<{ patient: { nationalId: string } }>(
        `query($id: ID!) { patient(id: $id) { nationalId } }`,
        { id },
        token,
      );
      expect(full.data.patient.nationalId).toBe(EGN);
    }
  });
});

describe("looking a patient up by national id", () => {
  it("is refused to a VISITOR and to BILLING with FORBIDDEN, and confirms nothing", async () => {
    await register("7701019999", "Visitor-Target");
    for (const token of [visitorToken, billingToken]) {
      const res = await api.gql(LOOKUP, { nid: "7701019999" }, token);
      expect(res.data?.patients ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("finds any patient for operator staff and only its own patients for a partner", async () => {
    const id = await register("6605051234", "Own-Lookup");
    const asOperator = await api.gql<{ patients: { nodes: { id: string }[] } }>(
      LOOKUP,
      { nid: "6605051234" },
      operatorToken,
    );
    expect(asOperator.data.patients.nodes).toEqual([{ id }]);
    const asOwner = await api.gql<{ patients: { nodes: { id: string }[] } }>(LOOKUP, { nid: "6605051234" }, clinicKey);
    expect(asOwner.data.patients.nodes).toEqual([{ id }]);
    const asOther = await api.gql<{ patients: { nodes: { id: string }[] } }>(
      LOOKUP,
      { nid: "6605051234" },
      otherClinicKey,
    );
    expect(asOther.data.patients.nodes).toEqual([]);
  });

  it("writes one audit row per lookup, without the id or its hash", async () => {
    const before = (await lookupAudits()).length;
    await api.gql(LOOKUP, { nid: "5512129876" }, operatorToken);
    await api.gql(LOOKUP, { nid: "5512129877" }, operatorToken);
    const rows = await lookupAudits();
    expect(rows.length).toBe(before + 2);
    const text = JSON.stringify(rows);
    expect(text).not.toContain("5512129876");
    expect(text).not.toContain("551212");
  });

  it("rate-limits a principal after its lookups per window with a top-level RATE_LIMITED and HTTP 429", async () => {
    const u = await fx.user(["OPERATOR"]);
    const token = await loginAs(api.gql, u.email, u.password);
    for (let i = 0; i < NATIONAL_ID_LOOKUP_LIMIT.points; i++) {
      const ok = await api.gql(LOOKUP, { nid: `99010${String(i).padStart(5, "0")}` }, token);
      expect(ok.errors).toBeUndefined();
    }
    const over = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: LOOKUP, variables: { nid: "9901099999" } }),
    });
    expect(over.status).toBe(429);
    const body = (await over.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    // Other queries of the same principal, and other principals' lookups, still work.
    expect((await api.gql(`{ patients(first: 1) { totalCount } }`, {}, token)).status).toBe(200);
    expect((await api.gql(LOOKUP, { nid: "9901099999" }, operatorToken)).errors).toBeUndefined();
  });
});
