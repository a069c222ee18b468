import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../test-support/entities.fixtures.js";
import { OrganizationKind, type Organization } from "./organization/organization.entity.js";
import { issueOrder, startKit, type Kit } from "./order/order.fixtures.js";
import { dentalFeeSchedule, insuredPatientWithCase } from "./claim/claim.fixtures.js";
import { REGISTER, SET_LINES, type PayloadShape } from "./claim/claim-graphql.fixtures.js";

/**
 * Issue 15: what the console's reference pages read. A service code's page lists where it
 * is used (orders requesting it, claims billing it), a work calendar's page its holidays by
 * year, a user's page when they last logged in.
 */
let kit: Kit;
let agency: Organization;
let agencyKey: string;
let otherAgencyKey: string;

beforeAll(async () => {
  kit = await startKit();
  await dentalFeeSchedule(kit.fx.em);
  agency = await kit.fx.organization(OrganizationKind.AGENCY);
  agencyKey = (await kit.fx.apiKey(agency)).secret;
  otherAgencyKey = (await kit.fx.apiKey(await kit.fx.organization(OrganizationKind.AGENCY))).secret;
});
afterAll(async () => kit?.api.close());

const ORDERS = `query($f: OrderFilter) { orders(filter: $f, first: 100) { totalCount nodes { id requestedCodes } } }`;
const CLAIMS = `query($f: ClaimFilter) { claims(filter: $f, first: 100) { totalCount nodes { id lines { serviceCode } } } }`;
type Orders = { orders: { totalCount: number; nodes: { id: string; requestedCodes: string[] }[] } };
type Claims = { claims: { totalCount: number; nodes: { id: string; lines: { serviceCode: string }[] }[] } };

describe("where a service code is used", () => {
  it("orders filtered by serviceCode are those requesting it, within the caller's scope", async () => {
    const both = await issueOrder(kit, { serviceCodes: ["TRAUMA-01", "TRAUMA-02"] });
    const other = await issueOrder(kit, { serviceCodes: ["PSY-01"], specialty: "psychiatry" });
    const res = await kit.q<Orders>(ORDERS, { f: { serviceCode: "TRAUMA-02" } }, kit.operator);
    const ids = res.orders.nodes.map((n) => n.id);
    expect(ids).toContain(both.id);
    expect(ids).not.toContain(other.id);
    expect(res.orders.nodes.every((n) => n.requestedCodes.includes("TRAUMA-02"))).toBe(true);
    // lab B is not the provider: the same filter shows it nothing
    const foreign = await kit.q<Orders>(ORDERS, { f: { serviceCode: "TRAUMA-02" } }, kit.labBKey);
    expect(foreign.orders.totalCount).toBe(0);
  });

  it("claims filtered by serviceCode are those with a line of it, within the caller's scope", async () => {
    const insurer = await kit.fx.organization(OrganizationKind.INSURER);
    const cov = await insuredPatientWithCase(kit.fx.em, { insurer, registeredBy: agency });
    const reg = await kit.api.gql<{ registerClaim: PayloadShape }>(
      REGISTER,
      { input: { caseId: cov.kase.id, policyId: cov.policy.id, liabilityId: cov.liability.id } },
      agencyKey,
    );
    const claim = reg.data.registerClaim.claim!;
    const set = await kit.api.gql<{ setClaimLines: PayloadShape }>(
      SET_LINES,
      {
        input: { id: claim.id, expectedVersion: claim.version, lines: [{ system: "CDT", code: "D1110", quantity: 1 }] },
      },
      agencyKey,
    );
    expect(set.data.setClaimLines.userErrors).toEqual([]);
    const used = await kit.q<Claims>(CLAIMS, { f: { serviceCode: "D1110" } }, agencyKey);
    expect(used.claims.nodes.map((n) => n.id)).toEqual([claim.id]);
    const unused = await kit.q<Claims>(CLAIMS, { f: { serviceCode: "D0150" } }, agencyKey);
    expect(unused.claims.totalCount).toBe(0);
    const foreign = await kit.q<Claims>(CLAIMS, { f: { serviceCode: "D1110" } }, otherAgencyKey);
    expect(foreign.claims.totalCount).toBe(0);
  });
});

describe("a work calendar's holidays by year", () => {
  it("lists Chile's 2026 public holidays in date order, named in the asked language", async () => {
    const admin = await kit.fx.user(["ADMIN"]);
    const token = await loginAs(kit.api.gql, admin.email, admin.password);
    const created = await kit.q<{ createWorkCalendar: { workCalendar: { id: string } } }>(
      `mutation($i: CreateWorkCalendarInput!) { createWorkCalendar(input: $i) { workCalendar { id } } }`,
      { i: { name: "Chile reference page", country: "CL", timeZone: "America/Santiago" } },
      token,
    );
    const read = await kit.q<{
      workCalendar: {
        es: { date: string; name: string; days: number }[];
        en: { date: string; name: string }[];
        none: unknown[];
      };
    }>(
      `query($id: ID!) { workCalendar(id: $id) {
         es: holidays(year: 2026, language: es) { date name days }
         en: holidays(year: 2026, language: en) { date name }
         none: holidays(year: 1066) { date } } }`,
      { id: created.createWorkCalendar.workCalendar.id },
      token,
    );
    const { es, en, none } = read.workCalendar;
    expect(es.map((h) => h.date)).toEqual([...es.map((h) => h.date)].sort());
    expect(es.find((h) => h.date === "2026-09-18")).toMatchObject({ days: 1 });
    expect(es.find((h) => h.date === "2026-01-01")?.name).toMatch(/Año Nuevo/);
    expect(en.find((h) => h.date === "2026-01-01")?.name).toMatch(/New Year/);
    // Chile's 31 December is a bank holiday: offices work, so the page does not list it
    expect(es.some((h) => h.date === "2026-12-31")).toBe(false);
    expect(none).toEqual([]);
  });
});

describe("a user's last login", () => {
  it("is null before the first login and set by a login", async () => {
    const admin = await kit.fx.user(["ADMIN"]);
    const token = await loginAs(kit.api.gql, admin.email, admin.password);
    const fresh = await kit.fx.user(["VISITOR"]);
    const Q = `query($id: ID!) { user(id: $id) { lastLoginAt } }`;
    const before = await kit.q<{ user: { lastLoginAt: string | null } }>(Q, { id: fresh.id }, token);
    expect(before.user.lastLoginAt).toBeNull();
    const started = Date.now();
    await loginAs(kit.api.gql, fresh.email, fresh.password);
    const after = await kit.q<{ user: { lastLoginAt: string | null } }>(Q, { id: fresh.id }, token);
    expect(Date.parse(after.user.lastLoginAt!)).toBeGreaterThanOrEqual(started - 1000);
  });
});
