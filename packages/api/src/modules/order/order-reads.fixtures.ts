/**
 * A seeded region for the compiled read path's tests (issue 17): orders of two labs in every
 * reachable state, on cases registered by the operator and at a hospital, with reports and
 * histories, and one principal of every kind that reads orders.
 */
import { expect } from "vitest";
import { SYSTEM } from "../../platform/auth/principal.js";
import { forkFor } from "../../platform/db/orm.js";
import { READ_PATH_HEADER } from "../../platform/read-compiler/plugin.js";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { CaseKind } from "../case/case.entity.js";
import { CaseService } from "../case/case.service.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { fire, issueOrder, newPatient, orderIn, startKit, type Kit } from "./order.fixtures.js";

export interface ReadKit extends Kit {
  /** Token or key per principal kind that reads orders. */
  principals: Record<string, string>;
  orderIds: string[];
  /** Runs a query on the compiled path (`compiled`) or the resolvers (`orm`): the raw body and which path answered. */
  read: (
    path: "compiled" | "orm",
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ) => Promise<{ body: unknown; answeredBy: string }>;
}

export async function startReadKit(): Promise<ReadKit> {
  const kit = await startKit();
  const staff = async (role: "ADMIN" | "REVIEWER" | "VISITOR") => {
    const u = await kit.fx.user([role]);
    return loginAs(kit.api.gql, u.email, u.password);
  };
  const agency = await kit.fx.organization(OrganizationKind.AGENCY);
  const principals: Record<string, string> = {
    operator: kit.operator,
    billing: kit.billing,
    admin: await staff("ADMIN"),
    reviewer: await staff("REVIEWER"),
    visitor: await staff("VISITOR"),
    labA: kit.labAKey,
    labB: kit.labBKey,
    hospital: kit.hospitalKey,
    agency: (await kit.fx.apiKey(agency)).secret,
  };
  const orderIds: string[] = [];
  for (const status of ["ISSUED", "CONFIRMED", "IN_EVALUATION", "IN_VERIFICATION", "REJECTED", "VALIDATED_FOR_BILLING"])
    orderIds.push((await orderIn(kit, status)).id);
  orderIds.push((await orderIn(kit, "SUSPENDED")).id);
  const voided = await issueOrder(kit, { specialty: "psychiatry", serviceCodes: ["PSY-01"] });
  orderIds.push((await fire(kit, kit.operator, voided, "VOID", { reason: "duplicate" })).id);
  // A case at the hospital (its orders are the hospital's to read) and one of the agency's.
  const em = forkFor(kit.api.orm, SYSTEM);
  for (const registeredById of [kit.hospital.id, agency.id]) {
    const patient = await newPatient(kit.fx, registeredById === agency.id ? agency : undefined);
    const kase = await new CaseService(em, SYSTEM, null).register({
      patientId: patient.id,
      kind: CaseKind.OUTPATIENT,
      incidentDate: "2026-02-03",
      registeredById,
    });
    for (const [providerId, codes] of [
      [kit.labB.id, ["USD-01"]],
      [kit.labA.id, ["AUD-01"]],
      [kit.labB.id, ["TRAUMA-02"]],
    ] as const)
      orderIds.push((await issueOrder(kit, { caseId: kase.id, providerId, serviceCodes: codes })).id);
  }
  const read: ReadKit["read"] = async (path, query, variables, token) => {
    const before = process.env.READ_COMPILER;
    if (path === "orm") process.env.READ_COMPILER = "off";
    try {
      const res = await fetch(`${kit.api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { body: await res.json(), answeredBy: res.headers.get(READ_PATH_HEADER) ?? "resolvers" };
    } finally {
      if (before === undefined) delete process.env.READ_COMPILER;
      else process.env.READ_COMPILER = before;
    }
  };
  expect(orderIds.length).toBeGreaterThan(10);
  return { ...kit, principals, orderIds, read };
}
