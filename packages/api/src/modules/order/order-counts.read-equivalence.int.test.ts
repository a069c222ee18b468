import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { pick } from "../../test-support/read-world.fixtures.js";
import { expectOneStatementPerRead, expectSameAnswerOrRefusal } from "../../test-support/operational-world.fixtures.js";
import { startCountsKit } from "./order-counts.fixtures.js";
import type { ReadKit } from "./order-reads.fixtures.js";

/**
 * The console's counters on the compiled path equal the resolvers' answers for every
 * principal kind (issue 17): `orderTrayCounts` under random filters (the tray rule,
 * TRAY_STATUSES, through orderWhere) and `reportInbox` (REPORT_INBOX_RULE; OPERATOR only,
 * the others refused by the resolvers on both paths), each one statement.
 */
let kit: ReadKit;

beforeAll(async () => {
  kit = await startCountsKit();
}, 300_000);
afterAll(async () => kit?.api.close());

const principal = () => fc.constantFrom(...Object.keys(kit.principals));
const TRAYS = pick(["inProcess", "worked", "toManage", "closed", "__typename"]).map((s) => `{ ${s} }`);
const INBOX = pick(["awaiting", "orders", "oldestAt", "__typename"]).map((s) => `{ ${s} }`);

describe("compiled counters equal the resolvers' answers (property)", () => {
  it("orderTrayCounts under random filters, every principal", async () => {
    const FILTER = fc.record(
      {
        tray: fc.constantFrom("IN_PROCESS", "WORKED", "TO_MANAGE", "CLOSED"),
        status: fc.subarray(["ISSUED", "CONFIRMED", "IN_EVALUATION", "IN_VERIFICATION", "REJECTED", "VOIDED"], {
          minLength: 1,
        }),
        providerId: fc.constantFrom(kit.labA.id, kit.labB.id),
        specialty: fc.constantFrom("traumatology", "psychiatry", "cardiology"),
        overdue: fc.boolean(),
        reportsAwaiting: fc.boolean(),
        serviceCode: fc.constantFrom("USD-01", "AUD-01", "PSY-01"),
        issuedFrom: fc.constant("2020-01-01T00:00:00.000Z"),
        search: fc.constantFrom("CASE-", "nobody"),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(TRAYS, principal(), fc.option(FILTER), async (sel, who, filter) =>
        expectSameAnswerOrRefusal(
          kit,
          `query($f: OrderFilter) { orderTrayCounts(filter: $f) ${sel} }`,
          { f: filter },
          who,
          kit.principals[who]!,
        ),
      ),
      { numRuns: 40 },
    );
  }, 600_000);

  it("reportInbox, every principal (OPERATOR's, branch sessions included)", async () => {
    await fc.assert(
      fc.asyncProperty(INBOX, principal(), async (sel, who) =>
        expectSameAnswerOrRefusal(kit, `{ reportInbox ${sel} }`, {}, who, kit.principals[who]!),
      ),
      { numRuns: 30 },
    );
  }, 600_000);

  it("counts something: the trays hold orders and the inbox reports", async () => {
    const r = await kit.read(
      "compiled",
      `{ orderTrayCounts { inProcess worked toManage closed } reportInbox { awaiting orders oldestAt } }`,
      {},
      kit.principals.operator!,
    );
    expect(r.answeredBy).toBe("compiled");
    const data = (r.body as { data: { orderTrayCounts: Record<string, number>; reportInbox: { awaiting: number } } })
      .data;
    expect(Object.values(data.orderTrayCounts).every((n) => n > 0)).toBe(true);
    expect(data.reportInbox.awaiting).toBeGreaterThan(0);
    // A branch session counts its branch's orders only: the south office covers none.
    const south = await kit.read(
      "compiled",
      `{ orderTrayCounts { inProcess worked toManage closed } }`,
      {},
      kit.principals.operatorSouth!,
    );
    expect(south.answeredBy).toBe("compiled");
    const counts = (south.body as { data: { orderTrayCounts: Record<string, number> } }).data.orderTrayCounts;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeLessThan(
      Object.values(data.orderTrayCounts).reduce((a, b) => a + b, 0),
    );
  });

  it("is one statement for all four trays and the inbox", async () => {
    await expectOneStatementPerRead(
      kit.api,
      kit.principals,
      () => `{ orderTrayCounts { inProcess worked toManage closed } reportInbox { awaiting orders oldestAt } }`,
      ["operator", "operatorNorth"],
    );
    await expectOneStatementPerRead(
      kit.api,
      kit.principals,
      () => `{ orderTrayCounts(filter: { overdue: false }) { inProcess worked toManage closed } }`,
      ["labA", "admin"],
    );
  });
});
