import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attach,
  newPatient,
  orderIn,
  ORDER_FIELDS,
  startKit,
  transition,
  TRAUMA_FORM,
  type Kit,
  type OrderView,
} from "./order.fixtures.js";
import { uploadFile, PDF_BYTES } from "./files/files.fixtures.js";

let kit: Kit;
let order: OrderView;
let fileId: string;

beforeAll(async () => {
  kit = await startKit();
  order = await orderIn(kit, "IN_EVALUATION");
  const up = await uploadFile(kit.api.url, kit.labAKey, PDF_BYTES, "informe.pdf");
  expect(up.status).toBe(201);
  fileId = up.body.id as string;
  const res = await attach(kit, kit.labAKey, order.id, "FINAL", { fileId });
  expect(res.userErrors).toEqual([]);
  order = res.order!;
});
afterAll(async () => kit?.api.close());

describe("the provider sees what its order needs", () => {
  it("reads the case and the patient of an order addressed to it", async () => {
    const res = await kit.q<{ order: { case: { id: string; patient: { id: string } | null } | null } }>(
      `query($id: ID!) { order(id: $id) { case { id patient { id } } } }`,
      { id: order.id },
      kit.labAKey,
    );
    expect(res.order.case?.id).toBeTruthy();
    expect(res.order.case?.patient?.id).toBeTruthy();
  });
});

describe("lab B cannot see or touch lab A's orders, files or reports", () => {
  it("gets null for lab A's order and an empty list", async () => {
    const one = await kit.q<{ order: OrderView | null }>(
      `query($id: ID!) { order(id: $id) { id } }`,
      { id: order.id },
      kit.labBKey,
    );
    expect(one.order).toBeNull();
    const list = await kit.q<{ orders: { totalCount: number; nodes: unknown[] } }>(
      `{ orders(first: 100) { totalCount nodes { id } } }`,
      {},
      kit.labBKey,
    );
    expect(list.orders).toEqual({ totalCount: 0, nodes: [] });
    const search = await kit.q<{ orders: { nodes: unknown[] } }>(
      `query($s: String) { orders(first: 10, filter: { search: $s }) { nodes { id } } }`,
      { s: order.number },
      kit.labBKey,
    );
    expect(search.orders.nodes).toEqual([]);
  });

  it("gets NOT_FOUND, exactly as for a missing order, when it transitions or attaches to it", async () => {
    const t = await transition(kit, kit.labBKey, order, "SUBMIT_FOR_REVIEW");
    expect(t.userErrors[0]!.code).toBe("NOT_FOUND");
    const missing = await transition(
      kit,
      kit.labBKey,
      { id: "01900000-0000-7000-8000-000000000000", version: 1 },
      "CONFIRM",
    );
    expect(missing.userErrors[0]).toEqual({ ...t.userErrors[0], field: ["id"] });
    const a = await attach(kit, kit.labBKey, order.id, "FINAL", { form: TRAUMA_FORM });
    expect(a.userErrors[0]!.code).toBe("NOT_FOUND");
    const still = await kit.q<{ order: OrderView }>(
      `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      { id: order.id },
      kit.operator,
    );
    expect(still.order.reports).toHaveLength(1);
    expect(still.order.version).toBe(order.version);
  });

  it("gets 404 for lab A's file, and cannot attach it to its own order", async () => {
    const res = await fetch(`${kit.api.url}/files/${fileId}`, { headers: { authorization: `Bearer ${kit.labBKey}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    const own = await kit.api.gql(`{ orders { nodes { id } } }`, {}, kit.labBKey);
    expect(own.errors).toBeUndefined();
    // Lab A can download it; the operator too.
    for (const token of [kit.labAKey, kit.operator]) {
      const ok = await fetch(`${kit.api.url}/files/${fileId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(Buffer.from(await ok.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    }
  });

  it("lets the case's registering hospital read the order but not act on it", async () => {
    // The kit's case was registered by the operator; register one at the hospital, for a
    // patient of its own (a hospital registers cases only for patients in its scope).
    const patient = await newPatient(kit.fx, kit.hospital);
    const reg = await kit.q<{ registerCase: { case: { id: string } } }>(
      `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } userErrors { code } } }`,
      { i: { patientId: patient.id, kind: "INPATIENT", incidentDate: "2026-02-02" } },
      kit.hospitalKey,
    );
    const caseId = reg.registerCase.case.id;
    const issued = await kit.q<{ issueOrder: { order: OrderView } }>(
      `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { ${ORDER_FIELDS} } } }`,
      { i: { caseId, providerId: kit.labA.id, kind: "EXAM", specialty: "audiology", serviceCodes: ["AUD-01"] } },
      kit.operator,
    );
    const o = issued.issueOrder.order;
    const seen = await kit.q<{ order: OrderView | null }>(
      `query($id: ID!) { order(id: $id) { id availableTransitions } }`,
      { id: o.id },
      kit.hospitalKey,
    );
    expect(seen.order).toEqual({ id: o.id, availableTransitions: [] });
    expect((await transition(kit, kit.hospitalKey, o, "CONFIRM")).userErrors[0]!.code).toBe("TRANSITION_NOT_PERMITTED");
    // Lab B sees neither the hospital's case nor its order.
    const caseB = await kit.q<{ case: unknown }>(
      `query($id: ID!) { case(id: $id) { id } }`,
      { id: caseId },
      kit.labBKey,
    );
    expect(caseB.case).toBeNull();
    // Lab A sees the case through its order.
    const caseA = await kit.q<{ case: { id: string } | null }>(
      `query($id: ID!) { case(id: $id) { id } }`,
      { id: caseId },
      kit.labAKey,
    );
    expect(caseA.case?.id).toBe(caseId);
  });
});
