import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrganizationKind } from "../../modules/organization/organization.entity.js";
import { issueOrder, newPatient, startKit, type Kit } from "../../modules/order/order.fixtures.js";
import { LIMITS } from "./limits.js";
import { MAX_FILTER_IDS } from "./ids-filter.js";

/**
 * The console loads the references of a page (react-admin getMany) through one `ids`
 * filter per resource; the API keeps refusing more than LIMITS.maxAliases aliases.
 */
let kit: Kit;
let labAOrders: string[];
let labBOrder: string;
const MISSING = "01900000-0000-7000-8000-000000000000";

beforeAll(async () => {
  kit = await startKit();
  labAOrders = [];
  // one more than the alias limit allows as single reads in one request
  for (let i = 0; i <= LIMITS.maxAliases; i++) labAOrders.push((await issueOrder(kit)).id);
  labBOrder = (await issueOrder(kit, { providerId: kit.labB.id })).id;
});
afterAll(async () => kit?.api.close());

const ORDERS = `query($ids: [ID!]) { orders(first: 100, filter: { ids: $ids }) { totalCount nodes { id } } }`;

describe("the ids filter of the connections", () => {
  it("loads more rows than the alias limit in one request, each named id once", async () => {
    const ids = [...labAOrders, labAOrders[0]!, MISSING];
    const res = await kit.q<{ orders: { totalCount: number; nodes: { id: string }[] } }>(ORDERS, { ids }, kit.operator);
    expect(res.orders.nodes.map((n) => n.id).sort()).toEqual([...labAOrders].sort());
    expect(res.orders.totalCount).toBe(labAOrders.length);
  });

  it("leaves out a partner's foreign ids exactly like missing ones (the scope holds)", async () => {
    const res = await kit.q<{ orders: { totalCount: number; nodes: { id: string }[] } }>(
      ORDERS,
      { ids: [labAOrders[0], labBOrder, MISSING] },
      kit.labAKey,
    );
    expect(res.orders).toEqual({ totalCount: 1, nodes: [{ id: labAOrders[0] }] });
    const asLabB = await kit.q<{ orders: { totalCount: number; nodes: { id: string }[] } }>(
      ORDERS,
      { ids: labAOrders },
      kit.labBKey,
    );
    expect(asLabB.orders).toEqual({ totalCount: 0, nodes: [] });
  });

  it("narrows with the other filters, and an empty list matches nothing", async () => {
    const both = await kit.q<{ orders: { nodes: { id: string }[] } }>(
      `query($ids: [ID!], $p: ID) { orders(first: 100, filter: { ids: $ids, providerId: $p }) { nodes { id } } }`,
      { ids: [labAOrders[0], labBOrder], p: kit.labB.id },
      kit.operator,
    );
    expect(both.orders.nodes).toEqual([{ id: labBOrder }]);
    const none = await kit.q<{ orders: { totalCount: number } }>(ORDERS, { ids: [] }, kit.operator);
    expect(none.orders.totalCount).toBe(0);
  });

  it("is on every connection the console references: cases, patients, organisations, users, claims, visits…", async () => {
    const patient = await newPatient(kit.fx);
    const hospital = await kit.fx.organization(OrganizationKind.HOSPITAL);
    const read = async (list: string, type: string, ids: string[]) => {
      const res = await kit.q<Record<string, { nodes: { id: string }[] }>>(
        `query($ids: [ID!]) { ${list}(first: 100, filter: { ids: $ids }) { nodes { id } } }`,
        { ids },
        kit.operator,
      );
      expect(res[list], `${type}.ids`).toBeDefined();
      return res[list]!.nodes.map((n) => n.id).sort();
    };
    expect(await read("cases", "CaseFilter", [kit.caseId, MISSING])).toEqual([kit.caseId]);
    expect(await read("patients", "PatientFilter", [kit.patient.id, patient.id, MISSING])).toEqual(
      [kit.patient.id, patient.id].sort(),
    );
    expect(await read("organizations", "OrganizationFilter", [kit.labA.id, hospital.id])).toEqual(
      [kit.labA.id, hospital.id].sort(),
    );
    // the rest answer too (empty: none of these rows exist in this kit)
    for (const [list, type] of [
      ["claims", "ClaimFilter"],
      ["visits", "VisitFilter"],
      ["policies", "PolicyFilter"],
      ["users", "UserFilter"],
      ["serviceCodes", "ServiceCodeFilter"],
      ["workCalendars", "WorkCalendarFilter"],
    ] as const)
      expect(await read(list, type, [MISSING])).toEqual([]);
  });

  it(`refuses more than ${MAX_FILTER_IDS} ids with TOO_MANY_IDS and a malformed id as bad input`, async () => {
    const tooMany = Array.from(
      { length: MAX_FILTER_IDS + 1 },
      (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, "0")}`,
    );
    const over = await kit.api.gql(ORDERS, { ids: tooMany }, kit.operator);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_IDS", field: ["filter", "ids"] });
    const atLimit = await kit.api.gql(ORDERS, { ids: tooMany.slice(0, MAX_FILTER_IDS) }, kit.operator);
    expect(atLimit.errors).toBeUndefined();
    const malformed = await kit.api.gql(ORDERS, { ids: ["not-an-id"] }, kit.operator);
    expect(malformed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps the alias limit: one alias per row past it is still refused", async () => {
    const aliases = labAOrders.map((id, i) => `r${i}: order(id: "${id}") { id }`).join(" ");
    const res = await kit.api.gql(`{ ${aliases} }`, {}, kit.operator);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data ?? null).toBeNull();
  });
});
