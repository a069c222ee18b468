import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderIn, startKit, TRAUMA_FORM, type Kit } from "./order.fixtures.js";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit?.api.close());

const ATTACH = `mutation($i: AttachOrderReportInput!) {
  attachOrderReport(input: $i) { order { reports { kind serviceCode } } userErrors { code field } }
}`;

type Answer = {
  attachOrderReport: {
    order: { reports: { kind: string; serviceCode: string | null }[] } | null;
    userErrors: unknown[];
  };
};

describe("a report for one requested service", () => {
  it("files a report per requested service of an order with several, and refuses a service the order does not request", async () => {
    const order = await orderIn(kit, "IN_EVALUATION");
    const first = await kit.q<Answer>(
      ATTACH,
      { i: { orderId: order.id, kind: "PRELIMINARY", form: TRAUMA_FORM, serviceCode: "TRAUMA-01" } },
      kit.labAKey,
    );
    expect(first.attachOrderReport.userErrors).toEqual([]);
    const second = await kit.q<Answer>(
      ATTACH,
      { i: { orderId: order.id, kind: "PRELIMINARY", form: TRAUMA_FORM, serviceCode: "TRAUMA-02" } },
      kit.labAKey,
    );
    expect(second.attachOrderReport.order!.reports.map((r) => r.serviceCode).sort()).toEqual([
      "TRAUMA-01",
      "TRAUMA-02",
    ]);
    const wrong = await kit.q<Answer>(
      ATTACH,
      { i: { orderId: order.id, kind: "FINAL", form: TRAUMA_FORM, serviceCode: "NOT-REQUESTED" } },
      kit.labAKey,
    );
    expect(wrong.attachOrderReport.userErrors).toEqual([{ code: "SERVICE_NOT_REQUESTED", field: ["serviceCode"] }]);
  });
});
