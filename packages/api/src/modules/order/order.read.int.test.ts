import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReadKit, type ReadKit } from "./order-reads.fixtures.js";

let kit: ReadKit;

beforeAll(async () => {
  kit = await startReadKit();
});
afterAll(async () => kit?.api.close());

const ONE = `query($id: ID!) { order(id: $id) {
  id number status kind specialty requestedCodes confirmBy dueAt amount currency overdue availableTransitions
  caseId providerId version createdAt updatedAt suspendedAt lastRejectedAt invoiceReference notes __typename
  case { id number scanKey status incidentDate patientId registeredById hospitalId
    patient { id firstName lastName customerNumber birthDate } registeredBy { id name } hospital { id name } history { event } }
  provider { id name kind language }
  reports { id kind form createdAt orderId fileId file { id downloadPath } }
  history { fromStatus toStatus event createdAt reason reasonCode actorKind }
  lastStatusChange { toStatus event }
  rejection { code label text at }
} }`;

const LIST = `query($n: Int, $after: String, $f: OrderFilter, $o: OrderOrder) { orders(first: $n, after: $after, filter: $f, orderBy: $o) {
  totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id status } }
  nodes { id number status dueAt overdue amount
    case { id number patient { id firstName lastName } }
    provider { id name }
    reports { id kind createdAt }
    lastStatusChange { toStatus event createdAt } }
} }`;

describe("the compiled read path answers order reads as the resolvers do", () => {
  it("answers order(id) with everything nested, for every principal and every order", async () => {
    for (const [who, token] of Object.entries(kit.principals))
      for (const id of kit.orderIds) {
        const compiled = await kit.read("compiled", ONE, { id }, token);
        const orm = await kit.read("orm", ONE, { id }, token);
        expect(compiled.answeredBy, `${who} ${JSON.stringify(compiled.body)}`).toBe("compiled");
        expect(compiled.body, `${who} reads ${id}`).toEqual(orm.body);
      }
  });

  it("answers the orders connection with filters, sorting, cursors and totalCount", async () => {
    for (const [who, token] of Object.entries(kit.principals)) {
      let after: string | null = null;
      for (let page = 0; page < 4; page++) {
        const vars = { n: 3, after, o: { field: "DUE_AT", direction: "ASC" } };
        const compiled = await kit.read("compiled", LIST, vars, token);
        const orm = await kit.read("orm", LIST, vars, token);
        expect(compiled.answeredBy).toBe("compiled");
        expect(compiled.body, `${who} page ${page}`).toEqual(orm.body);
        const info = (
          compiled.body as { data: { orders: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } } }
        ).data.orders.pageInfo;
        if (!info.hasNextPage) break;
        after = info.endCursor;
      }
    }
  });
});
