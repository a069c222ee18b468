import { expect, it } from "vitest";
import fc from "fast-check";
import { describeCompiledReads } from "../../platform/read-compiler/test-support/compiled-reads.fixtures.js";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { pick, type ReadWorld } from "../../test-support/read-world.fixtures.js";
import { Organization } from "../organization/organization.entity.js";
import { WorkCalendar } from "../work-calendar/work-calendar.entity.js";

// Users, branches, work calendars and the organisation fields they made compilable
// (Organization.visitors, workCalendar, branch, branchId) on the compiled read path.

const BRANCH = pick(["id", "code", "name", "region", "active", "version", "createdAt", "updatedAt", "__typename"]).map(
  (s) => `{ ${s} }`,
);
const CALENDAR = pick([
  "id",
  "name",
  "country",
  "region",
  "weekendDays",
  "closures",
  "openDays",
  "timeZone",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const ORG_FLAT = pick(["id", "name", "kind", "branchId", "specialties", "__typename"]).map((s) => `{ ${s} }`);
const USER_FIELDS = [
  "id",
  "email",
  "name",
  "phone",
  "language",
  "roles",
  "partnerRoles",
  "active",
  "failedLogins",
  "lastLoginAt",
  "organizationId",
  "organizationKind",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
];
const USER = fc
  .tuple(pick(USER_FIELDS), fc.option(BRANCH), fc.option(ORG_FLAT))
  .map(([s, b, h]) => `{ ${s} ${b ? `branches ${b}` : ""} ${h ? `coveredHospitals ${h}` : ""} }`);
const ORGANIZATION = fc
  .tuple(
    pick(["id", "name", "kind", "active", "branchId", "specialties", "timeZone", "__typename"]),
    fc.option(BRANCH),
    fc.option(CALENDAR),
    fc.option(USER),
  )
  .map(
    ([s, b, c, v]) => `{ ${s} ${b ? `branch ${b}` : ""} ${c ? `workCalendar ${c}` : ""} ${v ? `visitors ${v}` : ""} }`,
  );

const idsOf = async (w: ReadWorld, query: string, field: string) => {
  const r = await w.read("orm", query, {}, w.principals.admin!);
  return (r.body as { data: Record<string, { nodes: { id: string }[] }> }).data[field]!.nodes.map((n) => n.id);
};

const reads = describeCompiledReads("compiled user, branch, calendar and organisation reads", {
  async seed(w) {
    // The hospital keeps a work calendar and specialties; a calendar of another country too.
    const em = w.w.fx.em.fork();
    const cal = em.create(WorkCalendar, {
      name: "中国 (national)",
      country: "CN",
      weekendDays: [0, 6],
      closures: ["2026-10-02"],
      openDays: ["2026-09-27"],
      timeZone: "Asia/Shanghai",
    } as never);
    em.create(WorkCalendar, { name: "Chile", country: "CL", region: "RM", timeZone: "America/Santiago" } as never);
    await em.flush();
    await em.nativeUpdate(Organization, { id: w.w.hospital.id }, {
      workCalendar: cal.id,
      specialties: ["traumatology", "orthopedics"],
    } as never);
  },
  async principals(w) {
    const admin = await w.w.fx.partnerUser(w.w.hospital, ["PARTNER_ADMIN"]);
    return { hospitalUser: await loginAs(w.api.gql as never, admin.email, admin.password) };
  },
  byId: [
    {
      field: "user",
      ids: async (w) => [
        ...(await idsOf(w, `{ users(first: 100) { nodes { id } } }`, "users")),
        ...(await idsOf(w, `{ partnerUsers(first: 100) { nodes { id } } }`, "partnerUsers")),
      ],
      selection: USER,
    },
    {
      field: "branch",
      ids: async (w) => {
        const r = await w.read("orm", `{ branches { id } }`, {}, w.principals.admin!);
        return (r.body as { data: { branches: { id: string }[] } }).data.branches.map((b) => b.id);
      },
      selection: BRANCH,
    },
    {
      field: "workCalendar",
      ids: (w) => idsOf(w, `{ workCalendars(first: 100) { nodes { id } } }`, "workCalendars"),
      selection: CALENDAR,
    },
    {
      field: "organization",
      ids: (w) => idsOf(w, `{ organizations(first: 100) { nodes { id } } }`, "organizations"),
      selection: ORGANIZATION,
      runs: 40,
    },
  ],
  connections: [
    {
      field: "users",
      types: { filter: "UserFilter", order: "UserOrder" },
      node: USER,
      filter: fc.record(
        {
          role: fc.constantFrom("OPERATOR", "VISITOR", "ADMIN"),
          active: fc.boolean(),
          search: fc.constantFrom("visitor", "operator", "nobody"),
        },
        { requiredKeys: [] },
      ),
      orderBy: fc.record({
        field: fc.constantFrom("NAME", "EMAIL", "CREATED_AT"),
        direction: fc.constantFrom("ASC", "DESC"),
      }),
    },
    {
      field: "partnerUsers",
      types: { filter: "PartnerUserFilter", order: "UserOrder" },
      node: USER,
      filter: fc.record({ active: fc.boolean(), search: fc.constantFrom("user", "nobody") }, { requiredKeys: [] }),
      orderBy: fc.record({
        field: fc.constantFrom("NAME", "EMAIL", "CREATED_AT"),
        direction: fc.constantFrom("ASC", "DESC"),
      }),
      runs: 20,
    },
    {
      field: "workCalendars",
      types: { filter: "WorkCalendarFilter", order: "WorkCalendarOrder" },
      node: CALENDAR,
      filter: fc.record(
        { country: fc.constantFrom("CN", "CL"), search: fc.constantFrom("中国", "Chile") },
        { requiredKeys: [] },
      ),
      orderBy: fc.record({
        field: fc.constantFrom("NAME", "COUNTRY", "CREATED_AT"),
        direction: fc.constantFrom("ASC", "DESC"),
      }),
      runs: 20,
    },
    {
      field: "organizations",
      types: { filter: "OrganizationFilter", order: "OrganizationOrder" },
      node: ORGANIZATION,
      runs: 20,
    },
  ],
  lists: [{ field: "branches", selection: BRANCH, runs: 15 }],
  statements: [
    {
      name: "a page of users with their branches and hospitals",
      query: `query($n: Int) { users(first: $n) { totalCount nodes { id name organizationKind branches { code } coveredHospitals { id name } } } }`,
      principals: ["admin", "operatorTEH"],
    },
    {
      name: "a page of organisations with branch, calendar and visitors",
      query: `query($n: Int) { organizations(first: $n) { nodes { id branchId branch { code } workCalendar { name closures } visitors { id name branches { code } } } } }`,
      principals: ["operator", "hospital", "hospitalUser"],
    },
    {
      name: "branches and work calendars asked together",
      query: `query($n: Int) { branches { id code } workCalendars(first: $n) { nodes { id weekendDays } } }`,
      principals: ["visitor", "clinic"],
    },
  ],
});

it("hands users and partnerUsers to the resolvers for whom their @Authorized roles refuse", async () => {
  const w = reads.world;
  for (const [query, who] of [
    [`{ users(first: 5) { nodes { id } } }`, "hospital"],
    [`{ user(id: "00000000-0000-0000-0000-000000000000") { id } }`, "clinic"],
    [`{ partnerUsers(first: 5) { nodes { id } } }`, "operator"],
  ] as const) {
    const compiled = await w.read("compiled", query, {}, w.principals[who]!);
    expect(compiled.answeredBy, `${who} ${query}`).toBe("resolvers");
    const errors = (compiled.body as { errors?: { extensions?: { code?: string } }[] }).errors;
    expect(errors?.[0]?.extensions?.code, `${who} ${query}`).toBe("FORBIDDEN");
  }
  // The roles that allow them are answered by the compiled path.
  for (const [query, who] of [
    [`{ users(first: 5) { nodes { id } } }`, "visitor"],
    [`{ partnerUsers(first: 5) { nodes { id } } }`, "hospitalUser"],
    [`{ partnerUsers(first: 5) { nodes { id } } }`, "admin"],
  ] as const)
    expect((await w.read("compiled", query, {}, w.principals[who]!)).answeredBy, `${who} ${query}`).toBe("compiled");
});

it("shows a hospital's visitors to staff who see them and to no partner, as the resolvers do", async () => {
  const w = reads.world;
  const Q = `query($id: ID!) { organization(id: $id) { id visitors { id } } }`;
  const visitors = async (who: string) => {
    const r = await w.read("compiled", Q, { id: w.w.hospital.id }, w.principals[who]!);
    expect(r.answeredBy).toBe("compiled");
    return (r.body as { data: { organization: { visitors: { id: string }[] } } }).data.organization.visitors
      .map((v) => v.id)
      .sort();
  };
  expect(await visitors("operator")).toEqual([w.w.visitor.id, w.w.secondVisitor.id].sort());
  expect(await visitors("visitor")).toEqual([w.w.visitor.id]);
  expect(await visitors("hospital")).toEqual([]);
  const clinic = await w.read("compiled", Q, { id: w.w.clinic.id }, w.principals.operator!);
  expect(clinic.body).toEqual({ data: { organization: { id: w.w.clinic.id, visitors: [] } } });
});
