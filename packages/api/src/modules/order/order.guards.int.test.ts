import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM } from "../../platform/auth/principal.js";
import { expireOrder } from "./order.expiry.js";
import {
  attach,
  fire,
  issueOrder,
  ORDER_FIELDS,
  orderIn,
  startKit,
  transition,
  TRAUMA_FORM,
  type Kit,
  type OrderView,
} from "./order.fixtures.js";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit?.api.close());

const sql = (query: string, params: unknown[] = []) => kit.fx.em.getConnection().execute(query, params);
const view = async (id: string, token = kit.operator) =>
  (await kit.q<{ order: OrderView }>(`query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`, { id }, token)).order;
const codeOf = (r: { userErrors: { code: string }[] }) => r.userErrors[0]?.code;
/** What the order's page offers: the machine's events whose guards, database ones included, pass. */
const ready = async (id: string, token = kit.labAKey) =>
  (
    await kit.q<{ order: { availableTransitions: string[]; readyTransitions: string[] } }>(
      `query($id: ID!) { order(id: $id) { availableTransitions readyTransitions } }`,
      { id },
      token,
    )
  ).order;

describe("guards that refuse", () => {
  it("refuses CONFIRM after confirmBy with CONFIRMATION_DEADLINE_PASSED and hides it from availableTransitions", async () => {
    const o = await issueOrder(kit);
    await sql(`update attention_order set confirm_by = now() - interval '1 minute' where id = ?`, [o.id]);
    expect((await view(o.id, kit.labAKey)).availableTransitions).toEqual([]);
    expect(codeOf(await transition(kit, kit.labAKey, o, "CONFIRM"))).toBe("CONFIRMATION_DEADLINE_PASSED");
    expect((await view(o.id)).status).toBe("ISSUED");
  });

  it("refuses SUBMIT_FOR_REVIEW with only a preliminary report (FINAL_REPORT_REQUIRED)", async () => {
    const o = await orderIn(kit, "IN_EVALUATION");
    expect((await attach(kit, kit.labAKey, o.id, "PRELIMINARY", { form: TRAUMA_FORM })).userErrors).toEqual([]);
    // the page does not offer it: the same guard answers readyTransitions
    expect(await ready(o.id)).toEqual({ availableTransitions: ["SUBMIT_FOR_REVIEW"], readyTransitions: [] });
    expect(codeOf(await transition(kit, kit.labAKey, o, "SUBMIT_FOR_REVIEW"))).toBe("FINAL_REPORT_REQUIRED");
    expect((await attach(kit, kit.labAKey, o.id, "FINAL", { form: TRAUMA_FORM })).userErrors).toEqual([]);
    expect((await ready(o.id)).readyTransitions).toEqual(["SUBMIT_FOR_REVIEW"]);
  });

  it("refuses RESUBMIT until a FINAL report newer than the rejection exists", async () => {
    const o = await orderIn(kit, "REJECTED");
    expect((await ready(o.id)).readyTransitions).toEqual([]);
    expect(codeOf(await transition(kit, kit.labAKey, o, "RESUBMIT"))).toBe("CORRECTED_REPORT_REQUIRED");
    const pre = await attach(kit, kit.labAKey, o.id, "PRELIMINARY", { form: TRAUMA_FORM });
    expect(codeOf(pre)).toBe("REPORT_NOT_ALLOWED_IN_STATE");
    expect((await attach(kit, kit.labAKey, o.id, "FINAL", { form: TRAUMA_FORM })).userErrors).toEqual([]);
    expect((await ready(o.id)).readyTransitions).toEqual(["RESUBMIT"]);
    expect((await transition(kit, kit.labAKey, o, "RESUBMIT")).userErrors).toEqual([]);
  });

  it("refuses REJECT without a reason code, without a reason, or with an unknown code", async () => {
    const o = await orderIn(kit, "IN_VERIFICATION");
    expect(codeOf(await transition(kit, kit.operator, o, "REJECT", { reason: "x" }))).toBe("REASON_CODE_REQUIRED");
    expect(codeOf(await transition(kit, kit.operator, o, "REJECT", { reasonCode: "WRONG_EXAM" }))).toBe(
      "REASON_REQUIRED",
    );
    expect(codeOf(await transition(kit, kit.operator, o, "REJECT", { reasonCode: "BAD", reason: "x" }))).toBe(
      "INVALID_REASON_CODE",
    );
    expect((await view(o.id)).status).toBe("IN_VERIFICATION");
  });

  it("lets only billing MARK_BILLED, and only with an invoice reference", async () => {
    const o = await orderIn(kit, "VALIDATED_FOR_BILLING");
    expect(codeOf(await transition(kit, kit.operator, o, "MARK_BILLED", { reference: "F-1" }))).toBe(
      "TRANSITION_NOT_PERMITTED",
    );
    expect(codeOf(await transition(kit, kit.billing, o, "MARK_BILLED"))).toBe("REFERENCE_REQUIRED");
    expect((await transition(kit, kit.billing, o, "MARK_BILLED", { reference: "F-1" })).order!.status).toBe("BILLED");
  });

  it("keeps provider events to the provider and operator events to the operator", async () => {
    const o = await issueOrder(kit);
    expect(codeOf(await transition(kit, kit.operator, o, "CONFIRM"))).toBe("TRANSITION_NOT_PERMITTED");
    expect(codeOf(await transition(kit, kit.labAKey, o, "VOID", { reason: "x" }))).toBe("TRANSITION_NOT_PERMITTED");
    expect(codeOf(await transition(kit, kit.operator, o, "APPROVE"))).toBe("INVALID_TRANSITION");
    const v = await orderIn(kit, "IN_VERIFICATION");
    expect(codeOf(await transition(kit, kit.labAKey, v, "APPROVE"))).toBe("TRANSITION_NOT_PERMITTED");
  });

  it("checks permission before state: a lab firing APPROVE gets the same code whatever the order's status", async () => {
    for (const status of ["ISSUED", "IN_EVALUATION", "IN_VERIFICATION"]) {
      const o = await orderIn(kit, status);
      const res = await transition(kit, kit.labAKey, o, "APPROVE");
      expect(res.userErrors, status).toEqual([
        { code: "TRANSITION_NOT_PERMITTED", field: ["event"], message: "You may not APPROVE this order." },
      ]);
    }
  });

  it("refuses a stale expectedVersion with STALE_VERSION", async () => {
    const o = await issueOrder(kit);
    expect(codeOf(await transition(kit, kit.labAKey, { id: o.id, version: o.version + 1 }, "CONFIRM"))).toBe(
      "STALE_VERSION",
    );
  });

  it("refuses reports outside IN_EVALUATION / REJECTED and reports with both or neither content", async () => {
    const o = await issueOrder(kit);
    expect(codeOf(await attach(kit, kit.labAKey, o.id, "FINAL", { form: TRAUMA_FORM }))).toBe(
      "REPORT_NOT_ALLOWED_IN_STATE",
    );
    const e = await orderIn(kit, "IN_EVALUATION");
    expect(codeOf(await attach(kit, kit.labAKey, e.id, "FINAL", {}))).toBe("REPORT_CONTENT_REQUIRED");
    expect(codeOf(await attach(kit, kit.labAKey, e.id, "FINAL", { form: TRAUMA_FORM, fileId: o.id }))).toBe(
      "REPORT_CONTENT_REQUIRED",
    );
  });

  it("refuses to issue with mixed currencies, unknown codes or a provider that is not a lab/clinic/interconsultant", async () => {
    const issue = (i: Record<string, unknown>) =>
      kit.q<{ issueOrder: { userErrors: { code: string; field: string[] }[] } }>(
        `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { id } userErrors { code field } } }`,
        {
          i: {
            caseId: kit.caseId,
            providerId: kit.labA.id,
            kind: "EXAM",
            specialty: "traumatology",
            serviceCodes: ["TRAUMA-01"],
            ...i,
          },
        },
        kit.operator,
      );
    expect((await issue({ serviceCodes: ["TRAUMA-01", "USD-01"] })).issueOrder.userErrors[0]!.code).toBe(
      "MIXED_CURRENCIES",
    );
    expect((await issue({ serviceCodes: ["TRAUMA-01", "NOPE"] })).issueOrder.userErrors[0]).toEqual({
      code: "UNKNOWN_SERVICE_CODE",
      field: ["serviceCodes", "1"],
    });
    expect((await issue({ providerId: kit.hospital.id })).issueOrder.userErrors[0]!.code).toBe("INVALID_PROVIDER");
    const asLab = await kit.api.gql(
      `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { id } } }`,
      {
        i: { caseId: kit.caseId, providerId: kit.labA.id, kind: "EXAM", specialty: "x", serviceCodes: ["TRAUMA-01"] },
      },
      kit.labAKey,
    );
    expect(asLab.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("defaults the deadlines per kind from configuration", async () => {
    const before = Date.now();
    const o = await issueOrder(kit, { kind: "EXPERT_OPINION" });
    const hours = (iso: string) => (new Date(iso).getTime() - before) / 3600_000;
    expect(hours(o.confirmBy)).toBeCloseTo(kit.api.config.ORDER_CONFIRM_HOURS_EXPERT_OPINION, 1);
    expect(hours(o.dueAt) / 24).toBeCloseTo(kit.api.config.ORDER_DUE_DAYS_EXPERT_OPINION, 1);
  });
});

describe("suspend and resume", () => {
  it("returns to the state before and moves both deadlines by the time suspended", async () => {
    const o = await orderIn(kit, "CONFIRMED");
    const suspended = await fire(kit, kit.operator, o, "SUSPEND", { reason: "Paciente hospitalizado" });
    expect(suspended.status).toBe("SUSPENDED");
    // Pretend the suspension started three hours ago.
    await sql(`update attention_order set suspended_at = suspended_at - interval '3 hours' where id = ?`, [o.id]);
    const resumed = await fire(kit, kit.operator, { id: o.id, version: suspended.version }, "RESUME");
    expect(resumed.status).toBe("CONFIRMED");
    const shift = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 3600_000;
    expect(shift(o.confirmBy, resumed.confirmBy)).toBeCloseTo(3, 2);
    expect(shift(o.dueAt, resumed.dueAt)).toBeCloseTo(3, 2);
    expect(resumed.history.slice(-2).map((h) => [h.event, h.toStatus])).toEqual([
      ["SUSPEND", "SUSPENDED"],
      ["RESUME", "CONFIRMED"],
    ]);
  });

  it("refuses SUSPEND without a reason and from IN_VERIFICATION", async () => {
    const o = await issueOrder(kit);
    expect(codeOf(await transition(kit, kit.operator, o, "SUSPEND"))).toBe("REASON_REQUIRED");
    const v = await orderIn(kit, "IN_VERIFICATION");
    expect(codeOf(await transition(kit, kit.operator, v, "SUSPEND", { reason: "x" }))).toBe("INVALID_TRANSITION");
  });
});

describe("void", () => {
  for (const status of [
    "ISSUED",
    "CONFIRMED",
    "IN_EVALUATION",
    "IN_VERIFICATION",
    "REJECTED",
    "VALIDATED_FOR_BILLING",
    "SUSPENDED",
  ]) {
    it(`voids from ${status} with a reason`, async () => {
      const o = await orderIn(kit, status);
      expect(o.status).toBe(status);
      expect(codeOf(await transition(kit, kit.operator, o, "VOID"))).toBe("REASON_REQUIRED");
      const voided = await fire(kit, kit.operator, o, "VOID", { reason: "Emitida por error" });
      expect(voided.status).toBe("VOIDED");
      expect(voided.history.at(-1)).toMatchObject({ fromStatus: status, event: "VOID", reason: "Emitida por error" });
      expect(codeOf(await transition(kit, kit.operator, voided, "VOID", { reason: "again" }))).toBe(
        "INVALID_TRANSITION",
      );
    });
  }
});

describe("expiry", () => {
  it("refuses EXPIRE to humans, even when the order is overdue", async () => {
    const o = await issueOrder(kit);
    await sql(`update attention_order set confirm_by = now() - interval '1 minute' where id = ?`, [o.id]);
    expect((await view(o.id)).overdue).toBe(true);
    expect(codeOf(await transition(kit, kit.operator, o, "EXPIRE"))).toBe("TRANSITION_NOT_PERMITTED");
    expect(codeOf(await transition(kit, kit.labAKey, o, "EXPIRE"))).toBe("TRANSITION_NOT_PERMITTED");
  });

  it("expireOrder expires an order past its deadline as SYSTEM, and only then", async () => {
    const o = await orderIn(kit, "IN_EVALUATION");
    const em = () => forkFor(kit.api.orm, SYSTEM);
    expect(await expireOrder(em(), o.id)).toBe(false);
    await sql(`update attention_order set due_at = now() - interval '1 minute' where id = ?`, [o.id]);
    const overdue = await kit.q<{ orders: { nodes: { id: string }[] } }>(
      `{ orders(first: 100, filter: { overdue: true }) { nodes { id } } }`,
      {},
      kit.operator,
    );
    expect(overdue.orders.nodes.map((n) => n.id)).toContain(o.id);
    expect(await expireOrder(em(), o.id)).toBe(true);
    const after = await view(o.id);
    expect(after.status).toBe("EXPIRED");
    expect(after.history.at(-1)).toMatchObject({ event: "EXPIRE", actorKind: "SYSTEM" });
    expect(await expireOrder(em(), o.id)).toBe(false);
  });
});

describe("concurrency", () => {
  it("lets exactly one of a concurrent APPROVE and REJECT win; the other gets STALE_VERSION", async () => {
    for (let round = 0; round < 3; round++) {
      const o = await orderIn(kit, "IN_VERIFICATION");
      const [a, r] = await Promise.all([
        transition(kit, kit.operator, o, "APPROVE"),
        transition(kit, kit.operator, o, "REJECT", { reasonCode: "OTHER", reason: "race" }),
      ]);
      const winners = [a, r].filter((x) => x.userErrors.length === 0);
      const losers = [a, r].filter((x) => x.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers[0]!.userErrors[0]!.code).toBe("STALE_VERSION");
      const final = await view(o.id);
      expect(final.history.filter((h) => h.event === "APPROVE" || h.event === "REJECT")).toHaveLength(1);
    }
  });
});
